"""The engine, its SQLite set-up, and the one place writes go through (docs/architecture.md,
"Writes, migrations, backups")."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from wenming_desktop.domain.access import Actor
from wenming_desktop.domain.errors import StaleRecord, UserError


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def make_engine(url: str) -> Engine:
    """An engine whose SQLite connections use WAL, enforce foreign keys and sync fully.

    Python's sqlite3 driver starts transactions on its own schedule (not before SELECTs, and it
    commits before DDL); following SQLAlchemy's SQLite dialect documentation we switch that off
    and emit BEGIN ourselves, so every `Database.write()` block is exactly one transaction.
    """
    if not url.startswith("sqlite"):
        from wenming_desktop.storage.server import server_engine

        return server_engine(url)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


class Database:
    """Engine plus session factory; `write()` is the single writer's transaction."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Who is signed in (None while sign-in is off). A read-only user's writes are
        # refused here, in the one place every write goes through, not only by greyed buttons.
        self.actor: Actor | None = None

    @classmethod
    def open_sqlite(cls, path: Path) -> Database:
        return cls(make_engine(sqlite_url(path)), path)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        if self.actor is not None and not self.actor.can_write:
            raise UserError(f"当前用户“{self.actor.username}”是只读用户，不能修改数据")
        try:
            with self._sessions() as session, session.begin():
                if self.actor is not None:
                    session.info["user"] = self.actor.username  # the audit log's "who"
                yield session
        except DBAPIError as exc:
            from wenming_desktop.storage.conflicts import BUSY_MESSAGE, WriteConflict, is_conflict

            if is_conflict(exc):  # a deadlock or serialization failure: the other PC won
                raise WriteConflict(BUSY_MESSAGE.format(tried="")) from None
            raise
        except StaleDataError:
            # A versioned row changed by another connection between reading and writing it.
            raise StaleRecord(
                "这条记录刚刚被别人修改并保存（另一台电脑或命令行），你的修改未保存。"
                "请重新载入最新内容后再修改。"
            ) from None

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
