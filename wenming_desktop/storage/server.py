"""A PostgreSQL server database: checking the URL, connecting, and what the clerk is told.

Everything here is about a server named by `config.json` / `WENMING_DATABASE_URL`; the SQLite
file has its own checks in `integrity.py`. Messages name the server (host:port, database and
user, never the password) and the cause, in Chinese, as `UserError`s.

libpq's own messages are matched on their English text (the driver's text does not depend on
the server's language for the connection-phase errors handled here).
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from wenming_desktop.domain.errors import ServerNotInitialised, UserError

CONNECT_TIMEOUT_S = 10  # the longest a start waits for a server that does not answer
URL_EXAMPLE = "postgresql+psycopg://用户名:密码@服务器地址:5432/数据库名"
# Tables every database of this program has; a non-empty database without them is not ours.
OUR_TABLES = frozenset({"village", "volunteer", "setting"})
__all__ = ["ServerNotInitialised", "check_contents", "explain_connect_error", "server_engine"]


def parse_server_url(url: str) -> URL:
    """The URL as SQLAlchemy reads it, or UserError explaining what is wrong and an example."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(f"数据库地址格式不正确；应类似 {URL_EXAMPLE}") from None
    except ValueError:  # a port that is not a number, a broken [IPv6] address: int() fails
        raise UserError(
            f"数据库地址格式不正确（端口或服务器地址无法识别）；应类似 {URL_EXAMPLE}"
        ) from None
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise UserError(
            f"数据库地址中的端口 {parsed.port} 不正确（应在 1～65535 之间）；应类似 {URL_EXAMPLE}"
        )
    if not parsed.drivername.startswith("postgresql"):
        raise UserError(f"数据库地址的类型“{parsed.drivername}”不受支持；应类似 {URL_EXAMPLE}")
    if not parsed.host:
        raise UserError(f"数据库地址中缺少服务器地址；应类似 {URL_EXAMPLE}")
    if not parsed.database:
        raise UserError(f"数据库地址中缺少数据库名；应类似 {URL_EXAMPLE}")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def describe_server(url: URL) -> str:
    """“服务器 host:port 上的数据库 db（用户 u）”, without the password."""
    port = url.port or 5432
    return f"服务器 {url.host}:{port} 上的数据库“{url.database}”（用户 {url.username or '未填写'}）"


def server_engine(url: str, timeout: int = CONNECT_TIMEOUT_S) -> Engine:
    """An engine for a server URL: connect timeout, pre-ping, no parameters in error texts."""
    from sqlalchemy import create_engine

    parsed = parse_server_url(url)
    try:
        return create_engine(
            parsed,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args={"connect_timeout": timeout, "application_name": "wenming_desktop"},
        )
    except (NoSuchModuleError, ImportError):
        raise UserError(
            "本程序未安装连接 PostgreSQL 服务器所需的组件（psycopg），请安装完整版程序"
        ) from None


def explain_connect_error(exc: BaseException, url: URL, timeout: int = CONNECT_TIMEOUT_S) -> str:
    """The Chinese sentence for a failed connection: what was tried and the cause."""
    text = str(getattr(exc, "orig", None) or exc)
    lower = text.lower()
    where = describe_server(url)
    if "password authentication failed" in lower or "no password supplied" in lower:
        cause = "用户名或密码错误"
    elif "does not exist" in lower and "database" in lower:
        cause = f"服务器上没有名为“{url.database}”的数据库，请联系管理员创建"
    elif "role" in lower and "does not exist" in lower:
        cause = f"服务器上没有用户“{url.username}”"
    elif "connection refused" in lower:
        cause = "服务器拒绝连接：服务器上的 PostgreSQL 没有运行，或端口不对"
    elif "timeout" in lower or "timed out" in lower:
        cause = f"服务器在 {timeout} 秒内没有应答：服务器繁忙、停止响应或被防火墙拦截"
    elif (
        "could not translate host name" in lower
        or "name or service not known" in lower
        or "nodename nor servname" in lower
    ):
        cause = f"找不到服务器“{url.host}”：请检查服务器地址"
    elif "no route to host" in lower or "network is unreachable" in lower:
        cause = "网络不通：请检查本机网络或服务器地址"
    elif "no pg_hba.conf entry" in lower:
        cause = "服务器不允许本机连接（需管理员在 pg_hba.conf 中放行本机）"
    elif "permission denied" in lower:
        cause = "该用户没有访问此数据库的权限"
    else:
        first_line = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        cause = f"连接失败（{first_line}）"
    return f"无法连接{where}：{cause}"


def check_contents(engine: Engine, url: URL, initialise: bool) -> None:
    """Refuse a database of another application untouched; an empty one only when allowed.

    Raises ServerNotInitialised for an empty database when `initialise` is False, UserError for
    a database whose tables are not this program's.
    """
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if not tables:
        if not initialise:
            raise ServerNotInitialised(
                f"{describe_server(url)}是空的，尚未初始化；初始化将在其中建立本程序的数据表"
            )
        return
    if not tables >= OUR_TABLES:
        sample = "、".join(sorted(tables)[:5])
        raise UserError(
            f"{describe_server(url)}中已有其他程序的数据表（{sample} 等），不是本程序的数据库；"
            "为保护其中的数据，未做任何改动。请让管理员为本程序新建一个空数据库"
        )
