"""Helpers shared by the command modules: opening the workspace, output paths, villages."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wenming_desktop.cli.sign_in import sign_in
from wenming_desktop.config import DataFolder
from wenming_desktop.runtime import prepare_workspace
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.services.workbooks.preview import ImportPreview


@contextmanager
def workspace(folder: DataFolder, migrate: bool = True) -> Iterator[Workspace]:
    ws = open_workspace(folder, migrate=migrate)
    try:
        prepare_workspace(ws.db)
        sign_in(ws)  # when sign-in is on, the command line signs in too
        yield ws
    finally:
        ws.close()


def output_path(folder: DataFolder, explicit: str | None, default_name: str) -> Path:
    """`-o PATH` if given, else the data folder's exports folder (the caller prints the path)."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    folder.exports.mkdir(parents=True, exist_ok=True)
    return folder.exports / default_name


def command_group(
    subparsers: Any, common: argparse.ArgumentParser, name: str, help_text: str
) -> Any:
    """The sub-commands of a shared group (`export …`, `import …`), created once.

    Several subject modules add to the same group, so the group's parser is made by whichever
    registers first and found again by the others.
    """
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, parents=[common], help=help_text)
        group = parser.add_subparsers(dest="target", metavar="内容", parser_class=type(parser))
        group.required = True
        return group
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def add_output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="输出文件；默认写入数据文件夹的 exports 目录"
    )


def print_preview(preview: ImportPreview) -> None:
    """The preview's summary, its skipped rows, warnings and problems, for the clerk."""
    for line in preview.summary_lines():
        print(line)
    for row, text in preview.facts.skipped:
        print(f"跳过第{row}行（表尾/说明）：{text}")
    for warning in preview.warnings:
        print(f"提醒：{warning.text}")
    for problem in preview.problems:
        print(problem.text)
