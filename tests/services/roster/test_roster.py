"""Roster use cases: add/edit validation, duplicates, deactivate-not-delete, lists, pinyin."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.roster_samples import ID_X, ID_ZHANG
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.name_pinyin import alternatives, name_initials
from wenming_desktop.domain.roster import VolunteerData
from wenming_desktop.services.roster import roster, roster_lists
from wenming_desktop.storage.models import AuditEntry, Volunteer


def test_name_initials_polyphonic_surnames() -> None:
    assert name_initials("张三丰") == "zsf"
    assert name_initials("单志强") == "szq|dzq"
    assert name_initials("曾国藩") == "zgf|cgf"
    assert alternatives("szq|dzq") == ["szq", "dzq"]


def test_add_edit_and_validation(workspace) -> None:
    db = workspace.db
    roster_lists.add_item(db, "department", "内科")
    roster_lists.add_item(db, "team", "中医义诊服务队")
    vid = roster.add_volunteer(
        db,
        VolunteerData(
            name=" 张三丰 ",
            staff_no="1001",
            id_number=ID_ZHANG.lower(),
            phone="138 1234 5678",
            department="内科",
            political_status="党员",
            teams=("中医义诊服务队",),
        ),
    )
    data = roster.get_volunteer(db, vid)
    assert data.name == "张三丰" and data.gender == "男"
    assert data.birth_date.isoformat() == "1985-03-02"
    assert data.political_status == "中共党员" and data.phone == "13812345678"
    assert data.teams == ("中医义诊服务队",)
    with db.read() as s:
        assert s.scalar(select(Volunteer.pinyin_initials)) == "zsf"
    with pytest.raises(UserError, match="工号“1001”已属于志愿者“张三丰”"):
        roster.add_volunteer(db, VolunteerData(name="李四", staff_no="1001"))
    with pytest.raises(UserError, match="手机号"):
        roster.add_volunteer(db, VolunteerData(name="李四", phone="12345"))
    with pytest.raises(UserError, match="校验位"):
        roster.add_volunteer(db, VolunteerData(name="李四", id_number=ID_X[:-1] + "1"))
    with pytest.raises(UserError, match="不在列表中"):
        roster.add_volunteer(db, VolunteerData(name="李四", department="不存在科"))
    roster.update_volunteer(db, vid, VolunteerData(**{**data.__dict__, "title": "主治医师"}))
    assert roster.get_volunteer(db, vid).title == "主治医师"
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry.action == "update" and json.loads(entry.new_values) == {"title": "主治医师"}


def test_volunteer_with_records_is_deactivated_not_deleted(demo_workspace) -> None:
    db = demo_workspace.db
    rows = roster.list_volunteers(db)
    worked = next(r for r in rows if r.total_minutes > 0 and r.active)
    assert roster.remove_volunteer(db, worked.id) == roster.REMOVED_DEACTIVATED
    after = {r.id: r for r in roster.list_volunteers(db)}
    assert not after[worked.id].active and after[worked.id].total_minutes == worked.total_minutes
    new_id = roster.add_volunteer(db, VolunteerData(name="临时工", staff_no="T1"))
    assert roster.remove_volunteer(db, new_id) == roster.REMOVED_DELETED
    assert new_id not in {r.id for r in roster.list_volunteers(db)}


def test_editable_lists(demo_workspace) -> None:
    db = demo_workspace.db
    items = roster_lists.list_items(db, "department")
    used = next(i for i in items if i.uses)
    with pytest.raises(UserError, match="不能删除"):
        roster_lists.delete_item(db, "department", used.id)
    roster_lists.rename_item(db, "department", used.id, "新名称科")
    assert "新名称科" in roster_lists.names(db, "department")
    new = roster_lists.add_item(db, "party_branch", "第五党支部")
    with pytest.raises(UserError, match="已有名为"):
        roster_lists.add_item(db, "party_branch", "第五党支部")
    roster_lists.delete_item(db, "party_branch", new)
    assert "第五党支部" not in roster_lists.names(db, "party_branch")
