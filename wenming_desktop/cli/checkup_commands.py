"""`wenming export signin` and `wenming import residents`: an activity's sign-in sheet and a
village's resident list from Excel. The checkup ledger is an entry of the ledger registry."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wenming_desktop.cli.common import (
    add_output_option,
    command_group,
    output_path,
    print_preview,
    workspace,
)
from wenming_desktop.config import DataFolder
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.checkups.checkup_exports import (
    export_resident_signin,
)
from wenming_desktop.services.checkups.checkups import get_day
from wenming_desktop.services.checkups.resident_import import apply_import, read_residents
from wenming_desktop.services.villages.villages import find_village


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    signin = exports.add_parser(
        "signin",
        parents=[common],
        help="签到表（PDF）：默认为志愿者签到表，--residents/--blank 为村民签到表",
    )
    signin.add_argument("activity_id", type=int, metavar="ACTIVITY_ID", help="活动编号")
    signin.add_argument("--residents", action="store_true", help="预先填入该村60岁及以上的村民")
    signin.add_argument(
        "--blank",
        type=int,
        default=None,
        metavar="N",
        help="空白行数（供名单外的村民签到）",
    )
    add_output_option(signin)
    signin.set_defaults(handler=_signin)
    imports = command_group(subparsers, common, "import", "从Excel表格导入")
    people = imports.add_parser("residents", parents=[common], help="导入一个结对村的村民名单")
    people.add_argument("file", metavar="FILE", help="村民名单（.xlsx/.xls/.et/.ods）")
    people.add_argument("--village", required=True, help="结对村（村名的任一唯一部分）")
    people.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    people.add_argument(
        "--skip-invalid", action="store_true", help="有错误的行跳过，只导入无误的行"
    )
    people.set_defaults(handler=_import_residents)


def _signin(args: argparse.Namespace, folder: DataFolder) -> int:
    if not args.residents and args.blank is None:
        return _volunteer_signin(args, folder)
    blank = args.blank or 0
    with workspace(folder) as ws:
        day = get_day(ws.db, args.activity_id)
        name = safe_filename(f"村民签到表_{day.start_at:%Y-%m-%d}_{day.title}.pdf")
        path = output_path(folder, args.output, name)
        count = export_resident_signin(ws.db, args.activity_id, path, args.residents, blank)
    print(f"已导出村民签到表（预填 {count} 人，空白 {blank} 行）：{path}")
    return 0


def _volunteer_signin(args: argparse.Namespace, folder: DataFolder) -> int:
    from wenming_desktop.services.activities.signin import (
        export_volunteer_signin,
        volunteer_signin_name,
    )

    with workspace(folder) as ws:
        path = output_path(folder, args.output, volunteer_signin_name(ws, args.activity_id))
        count = export_volunteer_signin(ws, args.activity_id, path)
    print(f"已导出志愿者签到表（预填 {count} 人）：{path}")
    return 0


def _import_residents(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        village_id, village = find_village(ws.db, args.village)
        plan = read_residents(ws.db, Path(args.file), village_id)
        print(f"文件：“{Path(args.file).name}”，结对村：{village}")
        print_preview(plan.preview)
        if args.dry_run:
            print("试运行：未写入任何数据")
            return 1 if plan.problems else 0
        result = apply_import(ws.db, plan, skip_invalid=args.skip_invalid)
    skipped = f"，跳过有错误的 {result.skipped_rows} 行" if result.skipped_rows else ""
    print(f"已导入：新增 {result.created} 人，更新 {result.updated} 人{skipped}")
    return 0
