"""Two programs on one database editing activities, residents, checkups and follow-ups: a change
to another field is kept, a save over a newer change of the same field is refused."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest

from tests.activity_helpers import make_activity
from tests.checkup_support import make_world
from tests.office_helpers import inspection_with_finding, leadership_group, leadership_meeting
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import StaleRecord
from wenming_desktop.domain.office_records import CommendationData, DecisionData, MemberData
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.activities import activities
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.office import commendations, groups, inspections, meetings
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage.database import Database


@pytest.fixture
def two(data_folder: DataFolder) -> Iterator[tuple[Workspace, Workspace]]:
    first, second = open_workspace(data_folder), open_workspace(data_folder)
    yield first, second
    first.close()
    second.close()


@dataclass(frozen=True)
class Kind:
    """How one kind of record is made, opened, saved and read back."""

    make: Callable[[Database], int]
    open: Callable[[Database, int], Seen[Any]]
    save: Callable[[Database, int, Any, Seen[Any]], object]
    first: dict[str, Any]  # what PC 1 changes
    second: dict[str, Any]  # what PC 2 changes (other fields)
    clash: dict[str, Any]  # PC 1 changing one of PC 2's fields
    named: str  # how the refusal names the record


def _resident(db: Database) -> int:
    village = make_world(db).village_id
    return residents.add_resident(db, ResidentData(village, "王桂兰", phone="13912345678"))


def _checkup(db: Database) -> int:
    world = make_world(db)
    resident = residents.add_resident(db, ResidentData(world.village_id, "王桂兰"))
    data = CheckupData(resident, world.day, world.day_id, systolic=150, diastolic=90)
    return checkups.save_checkup(db, data)


def _commendation(db: Database) -> int:
    data = CommendationData("道德模范", 2025, "县级", "刘春梅", department="护理部")
    return commendations.save_commendation(db, None, data)


KINDS = {
    "activity": Kind(
        make=lambda db: make_activity(db, title="理论宣讲"),
        open=activities.open_activity,
        save=lambda db, i, data, seen: activities.update_activity(db, i, data, seen),
        first={"place": "村委会二楼"},
        second={"summary": "宣讲党的二十届三中全会精神", "actual_attendance": 46},
        clash={"actual_attendance": 50},
        named="活动“理论宣讲”",
    ),
    "resident": Kind(
        make=_resident,
        open=residents.open_resident,
        save=lambda db, i, data, seen: residents.update_resident(db, i, data, seen),
        first={"group_name": "三组", "needy": True},
        second={"phone": "13800001111", "address": "东兴村三组12号"},
        clash={"address": "东兴村四组"},
        named="村民“王桂兰”",
    ),
    "checkup": Kind(
        make=_checkup,
        open=checkups.open_checkup,
        save=lambda db, i, data, seen: checkups.save_checkup(db, data, i, seen),
        first={"heart_rate": 76, "constitution": "气虚质"},
        second={"advice": "低盐饮食，每月复查血压", "systolic": 148},
        clash={"systolic": 160},
        named="王桂兰",
    ),
    "commendation": Kind(
        make=_commendation,
        open=commendations.open_commendation,
        save=lambda db, i, data, seen: commendations.save_commendation(db, i, data, seen),
        first={"reason": "扎根乡村二十年"},
        second={"document_no": "萝文明办〔2025〕7号", "level": "市级"},
        clash={"level": "省级"},
        named="表彰记录“刘春梅”",
    ),
    "inspection": Kind(
        make=lambda db: inspection_with_finding(db)[0],
        open=inspections.open_inspection,
        save=lambda db, i, data, seen: inspections.save_inspection(db, i, data, seen),
        first={"notes": "反馈会已召开"},
        second={"scope": "文明单位创建测评、窗口服务", "kind": "督查"},
        clash={"kind": "自查"},
        named="2026-03-02 的检查记录",
    ),
    "finding": Kind(
        make=lambda db: inspection_with_finding(db)[1],
        open=inspections.open_finding,
        save=lambda db, i, data, seen: inspections.save_finding(
            db, _inspection_of(db, i), i, data, seen
        ),
        first={"measures": "已补齐禁烟标识"},
        second={"closed_on": date(2026, 3, 20), "confirmed_by": "院办"},
        clash={"closed_on": date(2026, 3, 25), "confirmed_by": "总务科"},
        named="整改事项“公共区域禁烟标识不全”",
    ),
    "meeting": Kind(
        make=lambda db: leadership_meeting(db, None, date(2026, 3, 10)),
        open=meetings.open_meeting,
        save=lambda db, i, data, seen: meetings.save_meeting(db, i, data, seen),
        first={"minutes": "会议听取汇报，布置任务，明确分工。"},
        second={"decisions": (DecisionData("完成文明科室自查", "王主任", date(2026, 5, 31)),)},
        clash={"decisions": ()},
        named="会议“2026年03月创建领导小组会议”",
    ),
    "group": Kind(
        make=leadership_group,
        open=groups.open_group,
        save=lambda db, i, data, seen: groups.save_group(db, i, data, seen),
        first={"duties": "统筹全院创建工作"},
        second={"members": (MemberData("张院长", "组长", "院办", "院长"),)},
        clash={"members": ()},
        named="小组“创建领导小组”",
    ),
}


def _inspection_of(db: Database, finding_id: int) -> int:
    return inspections.inspection_of(db, finding_id)


def _changed(seen: Seen[Any], changes: dict[str, Any]) -> Any:
    return dataclasses.replace(seen.data, **changes)


def _subset(data: Any, changes: dict[str, Any]) -> dict[str, Any]:
    return {name: getattr(data, name) for name in changes}


@pytest.mark.parametrize("name", list(KINDS))
def test_changes_to_different_fields_are_both_kept(two, name: str) -> None:
    kind, (pc1, pc2) = KINDS[name], two
    rid = kind.make(pc1.db)
    seen1, seen2 = kind.open(pc1.db, rid), kind.open(pc2.db, rid)
    kind.save(pc2.db, rid, _changed(seen2, kind.second), seen2)
    kind.save(pc1.db, rid, _changed(seen1, kind.first), seen1)
    now = kind.open(pc2.db, rid)
    assert _subset(now.data, kind.first) == kind.first
    assert _subset(now.data, kind.second) == kind.second  # PC 1's stale copy did not undo them
    assert now.version == seen1.version + 2


@pytest.mark.parametrize("name", list(KINDS))
def test_saving_over_a_newer_change_of_the_same_field_is_refused(two, name: str) -> None:
    kind, (pc1, pc2) = KINDS[name], two
    rid = kind.make(pc1.db)
    seen1, seen2 = kind.open(pc1.db, rid), kind.open(pc2.db, rid)
    kind.save(pc2.db, rid, _changed(seen2, kind.second), seen2)
    with pytest.raises(StaleRecord, match=rf"{kind.named}.*已被别人修改.*重新载入"):
        kind.save(pc1.db, rid, _changed(seen1, {**kind.first, **kind.clash}), seen1)
    now = kind.open(pc1.db, rid)
    assert _subset(now.data, kind.second) == kind.second
    assert _subset(now.data, kind.first) != kind.first  # nothing of the refused save was written
    kind.save(pc1.db, rid, _changed(now, kind.clash), now)  # after 重新载入 the clerk saves again
    assert _subset(kind.open(pc2.db, rid).data, kind.clash) == kind.clash


@pytest.mark.parametrize("name", list(KINDS))
def test_an_unchanged_save_writes_nothing(two, name: str) -> None:
    kind, (pc1, pc2) = KINDS[name], two
    rid = kind.make(pc1.db)
    seen1, seen2 = kind.open(pc1.db, rid), kind.open(pc2.db, rid)
    kind.save(pc2.db, rid, _changed(seen2, kind.clash), seen2)
    kind.save(pc1.db, rid, seen1.data, seen1)  # 保存 pressed without a change
    assert _subset(kind.open(pc1.db, rid).data, kind.clash) == kind.clash


def test_a_checkup_edit_and_a_follow_up_from_two_pcs_are_both_kept(two) -> None:
    pc1, pc2 = two
    cid = _checkup(pc1.db)
    form = checkups.open_checkup(pc1.db, cid)
    follow = checkups.open_follow_up(pc2.db, cid)
    yesterday = date.today() - timedelta(days=1)
    checkups.mark_followed_up(pc2.db, cid, yesterday, "刘护士", "电话随访", follow)
    checkups.save_checkup(pc1.db, _changed(form, {"advice": "戒烟"}), cid, form)
    with pc1.db.read() as session:
        from wenming_desktop.storage.models import Checkup

        row = session.get(Checkup, cid)
        assert row is not None
        kept = (row.advice, row.followed_up_by, row.follow_up_note)
        assert kept == ("戒烟", "刘护士", "电话随访")


def test_a_follow_up_recorded_meanwhile_is_not_overwritten(two) -> None:
    pc1, pc2 = two
    cid = _checkup(pc1.db)
    seen1, seen2 = checkups.open_follow_up(pc1.db, cid), checkups.open_follow_up(pc2.db, cid)
    yesterday = date.today() - timedelta(days=1)
    checkups.mark_followed_up(pc2.db, cid, yesterday, "刘护士", "电话随访，血压已降", seen2)
    with pytest.raises(StaleRecord, match=r"王桂兰.*的随访在你打开之后已被别人修改"):
        checkups.mark_followed_up(pc1.db, cid, date.today(), "张医生", "上门随访", seen1)
    now = checkups.open_follow_up(pc1.db, cid)
    assert now.data == checkups.FollowUp(yesterday, "刘护士", "电话随访，血压已降")
    checkups.mark_followed_up(pc1.db, cid, date.today(), "张医生", "上门随访", now)
    assert checkups.open_follow_up(pc2.db, cid).data.by == "张医生"


def test_an_import_on_the_other_pc_counts_as_a_newer_change(two, tmp_path) -> None:
    """The resident import writes with one bulk UPDATE; it moves the version on as well."""
    from tests.checkup_support import id_number
    from tests.services.checkups.test_resident_import import messy_sheet
    from wenming_desktop.services.checkups.resident_import import apply_import, read_residents

    pc1, pc2 = two
    village = make_world(pc1.db).village_id
    number = id_number(date(1950, 1, 2), 901)
    rid = residents.add_resident(pc1.db, ResidentData(village, "张三丰", number, group_name="一组"))
    seen = residents.open_resident(pc1.db, rid)
    sheet = messy_sheet(tmp_path / "名单.xlsx", [[1, "张三丰", "男", number, "", "三组", "", ""]])
    apply_import(pc2.db, read_residents(pc2.db, sheet, village))
    with pytest.raises(StaleRecord, match="村民“张三丰”"):
        residents.update_resident(pc1.db, rid, _changed(seen, {"group_name": "二组"}), seen)
    assert residents.get_resident(pc2.db, rid).group_name == "三组"


def _clinic(db: Database) -> tuple[int, int, list[int]]:
    """A free clinic with one department ticked; (activity, department, service kind ids)."""
    from tests.activity_helpers import make_volunteers
    from wenming_desktop.services.activities.clinics import get_clinic

    make_volunteers(db, [("1001", "张三", True)])  # department 内科
    aid = make_activity(db, title="中医义诊", category="健康生活(健康义诊/健康体检)")
    detail = get_clinic(db, aid)
    dept = detail.departments[0].id
    return aid, dept, [line.service_kind_id for line in detail.lines]


def test_clinic_figures_from_two_pcs(two) -> None:
    """Different cells typed on two PCs are both kept; the same cell is refused."""
    from wenming_desktop.services.activities.clinics import (
        ClinicEntry,
        get_clinic,
        open_clinic_state,
        save_clinic,
    )

    pc1, pc2 = two
    aid, dept, kinds = _clinic(pc1.db)
    save_clinic(pc1.db, aid, [dept], [ClinicEntry(kinds[0], 30, 0, dept)])
    seen1, seen2 = open_clinic_state(pc1.db, aid), open_clinic_state(pc2.db, aid)
    save_clinic(
        pc2.db,
        aid,
        [dept],
        [ClinicEntry(kinds[0], 30, 0, dept), ClinicEntry(kinds[1], 80, 5)],
        seen2,
    )
    version = activities.open_activity(pc1.db, aid).version
    save_clinic(pc1.db, aid, [dept], [ClinicEntry(kinds[0], 35, 0, dept)], seen1)
    lines = get_clinic(pc2.db, aid).lines
    assert (lines[0].people_served, lines[1].people_served, lines[1].materials_given) == (35, 80, 5)
    assert activities.open_activity(pc1.db, aid).version == version + 1
    with pytest.raises(StaleRecord, match="活动“中医义诊”的义诊服务记录在你打开之后已被别人修改"):
        save_clinic(pc2.db, aid, [dept], [ClinicEntry(kinds[0], 40, 0, dept)], seen2)  # PC 2's
    assert get_clinic(pc1.db, aid).lines[0].people_served == 35  # panel still showed 30 there


def test_settings_changed_on_two_pcs(two) -> None:
    from wenming_desktop.services.settings import settings

    pc1, pc2 = two
    settings.update_settings(pc1.db, {"hospital_name": "萝北县中医院", "office_name": "党办"})
    seen1, seen2 = settings.get_settings(pc1.db), settings.get_settings(pc2.db)
    settings.update_settings(
        pc2.db, {"hospital_name": "萝北县中医院", "office_name": "宣传科"}, seen2
    )
    settings.update_settings(
        pc1.db, {"hospital_name": "鹤岗市萝北县中医院", "office_name": "党办"}, seen1
    )
    now = settings.get_settings(pc2.db)
    assert (now["hospital_name"], now["office_name"]) == ("鹤岗市萝北县中医院", "宣传科")
    with pytest.raises(StaleRecord, match="单位信息设置在你打开之后已被别人修改"):
        settings.update_settings(
            pc1.db, {"hospital_name": "萝北县中医院", "office_name": "文明办"}, seen1
        )
    assert settings.get_settings(pc1.db)["office_name"] == "宣传科"


def test_summary_texts_typed_on_two_pcs(two) -> None:
    from wenming_desktop.domain.periods import parse_period
    from wenming_desktop.services.filing import summary

    pc1, pc2 = two
    q3 = parse_period("2026-Q3")
    summary.save_texts(pc1.db, q3, None, {"achievements": "义诊十场", "problems": ""})
    seen1, seen2 = summary.get_texts(pc1.db, q3, None), summary.get_texts(pc2.db, q3, None)
    summary.save_texts(
        pc2.db, q3, None, {"achievements": "义诊十场", "problems": "覆盖不均"}, seen2
    )
    summary.save_texts(pc1.db, q3, None, {"achievements": "义诊十二场", "problems": ""}, seen1)
    assert summary.get_texts(pc2.db, q3, None) == {
        "achievements": "义诊十二场",
        "problems": "覆盖不均",
    }
    with pytest.raises(StaleRecord, match="2026年第三季度的工作总结文字在你打开之后"):
        summary.save_texts(pc2.db, q3, None, {"achievements": "义诊九场"}, seen2)
    assert summary.get_texts(pc1.db, q3, None)["achievements"] == "义诊十二场"
