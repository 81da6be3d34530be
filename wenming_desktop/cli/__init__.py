"""The command line front `wenming`: the window by default, headless commands otherwise.

Each subject registers its commands from its own module (`register(subparsers, common)`), so a
new command is a new module plus one line in COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from wenming_desktop import APP_NAME, __version__
from wenming_desktop.cli import (
    backup_commands,
    checkup_commands,
    checkup_import_commands,
    constitution_commands,
    data_commands,
    filing_commands,
    ledger_commands,
    office_commands,
    roster_commands,
    selftest_commands,
)
from wenming_desktop.cli.parser import ChineseArgumentParser
from wenming_desktop.config import DataFolder, resolve_data_folder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.logs import setup_logging
from wenming_desktop.services.settings.location import network_share_warning

COMMAND_MODULES = (
    data_commands,
    ledger_commands,
    filing_commands,
    selftest_commands,
    roster_commands,
    checkup_commands,
    checkup_import_commands,
    constitution_commands,
    backup_commands,
    office_commands,
)

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    common = ChineseArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="数据文件夹（也可用环境变量 WENMING_DATA_DIR 指定）",
    )
    parser = ChineseArgumentParser(
        prog="wenming", description=f"{APP_NAME}：不带参数时打开窗口", parents=[common]
    )
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出"
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="命令", parser_class=ChineseArgumentParser
    )
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def _console_safe() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _warn_network_share(folder: DataFolder) -> None:
    """SQLite on a network share is not safe; every command says so."""
    warning = network_share_warning(folder.root) if folder.database_url() is None else None
    if warning:
        print(f"警告：{warning}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    _console_safe()
    args = build_parser().parse_args(argv)
    folder = None
    try:
        folder = resolve_data_folder(getattr(args, "data_dir", None))
        if args.command is None:
            from wenming_desktop.ui.app import run_gui  # Qt only when the window is wanted

            return run_gui(folder)
        folder.ensure()
        setup_logging(folder.log_file)
        _warn_network_share(folder)
        return int(args.handler(args, folder) or 0)
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except Exception as exc:
        log.exception("unexpected error in command %s", args.command)
        first_line = str(exc).splitlines()[0][:200] if str(exc) else ""
        print(
            f"程序内部错误：{type(exc).__name__}: {first_line}。"
            f"详细信息已写入 {folder.log_file if folder else '日志'}",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
