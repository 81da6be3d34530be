"""Bringing a database to the schema this program knows, through Alembic, or refusing it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from wenming_desktop.domain.errors import UserError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the migration history is empty"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    _refuse_unknown(current)
    return current != head_revision()


def _refuse_unknown(current: str | None) -> None:
    if current is None:
        return
    scripts = ScriptDirectory.from_config(_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if current not in known:
        raise UserError(
            f"数据库由更新版本的程序写入（结构版本 {current}），本程序无法识别。"
            "为保护数据，未做任何改动；请安装新版程序后再打开。"
        )


def upgrade(engine: Engine, before: Callable[[str | None], None] | None = None) -> bool:
    """Migrate to the newest revision; returns whether anything was applied.

    `before` is called with the current revision when a migration is about to run, so the
    caller can take a backup first. A database from a newer program raises UserError untouched.
    """
    current = current_revision(engine)
    _refuse_unknown(current)
    if current == head_revision():
        return False
    if before is not None:
        before(current)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")
    return True
