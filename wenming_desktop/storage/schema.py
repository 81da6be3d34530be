"""Bringing a database to the schema this program knows, through Alembic, or refusing it.

Alembic is imported only when a migration or a revision lookup is needed: on a normal start
the stored revision is compared with HEAD_REVISION, which a test keeps equal to Alembic's head.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from wenming_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD_REVISION = "0008_settings_versions"


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    """Every schema revision this program can migrate from (Alembic's history)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def _refuse_unknown(current: str | None) -> None:
    if current is None or current == HEAD_REVISION:
        return
    if current not in known_revisions():
        raise UserError(
            f"数据库由更新版本的程序写入（结构版本 {current}），本程序无法识别。"
            "为保护数据，未做任何改动；请安装新版程序后再打开。"
        )


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    _refuse_unknown(current)
    return current != HEAD_REVISION


def upgrade(engine: Engine, before: Callable[[str | None], None] | None = None) -> bool:
    """Migrate to the newest revision; returns whether anything was applied.

    `before` is called with the current revision when a migration is about to run, so the
    caller can take a backup first. A database from a newer program raises UserError untouched.
    """
    current = current_revision(engine)
    _refuse_unknown(current)
    if current == HEAD_REVISION:
        return False
    if before is not None:
        before(current)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")
    return True
