"""Restoring a backup over the data folder's database, after keeping the current state.

The order matters, and nothing in the data folder changes until the backup has passed
everything:
1. the backup is copied into a scratch folder and checked there (restore_checks: the zip's
   members, SQLite integrity, a known schema revision, migrated on the copy, no foreign tables,
   every attachment row of the content-hash form); a refused backup leaves the data untouched;
2. the write lock of the live database is taken (BEGIN IMMEDIATE, the lock every write of the
   window and of the command line takes), so no other process writes during the restore;
3. the current database is backed up (the safety backup) — the first change of all;
4. the attachments the candidate refers to are brought back into the store (extra files do no
   harm), then every table is replaced by the candidate's rows inside that one transaction;
   other processes with the file open see the old or the new data, never a mixture. A damaged
   or missing database is instead renamed aside (never overwritten) and the checked candidate
   put in its place with one rename.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.safety import backups
from wenming_desktop.services.safety.restore_checks import prepare_candidate, schema_problem, unpack
from wenming_desktop.services.settings.workspace import Workspace, bring_up_to_date
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import exclusive_writer

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")
CANDIDATE = "candidate"


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: backups.BackupInfo | None  # the state before the restore
    damaged_kept: Path | None  # the damaged database, renamed aside
    missing_attachments: int = 0  # attachments the backup refers to but could not bring back


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
        raise UserError(f"无法把损坏的数据库另存：{os_reason(exc)}") from None
    log.warning("damaged database kept aside as %s", kept)
    return kept


def _copy_candidate(source: Path, target: Path) -> None:
    """A private copy of a backup database file (its own problems are reported by name)."""
    problems = backups.check_file(source)
    if problems:
        raise UserError(f"“{source.name}”不是完好的数据库文件：{problems[0]}")
    backups.snapshot(source, target)


def _bring_back_attachments(folder: DataFolder, database: Path, extra: Path | None) -> int:
    """Copy into the store the attachments the restored database needs; returns missing count."""
    missing = 0
    for sha, suffix in backups.attachment_keys(database):
        target = folder.attachment_file(sha, suffix)  # valid names only (attachment_keys)
        if folder.existing_attachment(sha, suffix) is not None:
            continue
        candidates = [backups.pool_file(folder, sha, suffix)]
        if extra is not None:
            candidates.insert(0, extra / sha[:2] / f"{sha}{suffix}")
        source = next((c for c in candidates if c.is_file() and not c.is_symlink()), None)
        if source is None:
            missing += 1
            continue
        try:
            backups.copy_new_file(source, target)
        except OSError as exc:
            raise UserError(f"无法恢复附件“{target.name}”：{os_reason(exc)}") from None
    return missing


def _copy_tables(conn: sqlite3.Connection) -> None:
    """Replace every table of `main` by the rows of the attached candidate, in the transaction
    `conn` holds (foreign keys are off on this plain connection, so order does not matter)."""
    problem = schema_problem(conn, "main")
    if problem is not None:
        raise UserError(f"当前数据库{problem}，请先用本程序打开一次数据文件夹（升级数据库）再恢复")
    tables = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {CANDIDATE}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        columns = ", ".join(
            f'"{c[1]}"' for c in conn.execute(f'PRAGMA {CANDIDATE}.table_info("{table}")')
        )
        conn.execute(f'DELETE FROM main."{table}"')
        conn.execute(
            f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM {CANDIDATE}."{table}"'
        )
    names = {r[0] for r in conn.execute(f"SELECT name FROM {CANDIDATE}.sqlite_master")}
    if "sqlite_sequence" in names:
        conn.execute("DELETE FROM main.sqlite_sequence")
        conn.execute(f"INSERT INTO main.sqlite_sequence SELECT * FROM {CANDIDATE}.sqlite_sequence")


def _replace_file(folder: DataFolder, source: Path) -> None:
    """Put the checked candidate in place of a missing or damaged (already moved) database."""
    fd, temp_name = tempfile.mkstemp(prefix=".wenming-restore-", suffix=".db", dir=folder.root)
    os.close(fd)
    Path(temp_name).unlink()
    temp = Path(temp_name)
    try:
        backups.snapshot(source, temp)
        for side in SIDE_FILES:
            Path(f"{folder.database}{side}").unlink(missing_ok=True)
        os.replace(temp, folder.database)
    except OSError as exc:
        raise UserError(f"无法替换数据库文件：{os_reason(exc)}") from None
    finally:
        temp.unlink(missing_ok=True)


def restore_backup(
    ws: Workspace, source: Path, progress: Progress | None = None, lock_timeout: float = 30.0
) -> RestoreResult:
    """Replace the workspace's data with the backup `source` (a .db or a backup zip).

    Raises UserError — with the live data untouched — for a backup that fails any check, and
    when another writer holds the database past `lock_timeout` seconds.
    """
    folder, db = ws.folder, ws.db
    if db.actor is not None and not db.actor.is_admin:  # sign-in on: 管理员 only
        raise UserError("只有管理员可以恢复备份")
    if not db.is_sqlite or db.path is None:
        raise UserError("服务器数据库（PostgreSQL）请使用数据库服务器自己的恢复工具")
    source = Path(source)
    if not source.is_file():
        raise UserError(f"备份文件“{source}”不存在")
    say = progress.report if progress is not None else (lambda *_a: None)
    safety = damaged = None
    with tempfile.TemporaryDirectory(dir=folder.backups, prefix=".restore-") as work:
        say(0, 0, "正在检查备份…")
        extra: Path | None = None
        if zipfile.is_zipfile(source):
            database, extra = unpack(source, Path(work))
        else:
            # A private copy first: thinning after the safety backup below may delete `source`.
            database = Path(work) / backups.ZIP_DATABASE
            _copy_candidate(source, database)
        prepare_candidate(database, source.name)
        live_sound = folder.database.exists() and not backups.check_file(folder.database)
        if live_sound:
            with exclusive_writer(
                folder.database, lock_timeout, attach={CANDIDATE: database}
            ) as conn:
                say(0, 0, "正在备份当前数据…")
                safety = backups.create_backup(folder, db, "restore")
                say(0, 0, "正在恢复附件…")
                missing = _bring_back_attachments(folder, database, extra)
                say(0, 0, "正在恢复数据库…")
                _copy_tables(conn)
        else:
            db.dispose()
            if folder.database.exists():
                damaged = keep_damaged_aside(folder)
            missing = _bring_back_attachments(folder, database, extra)
            say(0, 0, "正在恢复数据库…")
            _replace_file(folder, database)
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
    return RestoreResult(source, safety, damaged, missing)
