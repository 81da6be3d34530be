"""`wenming export activities --year Y [--village NAME]`: the activity ledger."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from wenming_desktop.cli.common import add_output_option, command_group, output_path, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities.activity_export import export_activities, ledger_filename
from wenming_desktop.services.villages.villages import find_village


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    parser = exports.add_parser("activities", parents=[common], help="文明实践活动台账（Excel）")
    parser.add_argument("--year", type=int, default=date.today().year, help="年度，默认今年")
    parser.add_argument("--village", metavar="村名", help="只导出一个结对村（村名的一部分即可）")
    add_output_option(parser)
    parser.set_defaults(handler=_export_activities)


def _export_activities(args: argparse.Namespace, folder: DataFolder) -> int:
    if not 2000 <= args.year <= 2100:
        raise UserError(f"年度 {args.year} 不合理")
    with workspace(folder) as ws:
        village_id, village_name = (None, None)
        if args.village:
            village_id, village_name = find_village(ws.db, args.village)
        path = output_path(folder, args.output, ledger_filename(args.year, village_name))
        count = export_activities(ws.db, path, args.year, village_id, village_name)
    print(f"已导出 {count} 场活动：{path}")
    return 0
