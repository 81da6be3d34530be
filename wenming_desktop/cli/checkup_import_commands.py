"""`wenming import checkups FILE --activity ID`: a checkup day's results from Excel, checked and
previewed like every import, written all-or-nothing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wenming_desktop.cli.common import command_group, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.services.workbooks.sheet_reader import ACTION_ERROR, ACTION_NEW, ACTION_UPDATE

ACTIONS = (ACTION_NEW, ACTION_UPDATE, ACTION_ERROR)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    imports = command_group(subparsers, common, "import", "从Excel表格导入")
    sheet = imports.add_parser(
        "checkups",
        parents=[common],
        help="导入一个体检活动的体检结果（含中医体质问卷33题）",
    )
    sheet.add_argument("file", metavar="FILE.xlsx", help="体检结果表（.xlsx）")
    sheet.add_argument("--activity", type=int, required=True, metavar="ID", help="体检活动编号")
    sheet.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    sheet.set_defaults(handler=_import_checkups)


def _import_checkups(args: argparse.Namespace, folder: DataFolder) -> int:
    from wenming_desktop.services.checkups.checkup_import import (
        apply_checkup_import,
        read_checkups,
    )

    with workspace(folder) as ws:
        plan = read_checkups(ws.db, Path(args.file), args.activity)
        for problem in plan.problems:
            print(problem.text)
        rows = plan.preview.rows
        counts = {a: sum(1 for r in rows if r.action == a) for a in ACTIONS}
        print(
            f"{plan.day:%Y-%m-%d} {plan.title}：共 {len(rows)} 行，新增 {counts[ACTION_NEW]} 行，"
            f"更新 {counts[ACTION_UPDATE]} 行，有错误 {counts[ACTION_ERROR]} 行"
        )
        if args.dry_run:
            print("试运行：未写入任何数据")
            return 1 if plan.problems else 0
        result = apply_checkup_import(ws.db, plan)
    print(f"已导入体检记录：新增 {result.created} 人，更新 {result.updated} 人")
    return 0
