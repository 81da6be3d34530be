"""Helpers shared by the command modules: opening the workspace, output paths, villages."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wenming_desktop.config import DataFolder
from wenming_desktop.services.workspace import Workspace, open_workspace

Subparsers = "argparse._SubParsersAction[argparse.ArgumentParser]"


@contextmanager
def workspace(folder: DataFolder, migrate: bool = True) -> Iterator[Workspace]:
    ws = open_workspace(folder, migrate=migrate)
    try:
        yield ws
    finally:
        ws.close()


def output_path(folder: DataFolder, explicit: str | None, default_name: str) -> Path:
    """`-o PATH` if given, else the data folder's exports folder (the caller prints the path)."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    folder.exports.mkdir(parents=True, exist_ok=True)
    return folder.exports / default_name


def add_output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="输出文件；默认写入数据文件夹的 exports 目录"
    )
