"""The engine, its SQLite set-up, and the one place writes go through (docs/architecture.md,
"Writes, migrations, backups").

Writes take SQLite's write lock when their transaction starts (BEGIN IMMEDIATE), so a second
writer — another import, an edit in the window, a restore from the command line — waits for the
first through the busy timeout instead of failing half-way with "database is locked". Past the
timeout the caller gets a UserError saying another operation is writing. Statement parameters
(ID numbers, mobiles) are never put into error messages or logs (`hide_parameters`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from wenming_desktop.domain.access import Actor
from wenming_desktop.domain.errors import UserError
from wenming_desktop.storage import text_guard

WRITE_WAIT_SECONDS = 30.0  # how long a writer waits for another one before giving up
_WRITE_OPTION = "wenming_write"  # execution option: begin with the write lock


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def busy_message(seconds: float) -> str:
    return f"另一项操作正在写入数据（已等待 {seconds:g} 秒），请稍后再试"


def failure_message(exc: BaseException, where: str) -> str | None:
    """The Chinese line for an SQLite failure the environment causes (read-only, full disk,
    unopenable file, I/O error) on the database `where`; None for anything else."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.Error):
        return None
    name = str(getattr(orig, "sqlite_errorname", ""))
    text = str(orig).lower()
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return (
            f"数据库“{where}”是只读的（文件或所在文件夹不可写），无法保存修改；"
            "请检查文件属性和文件夹权限，或把数据文件夹放到可写的位置"
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return f"磁盘空间不足，无法保存对数据库“{where}”的修改；请腾出空间后再试"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return f"无法打开数据库“{where}”：文件或所在文件夹不存在、不可访问或不可写"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return f"读写数据库“{where}”时磁盘出错（设备可能已拔出、已满或不可写）"
    return None


def is_busy(exc: BaseException) -> bool:
    """Whether a DB-API error (or SQLAlchemy's wrapper of one) is SQLite's busy/locked."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.OperationalError):
        return False
    name = getattr(orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(orig)


def make_engine(url: str, busy_timeout: float = WRITE_WAIT_SECONDS) -> Engine:
    """An engine whose SQLite connections use WAL, enforce foreign keys and sync fully.

    Python's sqlite3 driver starts transactions on its own schedule (not before SELECTs, and it
    commits before DDL); following SQLAlchemy's SQLite dialect documentation ("Serializable
    isolation / Savepoints / Transactional DDL") we switch that off and emit BEGIN ourselves, so
    every `Database.write()` block is exactly one transaction — and, for writes, BEGIN IMMEDIATE,
    which takes the write lock at once so the busy timeout (seconds) really applies.
    """
    if not url.startswith("sqlite"):
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        text_guard.install(engine)
        return engine
    engine = create_engine(url, connect_args={"timeout": busy_timeout}, hide_parameters=True)
    text_guard.install(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        writing = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


@contextmanager
def exclusive_writer(
    path: Path, timeout: float = WRITE_WAIT_SECONDS, attach: Mapping[str, Path] | None = None
) -> Iterator[sqlite3.Connection]:
    """A plain connection to the SQLite file `path` holding the write lock (BEGIN IMMEDIATE),
    the same lock every `Database.write()` takes; committed when the block ends, rolled back on
    any exception. `attach` maps schema names to database files attached first. Raises
    UserError when another writer holds the lock past `timeout` seconds.
    """
    with closing(sqlite3.connect(str(path), timeout=timeout, isolation_level=None)) as conn:
        for name, other in (attach or {}).items():
            conn.execute(f"ATTACH DATABASE ? AS {name}", (str(other),))
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise UserError(busy_message(timeout)) from None
            raise
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.rollback()
            raise


class Database:
    """Engine plus session factory; `write()` is the single writer's transaction."""

    def __init__(
        self, engine: Engine, path: Path | None = None, busy_timeout: float = WRITE_WAIT_SECONDS
    ) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )
        self.busy_timeout = busy_timeout  # seconds, as given to make_engine
        # Who is signed in (None while sign-in is off). A read-only user's writes are
        # refused here, in the one place every write goes through, not only by greyed buttons.
        self.actor: Actor | None = None

    @classmethod
    def open_sqlite(cls, path: Path, busy_timeout: float = WRITE_WAIT_SECONDS) -> Database:
        return cls(make_engine(sqlite_url(path), busy_timeout), path, busy_timeout)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction holding the write lock: committed when the block ends, rolled back on
        any exception. Raises UserError when another writer holds the lock past the timeout."""
        if self.actor is not None and not self.actor.can_write:
            raise UserError(f"当前用户“{self.actor.username}”是只读用户，不能修改数据")
        try:
            with self._write_sessions() as session, session.begin():
                if self.actor is not None:
                    session.info["user"] = self.actor.username  # the audit log's "who"
                yield session
        except OperationalError as exc:
            if is_busy(exc):
                raise UserError(busy_message(self.busy_timeout)) from None
            message = failure_message(exc, self.describe())
            if message is not None:
                raise UserError(message) from None
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; closing it ends its transaction without expiring loaded rows."""
        with self._sessions() as session:
            yield session

    def describe(self) -> str:
        """Where the data lives, for the status bar and messages."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
