import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.models import Activity, AuditEntry, Category


def test_add_edit_delete_with_audit(workspace: Workspace) -> None:
    db = workspace.db
    vid = villages.add_village(
        db, VillageData(name="萝北县肇兴镇东兴村", pairing_start=date(2020, 3, 24))
    )
    villages.update_village(
        db, vid, VillageData(name="萝北县肇兴镇东兴村", contact_person="刘德胜")
    )
    assert villages.get_village(db, vid).contact_person == "刘德胜"
    assert villages.get_village(db, vid).pairing_start is None
    villages.delete_village(db, vid)
    assert villages.list_villages(db) == []
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    assert [e.action for e in entries] == ["create", "update", "delete"]
    assert json.loads(entries[1].new_values)["contact_person"] == "刘德胜"


def test_duplicate_names_are_refused(workspace: Workspace) -> None:
    villages.add_village(workspace.db, VillageData(name="东兴村"))
    with pytest.raises(UserError, match="已有名为“东兴村”"):
        villages.add_village(workspace.db, VillageData(name=" 东兴村"))


def test_delete_refused_while_activities_refer(workspace: Workspace) -> None:
    vid = villages.add_village(workspace.db, VillageData(name="东兴村"))
    with workspace.db.write() as session:
        category = session.scalars(select(Category)).first()
        assert category is not None
        session.add(
            Activity(
                title="健康义诊",
                category_id=category.id,
                village_id=vid,
                start_at=datetime(2026, 7, 15, 8, 30),
                end_at=datetime(2026, 7, 15, 11, 30),
            )
        )
    with pytest.raises(UserError, match="1 场活动"):
        villages.delete_village(workspace.db, vid)
    assert len(villages.list_villages(workspace.db)) == 1


def test_find_village_by_unique_part(workspace: Workspace) -> None:
    for name in ("萝北县肇兴镇东兴村", "萝北县肇兴镇胜利村"):
        villages.add_village(workspace.db, VillageData(name=name))
    assert villages.find_village(workspace.db, "东兴村")[1] == "萝北县肇兴镇东兴村"
    with pytest.raises(UserError, match="对应多个结对村"):
        villages.find_village(workspace.db, "肇兴镇")
    with pytest.raises(UserError, match="没有名称包含"):
        villages.find_village(workspace.db, "太平村")
