"""Backing up a database on the office's PostgreSQL server: what the program can and cannot do.

The SQLite backups (backups.py) copy the local file; a server database is the server's to back
up. When PostgreSQL's `pg_dump` is installed on this PC the 备份 page can export the whole
database into the data folder's `backups/` (custom format, restored by the administrator with
`pg_restore`). Nothing is backed up automatically, and nothing is restored from the window.
The password goes to pg_dump through the PGPASSWORD environment variable, never on its command
line or into the log.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.storage.database import Database

DUMP_TIMEOUT_S = 30 * 60
# Where the PostgreSQL installers put pg_dump when it is not on PATH.
SEARCH = (
    "C:/Program Files/PostgreSQL/*/bin/pg_dump.exe",
    "/usr/lib/postgresql/*/bin/pg_dump",
)


@dataclass(frozen=True)
class ServerBackupInfo:
    """What the 备份 page says on a server database."""

    server: str  # 服务器 host:port 上的数据库“…”（用户 …）
    pg_dump: Path | None  # None: not installed on this PC
    target: Path  # where an export goes
    attachments: Path  # the local cache of photos and scans (their bytes are in the database)
    command: str = ""  # the pg_dump command an administrator runs (no password)


def find_pg_dump() -> Path | None:
    found = shutil.which("pg_dump")
    if found:
        return Path(found)
    for pattern in SEARCH:
        matches = sorted(glob.glob(pattern), reverse=True)  # the newest version first
        if matches:
            return Path(matches[0])
    return None


def server_backup_info(folder: DataFolder, db: Database) -> ServerBackupInfo:
    from wenming_desktop.storage.server import describe_server

    return ServerBackupInfo(
        server=describe_server(db.engine.url),
        pg_dump=find_pg_dump(),
        target=folder.backups,
        attachments=folder.attachments,
        command=dump_command(db.engine.url),
    )


def dump_server(folder: DataFolder, db: Database, now: datetime | None = None) -> Path:
    """Export the whole server database with pg_dump into `backups/`; returns the file.

    Raises UserError when pg_dump is missing, fails (its first error line is shown) or takes
    longer than DUMP_TIMEOUT_S.
    """
    if db.is_sqlite:
        raise UserError("本机数据库请使用“立即备份”")
    pg_dump = find_pg_dump()
    if pg_dump is None:
        raise UserError("本机没有安装 PostgreSQL 的 pg_dump 工具，请由服务器管理员备份数据库")
    url = db.engine.url
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder.backups.mkdir(parents=True, exist_ok=True)
    target = folder.backups / f"server-{url.database}-{stamp}.dump"
    partial = target.with_suffix(".partial")
    env = {**os.environ, "PGPASSWORD": url.password or "", "PGCONNECT_TIMEOUT": "10"}
    command = [
        str(pg_dump), "--format=custom", f"--file={partial}",
        f"--host={url.host}", f"--port={url.port or 5432}",
        f"--username={url.username or ''}", "--no-password", str(url.database),
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, timeout=DUMP_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        partial.unlink(missing_ok=True)
        raise UserError(
            f"导出服务器数据库超过 {DUMP_TIMEOUT_S // 60} 分钟仍未完成，已停止"
        ) from None
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UserError(f"导出服务器数据库失败：{detail[0] if detail else result.returncode}")
    partial.replace(target)
    return target


def describe(info: ServerBackupInfo) -> str:
    """The 备份 page's explanation on a server database (Chinese, several sentences)."""
    lines = [
        f"数据保存在单位服务器上：{info.server}。",
        "本程序不会自动备份服务器上的数据，也不能在这里恢复；服务器数据库的备份和恢复由服务器"
        "管理员负责（例如在服务器上每天定时运行 pg_dump，并把备份文件另存到其他电脑或移动硬盘）。",
    ]
    if info.pg_dump is not None:
        lines.append(
            f"本机装有 pg_dump：可点击“导出服务器数据库”，把整个数据库导出到 {info.target}"
            "（.dump 文件，由管理员用 pg_restore 恢复）。"
        )
    else:
        lines.append("本机没有安装 PostgreSQL 的 pg_dump 工具，无法从本机导出服务器数据库。")
    if info.command:
        lines.append(f"管理员可在装有 pg_dump 的电脑上运行（按提示输入密码）：{info.command}")
    lines.append(
        "照片和扫描件与记录一起保存在服务器数据库中，备份服务器数据库即已包含它们；"
        f"本机文件夹 {info.attachments} 只是查看时的缓存，无需另外备份。"
    )
    return "\n".join(lines)


def dump_command(url: URL) -> str:
    """The pg_dump command that backs up this server database (custom format), without the
    password (pg_dump asks for it): e.g. `pg_dump --format=custom --file=wenming.dump
    --host=10.0.0.5 --port=5432 --username=clerk wenming`."""
    return (
        f"pg_dump --format=custom --file={url.database}.dump --host={url.host} "
        f"--port={url.port or 5432} --username={url.username or '用户名'} {url.database}"
    )


def not_backed_up_here(db: Database) -> str:
    """Why the program's own backup does not apply to a server database, and the command that
    does (Chinese, one line; no password)."""
    from wenming_desktop.storage.server import describe_server

    return (
        f"服务器数据库（PostgreSQL）不用本程序备份：数据保存在{describe_server(db.engine.url)}，"
        "照片和扫描件也在数据库中。请在装有 PostgreSQL 工具的电脑上运行（按提示输入密码）："
        f"{dump_command(db.engine.url)}"
    )
