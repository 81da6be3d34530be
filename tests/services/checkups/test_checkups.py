"""Checkup use cases: validation, one per resident and day, follow-up, history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData, needs_follow_up
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents


def _resident(db, village_id: int, name: str = "张三丰", order: int = 1) -> int:
    return residents.add_resident(
        db, ResidentData(village_id, name, id_number(date(1950, 1, 2), order))
    )


def test_save_and_read_back(workspace) -> None:
    world = make_world(workspace.db)
    rid = _resident(workspace.db, world.village_id)
    data = CheckupData(
        rid,
        world.day,
        world.day_id,
        height_cm=165,
        weight_kg=70.5,
        systolic=150,
        diastolic=92,
        fasting_glucose=6.5,
        chronic_conditions=("高血压", "高血压", "糖尿病"),
        constitution="气虚质",
        self_care={"eating": 0, "grooming": 1, "dressing": 0, "toilet": 0, "moving": 5},
        doctor_id=world.doctor_id,
    )
    cid = checkups.save_checkup(workspace.db, data)
    back = checkups.get_checkup(workspace.db, cid)
    assert back.chronic_conditions == ("高血压", "糖尿病")
    assert back.self_care["moving"] == 5
    assert back.systolic == 150 and back.weight_kg == 70.5
    rows = checkups.list_checkups(workspace.db, open_follow_ups=True)
    assert [r.id for r in rows] == [cid]
    assert rows[0].doctor == "李医生"


@pytest.mark.parametrize(
    ("field", "value", "text"),
    [
        ("systolic", 400, "收缩压"),
        ("height_cm", 17, "身高"),
        ("fasting_glucose", 60.0, "空腹血糖"),
    ],
)
def test_implausible_values_refused(workspace, field: str, value: float, text: str) -> None:
    world = make_world(workspace.db)
    rid = _resident(workspace.db, world.village_id)
    with pytest.raises(UserError, match=text):
        checkups.save_checkup(workspace.db, CheckupData(rid, world.day, **{field: value}))


def test_bad_self_care_score_refused(workspace) -> None:
    world = make_world(workspace.db)
    rid = _resident(workspace.db, world.village_id)
    scores = {"eating": 1, "grooming": 0, "dressing": 0, "toilet": 0, "moving": 0}
    with pytest.raises(UserError, match="进餐"):
        checkups.save_checkup(workspace.db, CheckupData(rid, world.day, self_care=scores))


def test_second_checkup_same_day_names_the_first(workspace) -> None:
    world = make_world(workspace.db)
    rid = _resident(workspace.db, world.village_id)
    first = checkups.save_checkup(workspace.db, CheckupData(rid, world.day, systolic=120))
    with pytest.raises(checkups.DuplicateCheckup) as caught:
        checkups.save_checkup(workspace.db, CheckupData(rid, world.day, systolic=130))
    assert caught.value.existing_id == first
    assert checkups.find_checkup(workspace.db, rid, world.day) == first
    # editing the first is allowed
    checkups.save_checkup(workspace.db, CheckupData(rid, world.day, systolic=131), first)
    assert checkups.get_checkup(workspace.db, first).systolic == 131


def test_follow_up_marked_done(workspace) -> None:
    world = make_world(workspace.db)
    rid = _resident(workspace.db, world.village_id)
    cid = checkups.save_checkup(
        workspace.db, CheckupData(rid, world.day, systolic=160, diastolic=95)
    )
    with pytest.raises(UserError, match="随访人"):
        checkups.mark_followed_up(workspace.db, cid, date.today(), " ", "")
    checkups.mark_followed_up(workspace.db, cid, date.today(), "王护士", "电话随访，已服药")
    assert checkups.list_checkups(workspace.db, open_follow_ups=True) == []
    row = checkups.list_checkups(workspace.db)[0]
    assert (row.followed_up_by, row.follow_up_note) == ("王护士", "电话随访，已服药")


def test_history_oldest_first(workspace) -> None:
    world = make_world(workspace.db)
    rid = _resident(workspace.db, world.village_id)
    for years_ago, weight in ((2, 60), (0, 66), (1, 63)):
        day = world.day - timedelta(days=365 * years_ago)
        checkups.save_checkup(workspace.db, CheckupData(rid, day, weight_kg=weight))
    assert [r.weight_kg for r in checkups.resident_history(workspace.db, rid)] == [60, 63, 66]


def test_sql_follow_up_rule_matches_domain(demo_workspace) -> None:
    rows = checkups.list_checkups(demo_workspace.db)
    expected = {
        r.id
        for r in rows
        if r.followed_up_on is None and needs_follow_up(r.systolic, r.diastolic, r.fasting_glucose)
    }
    found = {r.id for r in checkups.list_checkups(demo_workspace.db, open_follow_ups=True)}
    assert found == expected and found
