import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Activity, Village


def count_villages(workspace: Workspace) -> int:
    with workspace.db.read() as session:
        return session.scalar(select(func.count()).select_from(Village)) or 0


def test_a_failed_write_block_leaves_nothing(workspace: Workspace) -> None:
    with pytest.raises(RuntimeError), workspace.db.write() as session:
        session.add(Village(name="东兴村"))
        session.flush()
        session.execute(
            text(
                "INSERT INTO village (name, station_name, contact_person, "
                "contact_phone, notes) VALUES ('胜利村', '', '', '', '')"
            )
        )
        raise RuntimeError("boom")
    assert count_villages(workspace) == 0


def test_committed_rows_survive_reopening(workspace: Workspace) -> None:
    with workspace.db.write() as session:
        session.add(Village(name="东兴村", station_name="东兴村新时代文明实践站"))
    workspace.db.dispose()
    with workspace.db.read() as session:
        village = session.scalars(select(Village)).one()
    assert village.station_name == "东兴村新时代文明实践站"


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    from datetime import datetime

    with pytest.raises(IntegrityError), workspace.db.write() as session:
        session.add(
            Activity(
                title="义诊",
                category_id=9999,
                village_id=9999,
                start_at=datetime(2026, 7, 1, 8),
                end_at=datetime(2026, 7, 1, 11),
            )
        )
