"""`wenming demo` and `wenming check`: filling a data folder and checking its database."""

from __future__ import annotations

import argparse
from typing import Any

from wenming_desktop.cli.common import workspace
from wenming_desktop.config import DataFolder
from wenming_desktop.services.safety.attachment_check import check_attachments, report_lines
from wenming_desktop.services.safety.integrity import check_sqlite_file, full_check
from wenming_desktop.services.settings.demo import load_demo

TABLE_LABELS = {
    "village": "结对村",
    "volunteer": "志愿者",
    "activity": "活动",
    "participation": "志愿服务记录",
    "clinic_service": "义诊服务项目",
    "resident": "村民",
    "checkup": "体检记录",
}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser("demo", parents=[common], help="向空的数据文件夹写入演示数据")
    demo.add_argument(
        "--scale",
        choices=("normal", "large"),
        default="normal",
        help="normal：约60名志愿者、300名村民；large：基准测试用的大医院规模",
    )
    demo.set_defaults(handler=_demo)
    check = subparsers.add_parser(
        "check", parents=[common], help="检查数据库完整性，以及附件文件是否齐全"
    )
    check.set_defaults(handler=_check)


def _demo(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        counts = load_demo(
            ws.db, large=args.scale == "large", progress=lambda m: print(f"正在写入{m}…")
        )
    summary = "，".join(f"{TABLE_LABELS[k]} {v} 条" for k, v in counts.items() if k in TABLE_LABELS)
    print(f"演示数据已写入 {folder.database}：{summary}")
    return 0


def _check(args: argparse.Namespace, folder: DataFolder) -> int:
    if not folder.database.exists() and folder.database_url() is None:
        print(f"错误：数据文件夹“{folder.root}”中没有数据库", flush=True)
        return 1
    problems = check_sqlite_file(folder.database) if folder.database_url() is None else []
    unnamed: list[str] = []
    if not problems:
        with workspace(folder, migrate=False) as ws:
            problems = full_check(ws.db)
            if not problems:
                report = check_attachments(ws.db, folder)
                problems = report_lines(report._replace(unnamed=[]))
                unnamed = report_lines(report._replace(missing=[]))
    for line in unnamed:  # a stray file is told, but does not fail the check
        print(line)
    if problems:
        for line in problems:
            print(line)
        print(f"检查未通过：发现 {len(problems)} 个问题（{folder.database}）")
        return 1
    print(f"检查通过：{ws.db.describe()}")
    return 0
