"""Backups of the data folder: SQLite's online backup API, attachments by content hash, thinning.

A backup is one SQLite file `backups/wenming-YYYYMMDD-HHMMSS-<reason>.db`, copied page by page
through `sqlite3.Connection.backup` on a connection of its own (never a file copy of a live
database, which may catch a half-written page or miss the WAL). Attachments are named by their
SHA-256, so they go into one shared pool `backups/attachments/` and a file already there is
never copied again. After every backup the folder is thinned (domain.retention) and pool files
no kept backup refers to are removed.

`export_backup` writes a single portable zip (database + attachments) for a USB stick.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.attachment_names import is_valid_stored_name, stored_name_problem
from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.domain.retention import backups_to_delete
from wenming_desktop.exports.files import atomic_output
from wenming_desktop.services.progress import Progress
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.integrity import check_file as check_file  # re-exported

log = logging.getLogger(__name__)

REASON_LABELS = {
    "auto": "每日自动备份",
    "manual": "手动备份",
    "migration": "升级数据库前",
    "restore": "恢复备份前",
}
_NAME = re.compile(r"^wenming-(\d{8}-\d{6})(?:-(\d+))?-([a-z]+)\.db$")
POOL_FOLDER = "attachments"
ZIP_DATABASE = "wenming.db"
LEFTOVER_AGE = 24 * 3600  # seconds


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


def read_only_uri(path: Path) -> str:
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def snapshot(source: Path, target: Path) -> None:
    """Copy the database `source` into `target` through the online backup API, atomically.

    The copy is made in one step (one read transaction, so a writer in another connection or
    process cannot make it inconsistent), switched to a rollback journal so it is one
    self-contained file, checked, synced, and only then renamed to `target`.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        with (
            closing(sqlite3.connect(str(source), timeout=30)) as src,
            closing(sqlite3.connect(str(temp))) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            problems = [r[0] for r in dst.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise UserError(f"备份未通过完整性检查：{'；'.join(problems[:3])}")
        _fsync(temp)
        os.replace(temp, target)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"无法备份数据库“{source}”：{exc}") from None
    except OSError as exc:
        raise UserError(f"无法写入备份“{target}”：{os_reason(exc)}") from None
    finally:
        temp.unlink(missing_ok=True)


def list_backups(folder: DataFolder) -> list[BackupInfo]:
    """The backups in the data folder, newest first."""
    found = []
    if not folder.backups.is_dir():
        return []
    for path in folder.backups.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        taken_at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, taken_at, match.group(3), path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _new_backup_path(folder: DataFolder, taken_at: datetime, reason: str) -> Path:
    stamp = taken_at.strftime("%Y%m%d-%H%M%S")
    path = folder.backups / f"wenming-{stamp}-{reason}.db"
    number = 1
    while path.exists():
        number += 1
        path = folder.backups / f"wenming-{stamp}-{number}-{reason}.db"
    return path


def attachment_keys(database: Path) -> set[tuple[str, str]]:
    """(sha256, suffix) of every attachment of a valid name a database file refers to."""
    try:
        with closing(sqlite3.connect(read_only_uri(database), uri=True)) as conn:
            rows = conn.execute("SELECT sha256, suffix FROM attachment").fetchall()
    except sqlite3.DatabaseError:  # no attachment table (an early schema) or unreadable
        return set()
    keys = {(sha, (suffix or "").lower()) for sha, suffix in rows}
    # A row of any other form names no file (it is refused at restore); never a path.
    return {(sha, suffix) for sha, suffix in keys if is_valid_stored_name(sha, suffix)}


def pool_file(folder: DataFolder, sha256: str, suffix: str) -> Path:
    """Where the backups' shared pool keeps an attachment (a valid name only: UserError else)."""
    problem = stored_name_problem(sha256, suffix)
    if problem is not None:
        raise UserError(f"附件记录无效：{problem}")
    return folder.backups / POOL_FOLDER / sha256[:2] / f"{sha256}{suffix.lower()}"


def copy_new_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.part")
    shutil.copyfile(source, temp)
    os.replace(temp, target)


def _store_attachments(
    folder: DataFolder, keys: Iterable[tuple[str, str]], progress: Progress | None
) -> tuple[int, int]:
    """Copy into the pool the attachments it lacks; returns (copied, missing at the source)."""
    keys = sorted(keys)
    copied = missing = 0
    for i, (sha, suffix) in enumerate(keys):
        if progress is not None:
            progress.report(i, len(keys), "正在备份附件…")
        target = pool_file(folder, sha, suffix)
        if target.exists():
            continue
        source = folder.existing_attachment(sha, suffix)
        if source is None:
            missing += 1
            log.warning("attachment %s%s is missing from the data folder", sha, suffix)
            continue
        try:
            copy_new_file(source, target)
        except OSError as exc:
            raise UserError(f"无法备份附件“{source.name}”：{os_reason(exc)}") from None
        copied += 1
    return copied, missing


def create_backup(
    folder: DataFolder,
    db: Database,
    reason: str = "manual",
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Back up the database and its attachments into the backups folder, then thin it."""
    if not db.is_sqlite or db.path is None:
        from wenming_desktop.services.safety.server_backup import not_backed_up_here

        raise UserError(not_backed_up_here(db))
    taken_at = (now or datetime.now()).replace(microsecond=0)
    if progress is not None:
        progress.report(0, 0, "正在备份数据库…")
    target = _new_backup_path(folder, taken_at, reason)
    snapshot(db.path, target)
    _store_attachments(folder, attachment_keys(target), progress)
    thin_backups(folder)
    log.info("backup written: %s", target)
    return BackupInfo(target, taken_at, reason, target.stat().st_size)


def backup_due_today(folder: DataFolder, today: date | None = None) -> bool:
    """Whether today has no backup yet (the first start of the day makes one)."""
    today = today or date.today()
    return not any(b.taken_at.date() == today for b in list_backups(folder))


def daily_backup(
    folder: DataFolder, db: Database, now: datetime | None = None
) -> BackupInfo | None:
    """The automatic backup at the first start of a day; None when not due or nothing to keep."""
    now = now or datetime.now()
    if not db.is_sqlite or db.path is None or not backup_due_today(folder, now.date()):
        return None
    return create_backup(folder, db, "auto", now=now)


def thin_backups(folder: DataFolder) -> list[Path]:
    """Delete backups the retention rule lets go, and pool files no kept backup refers to."""
    backups = list_backups(folder)
    doomed = backups_to_delete((b.path, b.taken_at) for b in backups)
    for path in doomed:
        path.unlink(missing_ok=True)
    referenced: set[Path] = set()
    for backup in backups:
        if backup.path not in doomed:
            referenced.update(pool_file(folder, s, x) for s, x in attachment_keys(backup.path))
    _remove_leftovers(folder)
    pool = folder.backups / POOL_FOLDER
    if pool.is_dir():
        for path in pool.rglob("*"):
            if path.is_file() and path not in referenced:
                path.unlink(missing_ok=True)
    return sorted(doomed)


def _remove_leftovers(folder: DataFolder, now: float | None = None) -> None:
    """Temporary files of a backup or restore cut off by a crash, once a day old (a younger one
    may belong to a backup running in another process right now)."""
    cutoff = (now or time.time()) - LEFTOVER_AGE
    places = [
        (folder.backups, (".backup-", ".restore-", ".export-")),
        (folder.root, (".wenming-restore-",)),
    ]
    for place, prefixes in places:
        for path in place.glob(".*"):
            if not path.name.startswith(prefixes) or path.lstat().st_mtime > cutoff:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def newest_good_backup(folder: DataFolder) -> BackupInfo | None:
    """The newest backup that passes the integrity check."""
    for backup in list_backups(folder):
        if not check_file(backup.path):
            return backup
    return None


def export_backup(
    folder: DataFolder, db: Database, target: Path, progress: Progress | None = None
) -> Path:
    """One portable zip with the database and its attachments (`wenming backup -o FILE`).

    It holds every full ID number and mobile, so it is an administrator's action (anyone while
    sign-in is off); refused before anything is written otherwise. The `export` audit entry is
    committed before the zip appears under its name.
    """
    if db.actor is not None and not db.actor.is_admin:
        raise UserError("只有管理员可以导出可携带的备份（其中含全部身份证号和电话）")
    if not db.is_sqlite or db.path is None:
        from wenming_desktop.services.safety.server_backup import not_backed_up_here

        raise UserError(not_backed_up_here(db))
    with tempfile.TemporaryDirectory(dir=folder.backups, prefix=".export-") as work:
        copy = Path(work) / ZIP_DATABASE
        snapshot(db.path, copy)
        keys = sorted(attachment_keys(copy))
        with atomic_output(target) as temp, zipfile.ZipFile(temp, "w") as archive:
            archive.write(copy, ZIP_DATABASE, compress_type=zipfile.ZIP_DEFLATED)
            for i, (sha, suffix) in enumerate(keys):
                if progress is not None:
                    progress.report(i, len(keys), "正在写入附件…")
                source = folder.existing_attachment(sha, suffix)
                if source is not None:
                    name = f"{POOL_FOLDER}/{sha[:2]}/{sha}{suffix}"
                    archive.write(source, name, compress_type=zipfile.ZIP_STORED)
            with db.write() as session:
                audit.record(session, "export", "database", None, None, {"file": str(target)})
    return target
