"""`wenming self-test`: the installation check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wenming_desktop import APP_NAME, __version__
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings.selftest import StepResult, run_selftest


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    test = subparsers.add_parser(
        "self-test", parents=[common], help="自检：在临时文件夹中试运行数据库、导出和窗口"
    )
    test.add_argument("--no-window", action="store_true", help="不打开窗口（没有图形环境时）")
    test.add_argument("--report", metavar="FILE", help="同时把自检结果写入此文件")
    test.add_argument("--keep", metavar="DIR", help="把临时数据文件夹留在 DIR 下以便查看")
    test.set_defaults(handler=_self_test)


def _self_test(args: argparse.Namespace, folder: DataFolder) -> int:
    lines = [f"{APP_NAME} {__version__} 自检"]
    report_file = Path(args.report).absolute() if args.report else None

    def say(line: str) -> None:
        lines.append(line)
        print(line, flush=True)
        if report_file is not None:
            report_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    say(lines.pop())

    def report(result: StepResult) -> None:
        say(f"{'通过' if result.ok else '失败'}  {result.name}：{result.detail}")

    window_check = None
    if not args.no_window:
        from wenming_desktop.ui.selftest import check_main_window  # Qt only when wanted

        window_check = check_main_window
    keep = Path(args.keep).absolute() if args.keep else None
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    results = run_selftest(window_check, report, keep)
    expected = 5 if args.no_window else 6
    ok = len(results) == expected and all(r.ok for r in results)
    say("自检通过" if ok else f"自检未通过（{sum(not r.ok for r in results)} 项失败）")
    return 0 if ok else 1
