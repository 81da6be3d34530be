"""Dates that cannot be right, refused where they are entered (forms, imports, command line).

- a birth date before 1900-01-01 or after today (volunteers and residents alike): nobody the
  hospital serves or employs was born before 1900, and a future birth is a typing slip;
- an activity starting before 2000-01-01 or more than 366 days from today: the program records
  the New-Era Civilization Practice work (begun 2018) and plans at most a year ahead;
- a sign-in or sign-out more than one day before the activity's first day or after its last:
  a time typed on the wrong day (an activity that runs past midnight stays inside the slack);
- a checkup before 2000-01-01, after today, or before the resident's birth.

These are this program's own plausibility bounds (no outside source); the boundary days
themselves are allowed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from wenming_desktop.domain.errors import UserError

EARLIEST_BIRTH = date(1900, 1, 1)
EARLIEST_RECORD = date(2000, 1, 1)
PLAN_AHEAD = timedelta(days=366)
SIGN_IN_SLACK = timedelta(days=1)


def check_birth_date(birth: date | None, today: date | None = None) -> None:
    """Raise UserError for a birth date before 1900 or after today; None passes."""
    if birth is None:
        return
    today = today or date.today()
    if birth < EARLIEST_BIRTH:
        raise UserError(f"出生日期 {birth:%Y-%m-%d} 早于1900年，请核对")
    if birth > today:
        raise UserError(f"出生日期 {birth:%Y-%m-%d} 晚于今天，请核对")


def check_activity_start(start: datetime, today: date | None = None) -> None:
    """Raise UserError for an activity starting before 2000 or over 366 days from today."""
    today = today or date.today()
    if start.date() < EARLIEST_RECORD:
        raise UserError(f"活动开始时间 {start:%Y-%m-%d} 早于2000年，请核对")
    if start.date() > today + PLAN_AHEAD:
        raise UserError(f"活动开始时间 {start:%Y-%m-%d} 在一年以后，请核对")


def check_sign_time(moment: datetime, start: datetime, end: datetime, label: str) -> None:
    """Raise UserError when a sign-in/out (`label`: 签到/签退) is more than a day away from the
    activity's days [start, end]."""
    first = datetime.combine(start.date(), datetime.min.time()) - SIGN_IN_SLACK
    last = datetime.combine(end.date(), datetime.min.time()) + 2 * SIGN_IN_SLACK
    if not first <= moment < last:
        raise UserError(
            f"{label}时间 {moment:%Y-%m-%d %H:%M} 与活动日期 {start:%Y-%m-%d} 相差超过一天，请核对"
        )


def check_checkup_date(day: date, birth: date | None, today: date | None = None) -> None:
    """Raise UserError for a checkup before 2000, after today or before the resident's birth."""
    today = today or date.today()
    if day > today:
        raise UserError("体检日期不能晚于今天")
    if day < EARLIEST_RECORD:
        raise UserError(f"体检日期 {day:%Y-%m-%d} 早于2000年，请核对")
    if birth is not None and day < birth:
        raise UserError(f"体检日期 {day:%Y-%m-%d} 早于村民的出生日期 {birth:%Y-%m-%d}，请核对")
