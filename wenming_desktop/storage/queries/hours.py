"""Service minutes per volunteer: by month of a year, cumulative, and per date range."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity, Participation, Village

COUNTED = func.coalesce(Participation.corrected_minutes, Participation.recorded_minutes, 0)
NOT_CANCELLED = Activity.status != "cancelled"


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def monthly_minutes(session: Session, year: int) -> dict[int, list[int]]:
    """volunteer id → twelve monthly sums of counted minutes in `year`."""
    start, end = _year_bounds(year)
    month = func.extract("month", Activity.start_at)
    stmt = (
        select(Participation.volunteer_id, month, func.sum(COUNTED))
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Activity.start_at >= start, Activity.start_at < end, NOT_CANCELLED)
        .group_by(Participation.volunteer_id, month)
    )
    result: dict[int, list[int]] = {}
    for volunteer_id, m, minutes in session.execute(stmt):
        result.setdefault(volunteer_id, [0] * 12)[int(m) - 1] = int(minutes or 0)
    return result


def activity_counts(session: Session, year: int) -> dict[int, int]:
    """volunteer id → number of activities served in `year`."""
    start, end = _year_bounds(year)
    stmt = (
        select(Participation.volunteer_id, func.count())
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Activity.start_at >= start, Activity.start_at < end, NOT_CANCELLED)
        .group_by(Participation.volunteer_id)
    )
    return {vid: int(n) for vid, n in session.execute(stmt)}


def cumulative_minutes(session: Session, until: datetime) -> dict[int, int]:
    """volunteer id → counted minutes of every activity before `until` (for star levels)."""
    stmt = (
        select(Participation.volunteer_id, func.sum(COUNTED))
        .join(Activity, Activity.id == Participation.activity_id)
        .where(Activity.start_at < until, NOT_CANCELLED)
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
    start = datetime.combine(date_from, datetime.min.time())
    end = datetime.combine(date_to + timedelta(days=1), datetime.min.time())
    stmt = (
        select(Activity.start_at, Activity.title, Village.name, COUNTED)
        .select_from(Participation)
        .join(Activity, Activity.id == Participation.activity_id)
        .join(Village, Village.id == Activity.village_id)
        .where(
            Participation.volunteer_id == volunteer_id,
            Activity.start_at >= start,
            Activity.start_at < end,
            NOT_CANCELLED,
            COUNTED > 0,
        )
        .order_by(Activity.start_at)
    )
    return [
        ServiceLine(day=at.date(), title=title, village=village, minutes=int(m))
        for at, title, village, m in session.execute(stmt)
    ]
