"""Where the data lives: the data folder (platformdirs), its sub-folders and the database URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from platformdirs import user_data_path

from wenming_desktop.domain.errors import UserError, os_reason

ENV_DATA_DIR = "WENMING_DATA_DIR"
ENV_DATABASE_URL = "WENMING_DATABASE_URL"
DB_FILENAME = "wenming.db"
CONFIG_FILENAME = "config.json"


def default_data_dir() -> Path:
    return user_data_path("WenmingDesktop", appauthor=False, roaming=False)


class DataFolder(NamedTuple):
    """The data folder and the fixed places inside it.

    (A NamedTuple rather than a frozen dataclass: `dataclasses` would be loaded before the
    window's first paint; docs/architecture.md, "Start-up".)
    """

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    def attachment_file(self, sha256: str, suffix: str) -> Path:
        """Where an attachment's bytes live: named by content hash, fanned out by its prefix.

        Raises UserError for a name not of the content-hash form (domain.attachment_names), so
        a stored row can never point outside the attachment folder.
        """
        from wenming_desktop.domain.attachment_names import stored_name_problem

        problem = stored_name_problem(sha256, suffix.lower() if isinstance(suffix, str) else "")
        if problem is not None:
            raise UserError(f"附件记录无效：{problem}")
        return self.attachments / sha256[:2] / f"{sha256}{suffix.lower()}"

    def existing_attachment(self, sha256: str, suffix: str) -> Path | None:
        """The stored file of a valid name when it is a regular file inside the attachment
        folder (after following links); None when missing, invalid or pointing elsewhere."""
        try:
            path = self.attachment_file(sha256, suffix)
            if not path.is_file():
                return None
            path.resolve().relative_to(self.attachments.resolve())
        except (UserError, ValueError, OSError):
            return None
        return path

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "wenming.log"

    def ensure(self) -> None:
        try:
            for folder in (self.root, self.attachments, self.exports, self.backups, self.logs):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"无法创建数据文件夹“{self.root}”：{os_reason(exc)}") from None

    def database_url(self) -> str | None:
        """A server database URL from the environment or config.json, else None (SQLite)."""
        url = os.environ.get(ENV_DATABASE_URL, "").strip()
        if url:
            return url
        value = read_config(self.root / CONFIG_FILENAME).get("database_url") or ""
        if not isinstance(value, str):
            raise UserError(
                f"配置文件“{self.root / CONFIG_FILENAME}”中的 database_url 应为文字（服务器地址）"
            )
        return value.strip() or None


def read_config(path: Path) -> dict[str, object]:
    """The settings object in config.json ({} when the file is missing).

    Accepts a UTF-8 file with or without a byte-order mark (Windows Notepad saves one).
    Raises UserError with one Chinese line naming the file and what is wrong (line and
    column for a syntax error) when it cannot be read or is not a JSON object.
    """
    if not path.exists():
        return {}
    import json  # not at import: the window's shell is painted before this is needed

    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(f"配置文件“{path}”无法读取：{os_reason(exc)}") from None
    except UnicodeDecodeError:
        raise UserError(f"配置文件“{path}”无法读取：不是 UTF-8 编码的文字文件") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"配置文件“{path}”格式有误：第 {exc.lineno} 行第 {exc.colno} 列附近不是有效的 JSON"
        ) from None
    if not isinstance(data, dict):
        raise UserError(f"配置文件“{path}”格式有误：内容应为一个 {{ … }} 对象（设置项及其值）")
    return data


def resolve_data_folder(explicit: str | os.PathLike[str] | None = None) -> DataFolder:
    """--data-dir, then $WENMING_DATA_DIR, then the per-user data folder."""
    if explicit:
        return DataFolder(Path(explicit).expanduser().absolute())
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return DataFolder(Path(env).expanduser().absolute())
    return DataFolder(default_data_dir())
