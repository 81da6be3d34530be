"""Monthly coverage, requests (点单→派单→评单) and report deadlines."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.activity_helpers import category_id, make_activity
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.activities import activities, requests
from wenming_desktop.services.activities.coverage import uncovered_villages, year_coverage
from wenming_desktop.services.filing import deadlines
from wenming_desktop.services.villages.villages import add_village


def test_coverage_counts_and_concentrated_week(workspace):
    db = workspace.db
    # March 2026: the third Monday is the 16th, so the concentrated week is 16–22 March.
    make_activity(db, "东兴村", datetime(2026, 3, 2, 9))
    make_activity(db, "东兴村", datetime(2026, 3, 17, 9))
    make_activity(db, "东兴村", datetime(2026, 4, 1, 9))
    make_activity(db, "胜利村", datetime(2026, 3, 23, 9))
    make_activity(db, "胜利村", datetime(2026, 5, 18, 9), status="cancelled")
    add_village(db, VillageData(name="太平村"))
    rows = {r.village: r for r in year_coverage(db, 2026)}
    east, win, tai = rows["东兴村"], rows["胜利村"], rows["太平村"]
    assert (east.months[2].activities, east.months[2].in_concentrated_week) == (2, True)
    assert (east.months[3].activities, east.months[3].in_concentrated_week) == (1, False)
    assert (win.months[2].activities, win.months[2].in_concentrated_week) == (1, False)
    assert win.months[4].activities == 0  # cancelled does not count
    assert (east.total, win.total, tai.total) == (3, 1, 0)
    assert [name for _id, name in uncovered_villages(db, date(2026, 3, 25))] == ["太平村"]
    assert [n for _i, n in uncovered_villages(db, date(2026, 4, 5))] == ["胜利村", "太平村"]


def test_request_dispatch_and_evaluation(workspace):
    db = workspace.db
    village = add_village(db, VillageData(name="东兴村"))
    with pytest.raises(UserError, match="需求内容"):
        requests.add_request(db, requests.RequestData(village_id=village, content=" "))
    rid = requests.add_request(
        db,
        requests.RequestData(
            village_id=village,
            content="为村里老人开展中医义诊",
            requested_by="村支书 王某",
            wanted_on=date(2026, 4, 10),
        ),
    )
    (row,) = requests.list_requests(db, open_only=True)
    assert (row.id, row.status, row.activity_id) == (rid, "open", None)
    health = category_id(db, "健康生活(健康义诊/健康体检)")
    aid = requests.dispatch_request(db, rid, health, "鹤岗市中医院")
    act = activities.get_activity(db, aid)
    assert act.start_at == datetime(2026, 4, 10, 9, 0)
    assert (act.status, act.village_id, act.organizer) == ("planned", village, "鹤岗市中医院")
    assert act.title == "为村里老人开展中医义诊"
    assert requests.list_requests(db, open_only=True) == []
    with pytest.raises(UserError, match="已经派单"):
        requests.dispatch_request(db, rid, health, "")
    with pytest.raises(UserError, match="1到5"):
        requests.evaluate_activity(db, aid, 6, "")
    requests.evaluate_activity(db, aid, 5, "群众很满意")
    assert requests.get_evaluation(db, aid) == (5, "群众很满意")
    (row,) = requests.list_requests(db)
    assert (row.status, row.activity_id, row.satisfaction) == ("evaluated", aid, 5)


def test_deadlines_defaults_edit_and_due(workspace):
    db = workspace.db
    rows = deadlines.list_deadlines(db)
    assert [(r.name, r.month_day) for r in rows] == [
        ("工作小结", "10-20"),
        ("全年工作总结", "02-20"),
    ]
    due = deadlines.due_within(db, date(2026, 9, 25))
    assert [(d.name, d.due, d.days_left) for d in due] == [("工作小结", date(2026, 10, 20), 25)]
    assert deadlines.due_within(db, date(2026, 9, 19)) == []
    # across the new year
    due = deadlines.due_within(db, date(2027, 1, 25))
    assert [(d.name, d.due) for d in due] == [("全年工作总结", date(2027, 2, 20))]
    deadlines.save_deadline(db, rows[0].id, "工作小结", "9-30")
    assert deadlines.list_deadlines(db)[0].month_day == "09-30"
    with pytest.raises(UserError, match="不存在"):
        deadlines.save_deadline(db, None, "半年总结", "02-30")
    with pytest.raises(UserError, match="格式不正确"):
        deadlines.save_deadline(db, None, "半年总结", "七月十日")
    with pytest.raises(UserError, match="已有名为"):
        deadlines.save_deadline(db, None, "全年工作总结", "07-10")
    new_id = deadlines.save_deadline(db, None, "半年总结", "07-10")
    deadlines.delete_deadline(db, new_id)
    assert len(deadlines.list_deadlines(db)) == 2
