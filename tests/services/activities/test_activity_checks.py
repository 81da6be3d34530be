"""Guideline checks built from the database; unmet checks of done activities."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from tests.activity_helpers import make_activity, make_volunteers
from wenming_desktop.domain.guidelines import CheckResult
from wenming_desktop.services.activities import activities
from wenming_desktop.services.activities import activity_volunteers as vols
from wenming_desktop.services.activities.activity_checks import (
    checks_for,
    guideline_status,
    unmet_done_activities,
)


def _results(db, aid):
    return {c.code: (c.result, c.reason) for c in checks_for(db, aid)}


def test_every_check_from_the_records(workspace):
    db = workspace.db
    a, b = make_volunteers(db, [("1001", "张三", True), ("1002", "李四", False)])
    aid = make_activity(db, expected_attendance=1200, place_is_public=True)
    r = _results(db, aid)
    assert r["police"][0] == CheckResult.NOT_MET
    assert r["city"][0] == CheckResult.NOT_MET
    assert r["backdrop"][0] == CheckResult.NOT_MET
    assert r["medicine_kit"][0] == CheckResult.NOT_MET
    assert r["registered"] == (CheckResult.NOT_MET, "尚未登记参加的志愿者")
    vols.assign_volunteers(db, aid, [a, b])
    r = _results(db, aid)
    assert r["registered"] == (CheckResult.NOT_MET, "未注册：李四")
    assert r["time"] == (CheckResult.NOT_MET, "未记录时长：张三、李四")
    vols.sign_everyone(db, aid)
    data = activities.get_activity(db, aid)
    activities.update_activity(
        db,
        aid,
        dataclasses.replace(
            data,
            police_approval_ref="鹤公审〔2026〕3号",
            city_approval_ref="城管审字第1号",
            has_backdrop=True,
            medicine_kit_holder="王护士",
        ),
    )
    r = _results(db, aid)
    assert r["police"][0] == r["city"][0] == r["backdrop"][0] == CheckResult.MET
    assert r["medicine_kit"] == (CheckResult.MET, "携带人：王护士")
    assert r["time"][0] == CheckResult.MET
    assert guideline_status(checks_for(db, aid)) == "未符合：参加志愿者均已在志愿服务信息系统注册"


def test_small_private_activity_is_not_applicable_for_approvals(workspace):
    db = workspace.db
    aid = make_activity(db, expected_attendance=80)
    r = _results(db, aid)
    assert r["police"][0] == CheckResult.NOT_APPLICABLE
    assert r["city"] == (CheckResult.NOT_APPLICABLE, "活动地点不是公共场所")


def test_unmet_lists_only_done_activities(workspace):
    db = workspace.db
    done = make_activity(db, start=datetime(2026, 3, 1, 9), status="done", title="已开展")
    make_activity(db, start=datetime(2026, 3, 2, 9), status="planned", title="计划中")
    rows = unmet_done_activities(db, date(2026, 1, 1), date(2026, 12, 31))
    assert [r.activity_id for r in rows] == [done]
    assert "专人携带应急药箱" in rows[0].unmet
