import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage import schema
from wenming_desktop.storage.models import Base


def test_migrations_from_empty_create_exactly_the_models(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    tables = set(inspect(workspace.db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert schema.current_revision(workspace.db.engine) == schema.head_revision()


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_reopening_applies_nothing(workspace: Workspace) -> None:
    assert schema.upgrade(workspace.db.engine) is False


@pytest.mark.sqlite_only
def test_database_from_a_newer_program_is_refused_untouched(data_folder: DataFolder) -> None:
    open_workspace(data_folder).close()
    with sqlite3.connect(data_folder.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = data_folder.database.read_bytes()
    with pytest.raises(UserError, match="更新版本的程序"):
        open_workspace(data_folder)
    assert data_folder.database.read_bytes() == before


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_database_gives_a_clear_message(data_folder: DataFolder) -> None:
    data_folder.ensure()
    data_folder.database.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError, match="无法打开数据库"):
        open_workspace(data_folder)


def test_defaults_are_seeded_once(workspace: Workspace, tmp_path: Path) -> None:
    with workspace.db.engine.connect() as conn:
        categories = conn.execute(text("SELECT count(*) FROM category")).scalar()
        deadlines = conn.execute(text("SELECT name, month_day FROM deadline ORDER BY id")).all()
    assert categories == 14
    assert [tuple(d) for d in deadlines] == [("工作小结", "10-20"), ("全年工作总结", "02-20")]
    workspace.close()
    copy = tmp_path / "copy"
    shutil.copytree(workspace.folder.root, copy)
    again = open_workspace(DataFolder(copy))
    with again.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM category")).scalar() == 14
    again.close()


def test_the_head_constant_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == schema.HEAD_REVISION
