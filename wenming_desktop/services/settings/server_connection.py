"""The office server a data folder uses: reading, testing and saving its address.

The address, user and password are kept in the data folder's `config.json` (the per-user data
folder, so for this Windows user only) as a `database_url`; they are never logged and the
password is never shown back in full. Clearing the address goes back to the local SQLite file.
A change takes effect when the folder is opened again.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass

from sqlalchemy.engine import URL

from wenming_desktop.config import CONFIG_FILENAME, DataFolder, read_config
from wenming_desktop.domain.errors import ServerNotInitialised, UserError

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str
    password: str

    def url(self) -> str:
        """The SQLAlchemy URL (password included: for config.json and connecting only)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=self.password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)


def validate(address: ServerAddress) -> ServerAddress:
    """Trimmed values, or UserError naming the missing or wrong field."""
    clean = dataclasses.replace(
        address,
        host=address.host.strip(),
        database=address.database.strip(),
        user=address.user.strip(),
    )
    if not clean.host:
        raise UserError("请填写服务器地址（例如 192.168.1.20 或服务器的计算机名）")
    if not 0 < clean.port < 65536:
        raise UserError(f"端口“{clean.port}”不正确，应为 1～65535 之间的数字（通常是 5432）")
    if not clean.database:
        raise UserError("请填写数据库名（由服务器管理员提供）")
    if not clean.user:
        raise UserError("请填写用户名（由服务器管理员提供）")
    return clean


def _config(folder: DataFolder) -> dict[str, object]:
    return dict(read_config(folder.root / CONFIG_FILENAME))


def saved_address(folder: DataFolder) -> ServerAddress | None:
    """The server address in config.json, or None when the folder uses its own SQLite file."""
    from wenming_desktop.storage.server import parse_server_url

    url = str(_config(folder).get("database_url") or "").strip()
    if not url:
        return None
    parsed = parse_server_url(url)
    return ServerAddress(
        host=parsed.host or "",
        port=parsed.port or DEFAULT_PORT,
        database=parsed.database or "",
        user=parsed.username or "",
        password=parsed.password if isinstance(parsed.password, str) else "",
    )


def save_address(folder: DataFolder, address: ServerAddress | None) -> None:
    """Write (or with None remove) the server address in config.json, readable by this user."""
    data = _config(folder)
    if address is None:
        data.pop("database_url", None)
    else:
        data["database_url"] = validate(address).url()
    folder.root.mkdir(parents=True, exist_ok=True)
    path = folder.root / CONFIG_FILENAME
    partial = path.with_suffix(".partial")
    try:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        if os.name != "nt":
            partial.chmod(0o600)  # on Windows the per-user folder is already the user's own
        partial.replace(path)
    except OSError as exc:
        raise UserError(f"无法保存配置文件“{path}”：{exc.strerror or exc}") from None


def try_address(address: ServerAddress) -> str:
    """Connect once (at most the connect timeout); a Chinese line saying what was found.

    Raises UserError with the cause when the server cannot be used.
    """
    from sqlalchemy.exc import OperationalError

    from wenming_desktop.storage import server

    clean = validate(address)
    url = clean.url()
    parsed = server.parse_server_url(url)
    engine = server.server_engine(url)
    try:
        server.check_contents(engine, parsed, initialise=False)
    except ServerNotInitialised:
        return "连接成功。这个数据库还是空的：保存后重新打开程序时，会询问是否初始化。"
    except OperationalError as exc:
        raise UserError(server.explain_connect_error(exc, parsed)) from None
    finally:
        engine.dispose()
    return "连接成功，这是本程序的数据库。保存后重新打开程序即可使用。"
