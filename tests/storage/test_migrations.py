"""Migrations from every earlier schema revision, with data in it, after a backup."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect

from tests.backup_helpers import dump_tables
from wenming_desktop.config import DataFolder
from wenming_desktop.services.safety import backups
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.storage import schema
from wenming_desktop.storage.database import Database

EARLIER = [
    "0001_initial",
    "0002_issue8_users",
    "0003_constitution",
    "0004_office",
    "0005_shared_pcs",
    "0006_birth_precision",
    "0007_more_versions",
]


def database_at(folder: DataFolder, revision: str) -> None:
    """A database built by the migrations up to `revision`, with a village and an audit entry."""
    from alembic import command

    folder.ensure()
    db = Database.open_sqlite(folder.database)
    with db.engine.begin() as conn:
        command.upgrade(schema._config(conn), revision)
    db.dispose()
    conn = sqlite3.connect(folder.database)
    with conn:
        conn.execute(
            "INSERT INTO village (name, station_name, contact_person, contact_phone, notes) "
            "VALUES ('东兴村', '东兴村新时代文明实践站', '刘德胜', '13904681234', '')"
        )
        conn.execute(
            "INSERT INTO audit_entry (at, user, action, entity, entity_id, old_values, "
            "new_values) VALUES ('2026-01-02 08:00:00', '', 'create', 'village', 1, '{}', '{}')"
        )
    conn.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("revision", EARLIER)
def test_upgrade_from_an_earlier_revision_keeps_the_data(
    revision: str, data_folder: DataFolder
) -> None:
    database_at(data_folder, revision)
    before = dump_tables(data_folder.database)
    ws = open_workspace(data_folder)
    assert schema.current_revision(ws.db.engine) == schema.HEAD_REVISION
    assert "app_user" in inspect(ws.db.engine).get_table_names()
    after = dump_tables(data_folder.database)
    for table in ("village", "audit_entry"):  # later revisions add columns at the end
        assert [row[: len(before[table][0])] for row in after[table]] == before[table]
    assert [row[-1] for row in after["village"]] == [1]  # version of a row that predates it
    ws.close()
    [backup] = backups.list_backups(data_folder)
    assert backup.reason == "migration"
    assert dump_tables(backup.path) == before  # the state before the migration, kept
    conn = sqlite3.connect(backup.path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    conn.close()


def test_every_earlier_revision_is_covered() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(schema._config())
    revisions = {r.revision for r in scripts.walk_revisions()}
    assert revisions - {schema.HEAD_REVISION} == set(EARLIER)
