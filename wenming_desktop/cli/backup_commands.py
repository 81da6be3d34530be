"""`wenming backup [-o FILE]` and `wenming restore FILE`."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from wenming_desktop.cli.common import workspace
from wenming_desktop.cli.sign_in import sign_in
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import backups
from wenming_desktop.services.safety.restore import restore_backup
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.database import Database


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser(
        "backup",
        parents=[common],
        help="备份数据库和附件（默认存入数据文件夹的 backups 目录）",
    )
    backup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="另存为一个可携带的备份文件（.zip，含数据库和全部附件），例如存到U盘",
    )
    backup.set_defaults(handler=_backup)
    restore = subparsers.add_parser(
        "restore", parents=[common], help="从备份恢复（先自动备份当前数据）"
    )
    restore.add_argument("file", metavar="FILE", help="备份文件（backups 目录中的 .db 或 .zip）")
    restore.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace, folder: DataFolder) -> int:
    with workspace(folder) as ws:
        if args.output:
            target = Path(args.output).expanduser().absolute()
            if target.suffix.lower() != ".zip":
                target = target.with_name(target.name + ".zip")
            backups.export_backup(folder, ws.db, target)
            print(f"备份已保存：{target}")
            return 0
        info = backups.create_backup(folder, ws.db, "manual")
    print(f"备份已保存：{info.path}（{info.size / 1024:.0f} KB）")
    return 0


def _restore(args: argparse.Namespace, folder: DataFolder) -> int:
    source = Path(args.file).expanduser().absolute()
    if not source.is_file():
        raise UserError(f"备份文件“{source}”不存在")
    if folder.database_url() is not None:
        raise UserError("服务器数据库（PostgreSQL）请使用数据库服务器自己的恢复工具")
    # The window's lock (ui/single_instance): no restore under a running window's feet, and no
    # window opening on the folder while the restore runs. QtCore only, loaded only here.
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(folder.root / "wenming.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        raise UserError("程序窗口正在使用这个数据文件夹，请先关闭窗口再恢复备份")
    # Not open_workspace: the current database may be damaged or from another version.
    ws = Workspace(folder, Database.open_sqlite(folder.database))
    try:
        if folder.database.exists() and not backups.check_file(folder.database):
            sign_in(ws)  # a damaged database cannot say who may restore; a sound one can
        result = restore_backup(ws, source)
    finally:
        ws.close()
        lock.unlock()
    print(f"已从“{source}”恢复（{datetime.now():%Y-%m-%d %H:%M}）")
    if result.safety_backup is not None:
        print(f"恢复前的数据已备份为：{result.safety_backup.path}")
    if result.damaged_kept is not None:
        print(f"原数据库已损坏，已另存为：{result.damaged_kept}")
    return 0
