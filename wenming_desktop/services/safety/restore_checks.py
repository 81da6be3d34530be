"""Everything a restore checks before it touches the data folder: the zip, then the candidate.

A backup is untrusted input (it may come from a USB stick or an e-mail). Its zip members are
taken only in the two forms this program writes (`wenming.db`, `attachments/xx/<sha256><suffix>`)
and never as links; the database is copied into a scratch folder, fully checked there (SQLite
integrity, a known schema revision, migrated to this program's schema, no table or column this
program does not know, every attachment row of the content-hash form) — and only a candidate
that passed everything may replace the live data.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
import stat
import zipfile
from contextlib import closing
from pathlib import Path, PurePosixPath

from wenming_desktop.domain.attachment_names import is_valid_stored_name, stored_name_problem
from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.services.safety.backups import POOL_FOLDER, ZIP_DATABASE
from wenming_desktop.storage import schema
from wenming_desktop.storage.database import make_engine, sqlite_url
from wenming_desktop.storage.integrity import check_file
from wenming_desktop.storage.models import Base

log = logging.getLogger(__name__)

# Unpacking must leave this much of the disk free (a backup zip that inflates beyond the disk,
# such as a zip bomb, is refused before anything is written).
DISK_MARGIN = 200 * 1024 * 1024
VERSION_TABLE = "alembic_version"


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _attachment_member(name: str) -> tuple[str, str] | None:
    """(sha256, suffix) of a member `attachments/xx/<sha256><suffix>`, else None."""
    parts = name.split("/")
    if len(parts) != 3 or parts[0] != POOL_FOLDER:
        return None
    sha, suffix = parts[2][:64], parts[2][64:]
    if parts[1] != sha[:2] or not is_valid_stored_name(sha, suffix):
        return None
    return sha, suffix


def _refuse_beyond_disk(archive_path: Path, work: Path, size: int) -> None:
    free = shutil.disk_usage(work).free
    if size > free - DISK_MARGIN:
        raise UserError(
            f"“{archive_path.name}”解压后需要 {size / 1048576:,.0f} MB，"
            f"而数据文件夹所在的磁盘只剩 {free / 1048576:,.0f} MB；"
            "请确认这是本程序导出的备份文件，或先腾出磁盘空间"
        )


def unpack(archive_path: Path, work: Path) -> tuple[Path, Path]:
    """The database and attachment folder of a backup zip, unpacked into the folder `work`.

    Raises UserError for a link member, a member name that is absolute, holds `..`, a
    backslash or appears twice, an attachment member not of the content-hash form, a zip
    without the database, or one that would not fit on the disk. An attachment whose bytes do
    not match its name is left out (the restore then counts it as missing).
    """
    name = archive_path.name
    try:
        with zipfile.ZipFile(archive_path) as archive:
            infos = archive.infolist()
            seen: set[str] = set()
            for info in infos:
                member = info.filename
                if _is_link(info):
                    raise UserError(f"“{name}”中有链接文件“{member}”，不是本程序的备份，已拒绝")
                pure = PurePosixPath(member)
                if (
                    "\\" in member
                    or pure.is_absolute()
                    or ".." in pure.parts
                    or ":" in member
                    or member in seen
                ):
                    raise UserError(f"“{name}”中有不安全的文件名：{member}")
                seen.add(member)
            if ZIP_DATABASE not in seen:
                raise UserError(f"“{name}”不是本程序的备份文件（缺少数据库）")
            wanted: list[tuple[zipfile.ZipInfo, tuple[str, str] | None]] = []
            for info in infos:
                if info.is_dir():
                    continue
                if info.filename == ZIP_DATABASE:
                    wanted.append((info, None))
                elif info.filename.startswith(f"{POOL_FOLDER}/"):
                    key = _attachment_member(info.filename)
                    if key is None:
                        raise UserError(f"“{name}”中有不是本程序附件的文件：{info.filename}")
                    wanted.append((info, key))
            _refuse_beyond_disk(archive_path, work, sum(i.file_size for i, _k in wanted))
            for info, key in wanted:
                # zipfile stops at the declared size, so a member cannot inflate beyond it.
                if key is None:
                    target = work / ZIP_DATABASE
                else:
                    target = work / POOL_FOLDER / key[0][:2] / f"{key[0]}{key[1]}"
                _extract(archive, info, target, key)
    except zipfile.BadZipFile as exc:
        raise UserError(f"“{name}”无法读取：{exc}") from None
    except OSError as exc:
        raise UserError(f"无法解压“{name}”：{os_reason(exc)}") from None
    return work / ZIP_DATABASE, work / POOL_FOLDER


def _extract(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, key: tuple[str, str] | None
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with archive.open(info) as member, open(target, "wb") as out:
        for block in iter(lambda: member.read(1 << 20), b""):
            digest.update(block)
            out.write(block)
    if key is not None and digest.hexdigest() != key[0]:
        target.unlink()


def _tables(conn: sqlite3.Connection, schema_name: str = "main") -> dict[str, set[str]]:
    names = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {schema_name}.sqlite_master "
            "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        t: {str(c[1]) for c in conn.execute(f'PRAGMA {schema_name}.table_info("{t}")')}
        for t in names
    }


def expected_tables() -> dict[str, set[str]]:
    """This program's tables and their columns (the models, plus Alembic's version table)."""
    out = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    out[VERSION_TABLE] = {"version_num"}
    return out


def schema_problem(conn: sqlite3.Connection, schema_name: str = "main") -> str | None:
    """What in a database's tables differs from this program's schema, or None."""
    found, expected = _tables(conn, schema_name), expected_tables()
    for table in sorted(found.keys() - expected.keys()):
        return f"含有本程序不认识的数据表“{table}”"
    for table in sorted(expected.keys() - found.keys()):
        return f"缺少数据表“{table}”"
    for table in sorted(expected):
        if found[table] != expected[table]:
            odd = sorted(found[table] ^ expected[table])
            return f"数据表“{table}”的列与本程序不一致（{'、'.join(odd[:5])}）"
    return None


def _revision(path: Path, label: str) -> str:
    with closing(sqlite3.connect(str(path))) as conn:
        extra = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchone()
        if extra is not None:  # this program's schema has neither
            kind = "触发器" if extra[0] == "trigger" else "视图"
            raise UserError(f"“{label}”含有本程序不会建立的{kind}“{extra[1]}”，已拒绝")
        tables = _tables(conn)
        if "village" not in tables:
            raise UserError(f"“{label}”不是本程序的数据库备份")
        if VERSION_TABLE not in tables:
            raise UserError(f"“{label}”没有数据库结构版本，无法确认是本程序的备份，已拒绝")
        rows = [r[0] for r in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
    if len(rows) != 1 or not isinstance(rows[0], str):
        raise UserError(f"“{label}”的数据库结构版本记录不正确，已拒绝")
    return rows[0]


def prepare_candidate(path: Path, label: str) -> None:
    """Check the scratch copy `path` of a backup named `label` and migrate it to this program's
    schema, in place. Raises UserError naming the first problem; nothing else is touched."""
    problems = check_file(path, full=True)
    if problems:
        raise UserError(f"“{label}”不是完好的数据库文件：{problems[0]}")
    try:
        revision = _revision(path, label)
        if revision not in schema.known_revisions():
            raise UserError(
                f"“{label}”的数据库结构版本（{revision[:40]}）本程序无法识别"
                "（可能来自更新版本的程序），已拒绝"
            )
        _migrate(path, label)
        with closing(sqlite3.connect(str(path), isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
            problem = schema_problem(conn)
            if problem is not None:
                raise UserError(f"“{label}”{problem}，不是本程序的备份，已拒绝")
            for row_id, sha, suffix in conn.execute("SELECT id, sha256, suffix FROM attachment"):
                bad = stored_name_problem(sha, suffix.lower() if isinstance(suffix, str) else "?")
                if bad is not None:
                    raise UserError(f"“{label}”中的附件记录（编号 {row_id}）无效：{bad}，已拒绝")
    except sqlite3.DatabaseError as exc:
        raise UserError(f"“{label}”的数据表与本程序不一致，无法恢复：{exc}") from None


def _migrate(path: Path, label: str) -> None:
    """Run this program's migrations on the scratch copy; any failure refuses the backup."""
    engine = make_engine(sqlite_url(path), busy_timeout=1)
    try:
        schema.upgrade(engine)
    except UserError:
        raise
    except Exception as exc:  # untrusted input: whatever stops a migration refuses the backup
        log.warning("migrating the backup %s failed", label, exc_info=True)
        detail = getattr(exc, "orig", None) or type(exc).__name__
        raise UserError(
            f"“{label}”的数据表与本程序的结构冲突，无法恢复（{detail}），已拒绝"
        ) from None
    finally:
        engine.dispose()
