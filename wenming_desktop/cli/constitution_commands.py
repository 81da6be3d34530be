"""`wenming constitution ANSWERS`: score a paper 老年人中医药健康管理服务记录表 (33 answers) so a
doctor can check a hand-scored form; no data folder is read or written."""

from __future__ import annotations

import argparse
from typing import Any

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.constitution import judge, parse_answers


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


def score_lines(text: str) -> list[str]:
    """The printed table: one line per constitution (sum and verdict), then the result."""
    result = judge(parse_answers(text))
    lines = ["体质      得分  判定"]
    for name, total in result.sums.items():
        lines.append(f"{name}   {total:>4}  {result.verdicts[name]}")
    lines.append(f"判定结果：{result.summary}")
    lines.append(f"记入体检的体质：{result.primary or '（问卷未指向任何体质，请医生判定）'}")
    return lines


def _constitution(args: argparse.Namespace, folder: DataFolder) -> int:
    for line in score_lines(" ".join(args.answers)):
        print(line)
    return 0
