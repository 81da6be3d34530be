"""Volunteers on an activity: assignment, sign-in keying, everyone at once, corrections."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from tests.activity_helpers import make_activity, make_volunteers, open_sign_ins_of
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities import activity_volunteers as service
from wenming_desktop.storage.models import AuditEntry, Participation

PEOPLE = [("1001", "张三丰", True), ("1002", "李四", True), ("1003", "王五", False)]


def test_parse_clock_accepts_what_a_clerk_types():
    day = date(2026, 3, 17)
    assert service.parse_clock("8:30", day) == datetime(2026, 3, 17, 8, 30)
    assert service.parse_clock("0830", day) == datetime(2026, 3, 17, 8, 30)
    assert service.parse_clock("830", day) == datetime(2026, 3, 17, 8, 30)
    assert service.parse_clock("14：05", day) == datetime(2026, 3, 17, 14, 5)
    assert service.parse_clock(" ", day) is None
    with pytest.raises(UserError, match="无法识别"):
        service.parse_clock("8点半", day)
    with pytest.raises(UserError, match="不存在"):
        service.parse_clock("25:00", day)


def test_search_uses_the_roster_rule(workspace):
    db = workspace.db
    make_volunteers(db, PEOPLE)
    assert [v.name for v in service.search_volunteers(db, "zsf")] == ["张三丰"]
    assert [v.name for v in service.search_volunteers(db, "李")] == ["李四"]
    assert [v.name for v in service.search_volunteers(db, "1003")] == ["王五"]
    assert len(service.search_volunteers(db, "")) == 3


def test_assign_in_sheet_order_and_skip_duplicates(workspace):
    db = workspace.db
    a, b, c = make_volunteers(db, PEOPLE)
    aid = make_activity(db)
    assert service.assign_volunteers(db, aid, [b, a]) == [b, a]
    assert service.assign_volunteers(db, aid, [a, c]) == [c]
    rows = service.list_participations(db, aid)
    assert [(r.seq, r.name) for r in rows] == [(1, "李四"), (2, "张三丰"), (3, "王五")]


def test_times_give_hours_and_open_sign_ins_are_listed(workspace):
    db = workspace.db
    a, b, _c = make_volunteers(db, PEOPLE)
    aid = make_activity(db)
    service.assign_volunteers(db, aid, [a, b])
    first, second = service.list_participations(db, aid)
    service.set_times(db, first.id, datetime(2026, 3, 17, 8, 30), datetime(2026, 3, 17, 11, 45))
    service.set_times(db, second.id, datetime(2026, 3, 17, 8, 40), None)
    first, second = service.list_participations(db, aid)
    assert first.recorded_minutes == 195
    assert second.recorded_minutes is None
    opens = open_sign_ins_of(db)
    assert [(o.activity_id, o.volunteer) for o in opens] == [(aid, "李四")]
    with pytest.raises(UserError, match="签退时间 2026-03-17 08:00 早于签到时间"):
        service.set_times(db, first.id, datetime(2026, 3, 17, 8, 30), datetime(2026, 3, 17, 8, 0))
    with pytest.raises(UserError, match="没有签到时间"):
        service.set_times(db, first.id, None, datetime(2026, 3, 17, 8, 0))
    # settling the open sign-in by a correction takes it off the list
    service.correct_minutes(db, second.id, 180, "签退漏记，按活动记录更正", "文明办")
    assert open_sign_ins_of(db) == []


def test_everyone_at_once_is_one_transaction_and_leaves_open_sign_ins(workspace, monkeypatch):
    db = workspace.db
    a, b, c = make_volunteers(db, PEOPLE)
    aid = make_activity(db, start=datetime(2026, 3, 17, 8, 30), hours=3)
    service.assign_volunteers(db, aid, [a, b, c])
    rows = service.list_participations(db, aid)
    service.set_times(db, rows[1].id, datetime(2026, 3, 17, 8, 45), None)  # open sign-in
    assert service.sign_everyone(db, aid) == 2
    rows = service.list_participations(db, aid)
    assert [r.recorded_minutes for r in rows] == [180, None, 180]
    assert rows[0].sign_in == datetime(2026, 3, 17, 8, 30)
    assert rows[0].sign_out == datetime(2026, 3, 17, 11, 30)

    # a failure part-way leaves nothing written
    other = make_activity(db, start=datetime(2026, 3, 18, 8, 30))
    service.assign_volunteers(db, other, [a, b])
    calls = []
    real = service._apply_times

    def failing(session, part, sign_in, sign_out):
        calls.append(part.id)
        if len(calls) == 2:
            raise RuntimeError("disk gone")
        real(session, part, sign_in, sign_out)

    monkeypatch.setattr(service, "_apply_times", failing)
    with pytest.raises(RuntimeError):
        service.sign_everyone(db, other)
    assert all(r.sign_in is None for r in service.list_participations(db, other))


def test_correction_needs_a_reason_and_keeps_the_recorded_hours(workspace):
    db = workspace.db
    (a,) = make_volunteers(db, PEOPLE[:1])
    aid = make_activity(db)
    service.assign_volunteers(db, aid, [a])
    (row,) = service.list_participations(db, aid)
    service.set_times(db, row.id, datetime(2026, 3, 17, 8, 30), datetime(2026, 3, 17, 10, 30))
    with pytest.raises(UserError, match="原因"):
        service.correct_minutes(db, row.id, 240, "  ", "文明办")
    service.correct_minutes(db, row.id, 240, "提前到场布置", "文明办")
    (row,) = service.list_participations(db, aid)
    assert (row.recorded_minutes, row.corrected_minutes) == (120, 240)
    assert (row.correction_reason, row.corrected_by) == ("提前到场布置", "文明办")
    with db.read() as session:
        part = session.get(Participation, row.id)
        assert part.corrected_at is not None
        entries = session.scalars(
            select(AuditEntry.new_values).where(AuditEntry.entity == "participation")
        ).all()
    assert any("提前到场布置" in e for e in entries)


def test_remove_participation(workspace):
    db = workspace.db
    (a,) = make_volunteers(db, PEOPLE[:1])
    aid = make_activity(db)
    service.assign_volunteers(db, aid, [a])
    (row,) = service.list_participations(db, aid)
    service.remove_participation(db, row.id)
    assert service.list_participations(db, aid) == []
