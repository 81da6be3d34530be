"""`wenming constitution ANSWERS`: score a paper 老年人中医药健康管理服务记录表 (33 answers) so a
doctor can check a hand-scored form (no database is opened); `wenming export guidance`: the
take-home 中医体质保健指导 sheets of a checkup day or of one checkup."""

from __future__ import annotations

import argparse
from typing import Any

from wenming_desktop.cli.common import add_output_option, command_group, output_path, workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.constitution import judge, parse_answers
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.checkups.checkups import get_day
from wenming_desktop.services.checkups.constitution_guidance import (
    export_checkup_guidance,
    export_day_guidance,
    guidance_file_name,
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    score = subparsers.add_parser(
        "constitution",
        parents=[common],
        help="中医体质辨识：输入33题答案（1～5），显示九种体质得分与判定",
    )
    score.add_argument(
        "answers",
        nargs="+",
        metavar="ANSWERS",
        help="33个1～5的数字，可连写（如 1213…）或用空格、逗号、短横分隔",
    )
    score.set_defaults(handler=_constitution)
    exports = command_group(subparsers, common, "export", "导出台账、表格和PDF")
    sheets = exports.add_parser(
        "guidance",
        parents=[common],
        help="中医体质保健指导（PDF，一人一页）：一个体检活动的全部，或 --checkup 指定一人",
    )
    sheets.add_argument(
        "activity_id", type=int, nargs="?", metavar="ACTIVITY_ID", help="体检活动编号"
    )
    sheets.add_argument("--checkup", type=int, metavar="CHECKUP_ID", help="只打印这一条体检记录")
    add_output_option(sheets)
    sheets.set_defaults(handler=_guidance)


def score_lines(text: str) -> list[str]:
    """The printed table: one line per constitution (sum and verdict), then the result."""
    result = judge(parse_answers(text))
    lines = ["体质      得分  判定"]
    for name, total in result.sums.items():
        lines.append(f"{name}   {total:>4}  {result.verdicts[name]}")
    lines.append(f"判定结果：{result.summary}")
    lines.append(f"记入体检的体质：{result.primary or '（问卷未指向任何体质，请医生判定）'}")
    return lines


def _guidance(args: argparse.Namespace, folder: DataFolder) -> int:
    if (args.activity_id is None) == (args.checkup is None):
        raise UserError("请给出体检活动编号，或用 --checkup 指定一条体检记录（二者选一）")
    with workspace(folder) as ws:
        if args.checkup is not None:
            path = output_path(folder, args.output, guidance_file_name(f"体检{args.checkup}"))
            name = export_checkup_guidance(ws.db, args.checkup, path)
            print(f"已导出{name}的中医体质保健指导：{path}")
            return 0
        day = get_day(ws.db, args.activity_id)
        stem = f"{day.start_at:%Y-%m-%d}_{day.title}"
        path = output_path(folder, args.output, guidance_file_name(stem))
        count = export_day_guidance(ws.db, args.activity_id, path)
    print(f"已导出中医体质保健指导 {count} 人（一人一页）：{path}")
    return 0


def _constitution(args: argparse.Namespace, folder: DataFolder) -> int:
    for line in score_lines(" ".join(args.answers)):
        print(line)
    return 0
