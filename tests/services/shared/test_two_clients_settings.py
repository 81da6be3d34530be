"""Two programs on one database editing what 设置 keeps (report deadlines): a change to another
field is kept, a save over a newer change of the same field is refused and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import StaleRecord
from wenming_desktop.services.filing import deadlines
from wenming_desktop.services.filing.deadlines import DeadlineRow
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage.database import Database


@pytest.fixture
def two(data_folder: DataFolder) -> Iterator[tuple[Workspace, Workspace]]:
    first, second = open_workspace(data_folder), open_workspace(data_folder)
    yield first, second
    first.close()
    second.close()


def _listed(db: Database, name: str) -> DeadlineRow:
    return next(row for row in deadlines.list_deadlines(db) if row.name == name)


def test_deadline_changes_to_different_fields_are_both_kept(two) -> None:
    pc1, pc2 = two
    row1, row2 = _listed(pc1.db, "工作小结"), _listed(pc2.db, "工作小结")
    deadlines.save_deadline(pc2.db, row2.id, "工作小结", "09-30", seen=deadlines.seen_of(row2))
    deadlines.save_deadline(pc1.db, row1.id, "半年工作小结", "10-20", seen=deadlines.seen_of(row1))
    now = _listed(pc2.db, "半年工作小结")
    assert now.month_day == "09-30"  # PC 1's stale date did not undo PC 2's change
    assert now.version == row1.version + 2


def test_deadline_saved_over_a_newer_change_of_the_same_field_is_refused(two) -> None:
    pc1, pc2 = two
    row1, row2 = _listed(pc1.db, "工作小结"), _listed(pc2.db, "工作小结")
    deadlines.save_deadline(pc2.db, row2.id, "工作小结", "09-30", seen=deadlines.seen_of(row2))
    with pytest.raises(StaleRecord, match=r"报送事项“工作小结”.*已被别人修改.*重新载入"):
        deadlines.save_deadline(
            pc1.db, row1.id, "半年工作小结", "11-15", seen=deadlines.seen_of(row1)
        )
    now = _listed(pc1.db, "工作小结")  # nothing of the refused save was written
    assert (now.month_day, now.version) == ("09-30", row1.version + 1)
    # after 重新载入 the clerk saves again
    deadlines.save_deadline(pc1.db, now.id, "工作小结", "11-15", seen=deadlines.seen_of(now))
    assert _listed(pc2.db, "工作小结").month_day == "11-15"


def test_deadline_unchanged_save_writes_nothing(two) -> None:
    pc1, pc2 = two
    row1, row2 = _listed(pc1.db, "工作小结"), _listed(pc2.db, "工作小结")
    deadlines.save_deadline(pc2.db, row2.id, "工作小结", "09-30", seen=deadlines.seen_of(row2))
    deadlines.save_deadline(pc1.db, row1.id, "工作小结", "10-20", seen=deadlines.seen_of(row1))
    assert _listed(pc1.db, "工作小结").month_day == "09-30"


def test_deadline_saved_without_seen_writes_both_fields(two) -> None:
    pc1, pc2 = two
    row = _listed(pc1.db, "工作小结")
    deadlines.save_deadline(pc2.db, row.id, "工作小结", "09-30")
    deadlines.save_deadline(pc1.db, row.id, "工作小结", "10-21")
    assert _listed(pc2.db, "工作小结").month_day == "10-21"
