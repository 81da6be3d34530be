"""Restoring a backup over the data folder's database, after keeping the current state.

The order matters and every step leaves something usable if the power fails:
1. the backup is checked (integrity, a schema this program knows) before anything changes;
2. the attachments it refers to are brought back into the store (extra files do no harm);
3. the current database is backed up (or, if damaged, renamed aside — never overwritten);
4. the engine is disposed, the WAL checkpointed, the backup copied to a temporary file beside
   the database with the online backup API, checked, synced, and put in place with one rename;
5. the database is migrated if the backup came from an older version.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import DatabaseError

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.safety import backups
from wenming_desktop.services.settings.workspace import Workspace, bring_up_to_date
from wenming_desktop.storage import audit, schema

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")
# Unpacking must leave this much of the disk free (a backup zip that inflates beyond the disk,
# such as a zip bomb, is refused before anything is written).
DISK_MARGIN = 200 * 1024 * 1024


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: backups.BackupInfo | None  # the state before the restore
    damaged_kept: Path | None  # the damaged database, renamed aside


def check_backup_file(path: Path) -> None:
    """Refuse (UserError) a file that is not a sound database of this program."""
    problems = backups.check_file(path)
    if problems:
        raise UserError(f"“{path.name}”不是完好的数据库文件：{problems[0]}")
    uri = backups.read_only_uri(path)
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        if not inspect(engine).has_table("village"):
            raise UserError(f"“{path.name}”不是本程序的数据库备份")
        schema.needs_upgrade(engine)  # a backup from a newer program is refused
    except DatabaseError as exc:
        raise UserError(f"无法读取“{path.name}”：{exc.orig}") from None
    finally:
        engine.dispose()


def keep_damaged_aside(folder: DataFolder, now: datetime | None = None) -> Path:
    """Rename the database (and its WAL files, which belong to it) aside; returns the new name."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = folder.database.with_name(f"{folder.database.name}.损坏-{stamp}")
    number = 1
    while kept.exists():
        number += 1
        kept = folder.database.with_name(f"{folder.database.name}.损坏-{stamp}-{number}")
    try:
        for side in SIDE_FILES:
            companion = Path(f"{folder.database}{side}")
            if companion.exists():
                os.replace(companion, Path(f"{kept}{side}"))
        os.replace(folder.database, kept)
    except OSError as exc:
        raise UserError(f"无法把损坏的数据库另存：{exc.strerror or exc}") from None
    log.warning("damaged database kept aside as %s", kept)
    return kept


def _bring_back_attachments(folder: DataFolder, database: Path, extra: Path | None) -> int:
    """Copy into the store the attachments the restored database needs; returns missing count."""
    missing = 0
    for sha, suffix in backups.attachment_keys(database):
        target = folder.attachment_file(sha, suffix)
        if target.exists():
            continue
        candidates = [backups.pool_file(folder, sha, suffix)]
        if extra is not None:
            candidates.insert(0, extra / sha[:2] / f"{sha}{suffix}")
        source = next((c for c in candidates if c.exists()), None)
        if source is None:
            missing += 1
            continue
        backups.copy_new_file(source, target)
    return missing


def _checkpoint(database: Path) -> None:
    """Fold the WAL into the database file so no stale WAL outlives the file it belongs to."""
    with closing(sqlite3.connect(str(database), timeout=30)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _replace_database(folder: DataFolder, source: Path) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=".wenming-restore-", suffix=".db", dir=folder.root)
    os.close(fd)
    Path(temp_name).unlink()
    temp = Path(temp_name)
    try:
        backups.snapshot(source, temp)
        if folder.database.exists():
            _checkpoint(folder.database)
        for side in SIDE_FILES:
            Path(f"{folder.database}{side}").unlink(missing_ok=True)
        os.replace(temp, folder.database)
    except OSError as exc:
        raise UserError(f"无法替换数据库文件：{exc.strerror or exc}") from None
    finally:
        temp.unlink(missing_ok=True)


def restore_backup(ws: Workspace, source: Path, progress: Progress | None = None) -> RestoreResult:
    """Replace the workspace's database with the backup `source` (a .db or a backup zip)."""
    folder, db = ws.folder, ws.db
    if db.actor is not None and not db.actor.is_admin:  # sign-in on: 管理员 only
        raise UserError("只有管理员可以恢复备份")
    if not db.is_sqlite or db.path is None:
        raise UserError("服务器数据库（PostgreSQL）请使用数据库服务器自己的恢复工具")
    source = Path(source)
    if not source.is_file():
        raise UserError(f"备份文件“{source}”不存在")
    say = progress.report if progress is not None else (lambda *_a: None)
    with tempfile.TemporaryDirectory(dir=folder.backups, prefix=".restore-") as work:
        say(0, 0, "正在检查备份…")
        if zipfile.is_zipfile(source):
            database, extra = _unpack(source, Path(work))
            check_backup_file(database)
        else:
            # A private copy first: thinning after the safety backup below may delete `source`.
            check_backup_file(source)
            database, extra = Path(work) / backups.ZIP_DATABASE, None
            backups.snapshot(source, database)
        say(0, 0, "正在恢复附件…")
        missing = _bring_back_attachments(folder, database, extra)
        safety = damaged = None
        if folder.database.exists() and not backups.check_file(folder.database):
            say(0, 0, "正在备份当前数据…")
            safety = backups.create_backup(folder, db, "restore")
        elif folder.database.exists():
            db.dispose()
            damaged = keep_damaged_aside(folder)
        say(0, 0, "正在恢复数据库…")
        db.dispose()
        _replace_database(folder, database)
    db.dispose()
    bring_up_to_date(folder, db)
    with db.write() as session:  # the restored log says what happened to it
        audit.record(
            session,
            "restore",
            "database",
            None,
            None,
            {"备份文件": source.name, "恢复前备份": safety.path.name if safety else ""},
        )
    if missing:
        log.warning("%d attachments of the restored backup were not found", missing)
    log.info("restored %s (safety backup %s)", source, safety.path if safety else None)
    return RestoreResult(source, safety, damaged)


def _refuse_beyond_disk(archive_path: Path, work: Path, size: int) -> None:
    free = shutil.disk_usage(work).free
    if size > free - DISK_MARGIN:
        raise UserError(
            f"“{archive_path.name}”解压后需要 {size / 1048576:,.0f} MB，"
            f"而数据文件夹所在的磁盘只剩 {free / 1048576:,.0f} MB；"
            "请确认这是本程序导出的备份文件，或先腾出磁盘空间"
        )


def _unpack(archive_path: Path, work: Path) -> tuple[Path, Path]:
    """The database and attachment folder of a backup zip, unpacked into `work`."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            names = set(archive.namelist())
            if backups.ZIP_DATABASE not in names:
                raise UserError(f"“{archive_path.name}”不是本程序的备份文件（缺少数据库）")
            wanted = [
                info
                for info in archive.infolist()
                if info.filename == backups.ZIP_DATABASE
                or info.filename.startswith(f"{backups.POOL_FOLDER}/")
            ]
            for info in wanted:
                if ".." in Path(info.filename).parts or Path(info.filename).is_absolute():
                    raise UserError(f"“{archive_path.name}”中有不安全的文件名：{info.filename}")
            _refuse_beyond_disk(archive_path, work, sum(info.file_size for info in wanted))
            for info in wanted:
                # zipfile stops at the declared size, so a member cannot inflate beyond it.
                archive.extract(info, work)
    except zipfile.BadZipFile as exc:
        raise UserError(f"“{archive_path.name}”无法读取：{exc}") from None
    return work / backups.ZIP_DATABASE, work / backups.POOL_FOLDER
