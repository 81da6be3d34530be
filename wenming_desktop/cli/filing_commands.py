"""`wenming export record` and `wenming packet`: an activity's record sheet and the packet.

The period summary (`wenming export summary`) is an entry of the ledger registry.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wenming_desktop.cli.common import add_output_option, command_group, output_path, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.records import export_activity_record, load_detail
from wenming_desktop.services.filing.filing import build_packet, default_packet_name
from wenming_desktop.services.filing.ledgers import packet_options
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.villages.villages import find_village


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    record = exports.add_parser("record", parents=[common], help="活动记录表（PDF）")
    record.add_argument("activity_id", type=int, metavar="ACTIVITY_ID", help="活动编号")
    add_output_option(record)
    record.set_defaults(handler=_record)
    packet = subparsers.add_parser("packet", parents=[common], help="生成归档材料包")
    packet.add_argument("--period", required=True, help="2026、2026-H1、2026-Q3 或 2026-07")
    packet.add_argument("--village", help="只包含一个结对村（村名的任一唯一部分）")
    packet.add_argument(
        "-o", "--output", metavar="DIR", help="输出文件夹，或以 .zip 结尾的压缩文件"
    )
    for option in packet_options():
        packet.add_argument(option.flag, dest=option.key, action="store_true", help=option.help)
    packet.set_defaults(handler=_packet)


def _record(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        detail = load_detail(ws, args.activity_id)
        name = safe_filename(f"活动记录表_{detail.day:%Y-%m-%d}_{detail.title}.pdf")
        path = output_path(folder, args.output, name)
        export_activity_record(ws, args.activity_id, path)
    print(f"已导出活动记录表：{path}")
    return 0


def _packet(args: argparse.Namespace, folder: DataFolder) -> int:
    period = parse_period(args.period)
    with workspace(folder) as ws:
        village_id, village = find_village(ws.db, args.village) if args.village else (None, "")
        target = output_path(
            folder, args.output, default_packet_name(period, village or "全部结对村")
        )
        as_zip = Path(target).suffix.lower() == ".zip"

        def show(done: int, total: int, message: str) -> None:
            print(f"[{done / total:.0%}] {message}", flush=True)

        chosen = frozenset(o.key for o in packet_options() if getattr(args, o.key, False))
        result = build_packet(ws, period, village_id, target, as_zip, Progress(show), chosen)
    print(f"归档材料包已生成：{result.path}（{result.activities} 场活动，{result.files} 个文件）")
    if result.missing:
        print(f"注意：{len(result.missing)} 个附件的文件已缺失，未放入材料包（目录中已列出）：")
        for line in result.missing:
            print(f"  {line}")
    return 0
