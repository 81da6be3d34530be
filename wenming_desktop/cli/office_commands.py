"""`wenming export meeting-record|meeting-signin MEETING_ID`: one meeting's documents. The
office's period ledgers (meetings, rectifications, commendations) come from the ledger registry
(cli/ledger_commands.py)."""

from __future__ import annotations

import argparse
from typing import Any

from wenming_desktop.cli.common import add_output_option, command_group, output_path, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.office.meetings import get_meeting
from wenming_desktop.services.office.office_exports import (
    export_meeting_record,
    export_meeting_signin,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    record = exports.add_parser("meeting-record", parents=[common], help="会议记录（PDF）")
    record.add_argument("meeting_id", type=int, metavar="MEETING_ID", help="会议编号")
    add_output_option(record)
    record.set_defaults(handler=_record)
    signin = exports.add_parser(
        "meeting-signin", parents=[common], help="会议签到表，预填小组成员（PDF）"
    )
    signin.add_argument("meeting_id", type=int, metavar="MEETING_ID", help="会议编号")
    add_output_option(signin)
    signin.set_defaults(handler=_signin)


def _export(args: argparse.Namespace, folder: DataFolder, what: str) -> int:
    with workspace(folder) as ws:
        detail = get_meeting(ws.db, args.meeting_id)
        name = safe_filename(f"{what}_{detail.data.starts_at:%Y-%m-%d}_{detail.data.title}.pdf")
        path = output_path(folder, args.output, name)
        if what == "会议记录":
            export_meeting_record(ws, args.meeting_id, path)
        else:
            export_meeting_signin(ws, args.meeting_id, path)
    print(f"已导出{what}：{path}")
    return 0


def _record(args: argparse.Namespace, folder: DataFolder) -> int:
    return _export(args, folder, "会议记录")


def _signin(args: argparse.Namespace, folder: DataFolder) -> int:
    return _export(args, folder, "会议签到表")
