"""Activities: validation, add/edit/delete with audit, filters, calendar days, copy."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from tests.activity_helpers import category_id, make_activity
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities import activities
from wenming_desktop.services.activities.activities import ActivityFilter, next_month_same_day
from wenming_desktop.storage.models import Activity, AuditEntry


def test_add_get_update_delete_are_audited(workspace):
    db = workspace.db
    aid = make_activity(db, title="  中医义诊  ", place="村卫生室")
    data = activities.get_activity(db, aid)
    assert data.title == "中医义诊"
    assert data.status == "planned"
    activities.update_activity(
        db, aid, dataclasses.replace(data, status="done", actual_attendance=86)
    )
    again = activities.get_activity(db, aid)
    assert (again.status, again.actual_attendance) == ("done", 86)
    activities.delete_activity(db, aid)
    with pytest.raises(UserError, match="不存在"):
        activities.get_activity(db, aid)
    with db.read() as session:
        actions = [
            a
            for (a,) in session.execute(
                select(AuditEntry.action)
                .where(AuditEntry.entity == "activity")
                .order_by(AuditEntry.seq)
            )
        ]
    assert actions == ["create", "update", "delete"]


def test_validation_names_the_field(workspace):
    db = workspace.db
    aid = make_activity(db)
    data = activities.get_activity(db, aid)
    with pytest.raises(UserError, match="活动名称不能为空"):
        activities.update_activity(db, aid, dataclasses.replace(data, title="  "))
    with pytest.raises(UserError, match="结束时间 2026-03-17 07:00 早于开始时间"):
        activities.update_activity(
            db, aid, dataclasses.replace(data, end_at=datetime(2026, 3, 17, 7, 0))
        )
    with pytest.raises(UserError, match="受益群众人次"):
        activities.update_activity(db, aid, dataclasses.replace(data, actual_attendance=-1))
    with pytest.raises(UserError, match="请选择活动类别"):
        activities.update_activity(db, aid, dataclasses.replace(data, category_id=99999))


def test_filters_by_village_category_status_dates_and_text(workspace):
    db = workspace.db
    a = make_activity(db, "东兴村", datetime(2026, 3, 2, 9), title="防诈骗宣传", place="文化广场")
    b = make_activity(
        db,
        "胜利村",
        datetime(2026, 3, 20, 9),
        title="中医义诊",
        category="健康生活(健康义诊/健康体检)",
    )
    c = make_activity(db, "东兴村", datetime(2026, 4, 1, 9), title="家庭教育讲座", status="done")

    def ids(**kw):
        return [r.id for r in activities.list_activities(db, ActivityFilter(**kw))]

    assert ids() == [c, b, a]  # newest first
    village_id = activities.form_choices(db)[1][0].id
    assert ids(village_id=village_id) == [c, a]
    assert ids(category_id=category_id(db, "健康生活(健康义诊/健康体检)")) == [b]
    assert ids(status="done") == [c]
    assert ids(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)) == [b, a]
    assert ids(date_from=date(2026, 3, 20), date_to=date(2026, 3, 20)) == [b]
    assert ids(text="广场") == [a]
    assert ids(text="义诊") == [b]
    assert activities.days_with_activities(db, 2026, 3) == {
        date(2026, 3, 2): 1,
        date(2026, 3, 20): 1,
    }


def test_copy_to_next_month_plans_the_same_activity(workspace):
    db = workspace.db
    aid = make_activity(
        db,
        start=datetime(2026, 1, 31, 14, 0),
        hours=2,
        status="done",
        actual_attendance=50,
        summary="已完成",
        place="村委会",
    )
    new_id = activities.copy_to_next_month(db, aid)
    copy = activities.get_activity(db, new_id)
    assert copy.start_at == datetime(2026, 2, 28, 14, 0)  # no 31 February: the month's last day
    assert copy.end_at == datetime(2026, 2, 28, 16, 0)
    assert (copy.status, copy.actual_attendance, copy.summary) == ("planned", None, "")
    assert copy.place == "村委会"
    assert next_month_same_day(datetime(2026, 12, 15, 9)) == datetime(2027, 1, 15, 9)


def test_delete_takes_the_activity_s_volunteers_and_clinic_along(workspace):
    from tests.activity_helpers import make_volunteers
    from wenming_desktop.services.activities import activity_volunteers as vols
    from wenming_desktop.storage.models import ClinicService, Participation

    db = workspace.db
    (vid,) = make_volunteers(db, [("1001", "张三", True)])
    aid = make_activity(db, category="健康生活(健康义诊/健康体检)")
    vols.assign_volunteers(db, aid, [vid])
    with db.write() as session:
        session.add(ClinicService(activity_id=aid, service_kind_id=1, people_served=3))
    activities.delete_activity(db, aid)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Participation)) == 0
        assert session.scalar(select(func.count()).select_from(ClinicService)) == 0


def test_delete_is_refused_while_checkups_refer_to_it(workspace):
    from wenming_desktop.storage.models import Checkup, Resident

    db = workspace.db
    aid = make_activity(db)
    with db.write() as session:
        village_id = session.get(Activity, aid).village_id
        r = Resident(village_id=village_id, name="王大爷")
        session.add(r)
        session.flush()
        session.add(Checkup(resident_id=r.id, activity_id=aid, checkup_date=date(2026, 3, 17)))
    with pytest.raises(UserError, match="1 条体检记录"):
        activities.delete_activity(db, aid)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 1


def test_a_new_office_has_no_activities_until_one_is_recorded(workspace) -> None:
    db = workspace.db
    assert activities.any_activities(db) is False
    make_activity(db)
    assert activities.any_activities(db) is True
