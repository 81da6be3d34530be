"""Two programs on one database (two Database objects on one file / one server): no lost update."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import StaleRecord
from wenming_desktop.services.roster import roster
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.models import AuditEntry, Village


@pytest.fixture
def two(data_folder: DataFolder) -> Iterator[tuple[Workspace, Workspace]]:
    first, second = open_workspace(data_folder), open_workspace(data_folder)
    yield first, second
    first.close()
    second.close()


def a_village(ws: Workspace) -> int:
    from wenming_desktop.domain.villages import VillageData

    return villages.add_village(ws.db, VillageData(name="东兴村", contact_person="刘德胜"))


def test_changes_to_different_fields_are_both_kept(two) -> None:
    pc1, pc2 = two
    vid = a_village(pc1)
    seen1, seen2 = villages.open_village(pc1.db, vid), villages.open_village(pc2.db, vid)
    villages.update_village(
        pc2.db, vid, dataclasses.replace(seen2.data, notes="二号机写的备注"), seen2
    )
    villages.update_village(
        pc1.db, vid, dataclasses.replace(seen1.data, contact_person="王福林"), seen1
    )
    now = villages.get_village(pc2.db, vid)
    assert (now.contact_person, now.notes) == ("王福林", "二号机写的备注")


def test_saving_over_a_newer_change_of_the_same_field_is_refused(two) -> None:
    pc1, pc2 = two
    vid = a_village(pc1)
    seen1, seen2 = villages.open_village(pc1.db, vid), villages.open_village(pc2.db, vid)
    villages.update_village(
        pc2.db, vid, dataclasses.replace(seen2.data, contact_person="赵宝山"), seen2
    )
    with pytest.raises(StaleRecord, match=r"结对村“东兴村”在你打开之后已被别人修改.*重新载入"):
        villages.update_village(
            pc1.db, vid, dataclasses.replace(seen1.data, contact_person="王福林"), seen1
        )
    assert villages.get_village(pc1.db, vid).contact_person == "赵宝山"
    fresh = villages.open_village(pc1.db, vid)  # reloading, the clerk saves again
    villages.update_village(
        pc1.db, vid, dataclasses.replace(fresh.data, contact_person="王福林"), fresh
    )
    assert villages.get_village(pc2.db, vid).contact_person == "王福林"


def test_an_unchanged_dialog_writes_nothing(two) -> None:
    pc1, pc2 = two
    vid = a_village(pc1)
    seen1 = villages.open_village(pc1.db, vid)
    seen2 = villages.open_village(pc2.db, vid)
    villages.update_village(
        pc2.db, vid, dataclasses.replace(seen2.data, contact_person="赵宝山"), seen2
    )
    villages.update_village(pc1.db, vid, seen1.data, seen1)  # 保存 pressed without a change
    assert villages.get_village(pc1.db, vid).contact_person == "赵宝山"


def test_two_clerks_editing_one_volunteer(two) -> None:
    from wenming_desktop.domain.roster import VolunteerData

    pc1, pc2 = two
    vol = roster.add_volunteer(pc1.db, VolunteerData(name="张伟", staff_no="A001", phone=""))
    seen1, seen2 = roster.open_volunteer(pc1.db, vol), roster.open_volunteer(pc2.db, vol)
    roster.update_volunteer(pc2.db, vol, dataclasses.replace(seen2.data, title="主治医师"), seen2)
    roster.update_volunteer(pc1.db, vol, dataclasses.replace(seen1.data, specialty="针灸"), seen1)
    now = roster.get_volunteer(pc1.db, vol)
    assert (now.title, now.specialty) == ("主治医师", "针灸")
    with pytest.raises(StaleRecord, match="志愿者“张伟”"):
        roster.update_volunteer(pc1.db, vol, dataclasses.replace(seen1.data, title="医师"), seen1)
    assert roster.get_volunteer(pc2.db, vol).title == "主治医师"


def test_a_change_committed_between_reading_and_writing_is_refused(two, on_postgres) -> None:
    """The version column itself: the UPDATE matches no row once the other PC has saved."""
    if not on_postgres:
        pytest.skip("SQLite has one writer at a time: the other save cannot come in between")
    pc1, pc2 = two
    vid = a_village(pc1)
    with pytest.raises(StaleRecord, match="刚刚被别人修改"), pc1.db.write() as session:
        village = session.get(Village, vid)
        assert village is not None
        with pc2.db.write() as other:
            other_village = other.get(Village, vid)
            assert other_village is not None
            other_village.notes = "二号机"
        village.notes = "一号机"
    assert villages.get_village(pc1.db, vid).notes == "二号机"


def test_every_audit_entry_names_the_pc(workspace: Workspace) -> None:
    a_village(workspace)
    with workspace.db.read() as session:
        hosts = list(session.scalars(select(AuditEntry.host)))
    assert hosts and set(hosts) == {socket.gethostname()}
