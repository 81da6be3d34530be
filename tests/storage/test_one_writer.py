"""Only one writer at a time: a second writer waits for the first, and past the busy timeout
gets a Chinese UserError (never "database is locked")."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import func, select

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.database import Database, exclusive_writer
from wenming_desktop.storage.models import Village


def villages(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Village)) or 0


def test_a_write_takes_the_lock_at_its_start(workspace: Workspace) -> None:
    """A write block that only reads so far already holds the lock: another writer is held
    off (before, a deferred BEGIN let it in and the first block failed on its own write)."""
    path = workspace.folder.database
    with workspace.db.write() as session:
        session.scalar(select(func.count()).select_from(Village))
        other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
        session.add(Village(name="东兴村"))
    assert villages(workspace.db) == 1


def test_past_the_timeout_the_second_writer_is_told_in_chinese(workspace: Workspace) -> None:
    path = workspace.folder.database
    impatient = Database.open_sqlite(path, busy_timeout=0.2)
    try:
        with exclusive_writer(path) as conn:
            conn.execute(
                "INSERT INTO village (name, station_name, contact_person, "
                "contact_phone, notes) VALUES ('胜利村', '', '', '', '')"
            )
            with (
                pytest.raises(UserError, match=r"另一项操作正在写入数据.*请稍后再试"),
                impatient.write() as session,
            ):
                session.add(Village(name="东兴村"))
        assert villages(impatient) == 1  # the first writer's row; nothing of the second
    finally:
        impatient.dispose()


def test_the_second_writer_waits_for_the_first(workspace: Workspace) -> None:
    path = workspace.folder.database
    holding, waiting_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def second_writer() -> None:
        holding.wait()
        try:
            with workspace.db.write() as session:
                session.add(Village(name="东兴村"))
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)
        waiting_done.set()

    worker = threading.Thread(target=second_writer)
    worker.start()
    with exclusive_writer(path) as conn:
        conn.execute(
            "INSERT INTO village (name, station_name, contact_person, "
            "contact_phone, notes) VALUES ('胜利村', '', '', '', '')"
        )
        holding.set()
        assert not waiting_done.wait(0.3)  # still waiting while the lock is held
    worker.join()
    assert errors == []
    assert villages(workspace.db) == 2
