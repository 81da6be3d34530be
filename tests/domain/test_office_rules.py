"""The office's rules: a finding's status, the due-soon window and the quarterly
leadership-meeting rule."""

from __future__ import annotations

from datetime import date

import pytest

from wenming_desktop.domain.office import (
    DUE_SOON_DAYS,
    FindingStatus,
    QuarterState,
    closed_late,
    finding_status,
    is_due_soon,
    leadership_quarters,
    missing_quarters,
    quarter_bounds,
)

TODAY = date(2026, 5, 20)


@pytest.mark.parametrize(
    ("deadline", "closed", "started", "expected"),
    [
        (date(2026, 6, 1), None, False, FindingStatus.PENDING),
        (date(2026, 6, 1), None, True, FindingStatus.IN_PROGRESS),
        (TODAY, None, False, FindingStatus.PENDING),  # the deadline day is still in time
        (date(2026, 5, 19), None, True, FindingStatus.OVERDUE),
        (date(2026, 5, 19), date(2026, 5, 25), True, FindingStatus.DONE),  # closed late
        (None, None, False, FindingStatus.PENDING),  # no deadline: never overdue
        (None, date(2026, 5, 1), False, FindingStatus.DONE),
    ],
)
def test_finding_status(
    deadline: date | None, closed: date | None, started: bool, expected: FindingStatus
) -> None:
    assert finding_status(deadline, closed, started, TODAY) is expected


def test_closed_late_and_due_soon() -> None:
    assert closed_late(date(2026, 5, 1), date(2026, 5, 2))
    assert not closed_late(date(2026, 5, 1), date(2026, 5, 1))
    assert not closed_late(None, date(2026, 5, 1))
    edge = date.fromordinal(TODAY.toordinal() + DUE_SOON_DAYS)
    assert is_due_soon(TODAY, None, TODAY)
    assert is_due_soon(edge, None, TODAY)
    assert not is_due_soon(date.fromordinal(edge.toordinal() + 1), None, TODAY)
    assert not is_due_soon(date(2026, 5, 19), None, TODAY)  # overdue, not due soon
    assert not is_due_soon(edge, date(2026, 5, 10), TODAY)  # closed


def test_quarter_bounds() -> None:
    assert quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_bounds(2026, 2) == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))


def test_leadership_quarters_over_a_year() -> None:
    days = [date(2025, 11, 3), date(2026, 2, 10), date(2026, 3, 1), date(2026, 8, 9)]
    checks = leadership_quarters(days, date(2025, 10, 1), date(2026, 12, 31), date(2026, 11, 29))
    assert [(c.label, c.meetings, c.state) for c in checks] == [
        ("2025年第四季度", 1, QuarterState.MET),
        ("2026年第一季度", 2, QuarterState.MET),
        ("2026年第二季度", 0, QuarterState.MISSING),
        ("2026年第三季度", 1, QuarterState.MET),
        ("2026年第四季度", 0, QuarterState.PENDING),
    ]
    assert [c.label for c in missing_quarters(checks)] == ["2026年第二季度"]


def test_later_quarters_are_not_started_and_nothing_before_the_start_counts() -> None:
    checks = leadership_quarters([date(2026, 1, 5)], date(2026, 4, 1), date(2026, 12, 31), TODAY)
    assert [c.state for c in checks] == [
        QuarterState.PENDING,
        QuarterState.NOT_STARTED,
        QuarterState.NOT_STARTED,
    ]
