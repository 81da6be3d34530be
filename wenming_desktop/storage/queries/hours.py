"""Service minutes per volunteer: by month of a period, cumulative, and per date range.

Only counted participations (storage/queries/counting.PARTICIPATION_COUNTS) are summed or counted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity, Participation, Village
from wenming_desktop.storage.queries.counting import (
    COUNTED_MINUTES,
    PARTICIPATION_COUNTS,
    activity_in,
)

COUNTED = COUNTED_MINUTES


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def monthly_minutes(
    session: Session, year: int, start: date | None = None, end: date | None = None
) -> dict[int, list[int]]:
    """volunteer id → twelve monthly sums of counted minutes in `year` (or start…end of it)."""
    first, last = _year_bounds(year)
    month = func.extract("month", Activity.start_at)
    stmt = (
        select(Participation.volunteer_id, month, func.sum(COUNTED))
        .join(Activity, Activity.id == Participation.activity_id)
        .where(activity_in(start or first, end or last), PARTICIPATION_COUNTS)
        .group_by(Participation.volunteer_id, month)
    )
    result: dict[int, list[int]] = {}
    for volunteer_id, m, minutes in session.execute(stmt):
        result.setdefault(volunteer_id, [0] * 12)[int(m) - 1] = int(minutes or 0)
    return result


def activity_counts(
    session: Session, year: int, start: date | None = None, end: date | None = None
) -> dict[int, int]:
    """volunteer id → number of counted participations in `year` (or start…end of it)."""
    first, last = _year_bounds(year)
    stmt = (
        select(Participation.volunteer_id, func.count())
        .join(Activity, Activity.id == Participation.activity_id)
        .where(activity_in(start or first, end or last), PARTICIPATION_COUNTS)
        .group_by(Participation.volunteer_id)
    )
    return {vid: int(n) for vid, n in session.execute(stmt)}


def cumulative_minutes(session: Session, until: datetime) -> dict[int, int]:
    """volunteer id → counted minutes of every activity before `until` (for star levels)."""
    stmt = (
        select(Participation.volunteer_id, func.sum(COUNTED))
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Activity.start_at < until, PARTICIPATION_COUNTS)
        .group_by(Participation.volunteer_id)
    )
    return {vid: int(m or 0) for vid, m in session.execute(stmt)}


class ServiceLine(NamedTuple):
    """One activity a volunteer served on, for a certificate."""

    day: date
    title: str
    village: str
    minutes: int


def service_lines(
    session: Session, volunteer_id: int, date_from: date, date_to: date
) -> list[ServiceLine]:
    """The counted participations of a volunteer between two days (inclusive), oldest first."""
    stmt = (
        select(Activity.start_at, Activity.title, Village.name, COUNTED)
        .select_from(Participation)
        .join(Activity, Activity.id == Participation.activity_id)
        .join(Village, Village.id == Activity.village_id)
        .where(
            Participation.volunteer_id == volunteer_id,
            activity_in(date_from, date_to),
            PARTICIPATION_COUNTS,
        )
        .order_by(Activity.start_at)
    )
    return [
        ServiceLine(day=at.date(), title=title, village=village, minutes=int(m))
        for at, title, village, m in session.execute(stmt)
    ]
