"""Activity rows for the activity list, the calendar and the ledger, with their filters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity, Category, Participation, Village
from wenming_desktop.storage.queries.counting import COUNTED_MINUTES, day_bounds
from wenming_desktop.storage.queries.rows import rows_as


class ActivityRow(NamedTuple):
    id: int
    start_at: datetime
    village: str
    category: str
    title: str
    place: str
    status: str
    volunteer_count: int
    total_minutes: int
    actual_attendance: int | None


@dataclass(frozen=True)
class ActivityFilter:
    """What the list is narrowed to; None/empty means "any"."""

    village_id: int | None = None
    category_id: int | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    text: str = ""


def _filtered(stmt: Select[*tuple[Any, ...]], flt: ActivityFilter) -> Select[*tuple[Any, ...]]:
    if flt.village_id is not None:
        stmt = stmt.where(Activity.village_id == flt.village_id)
    if flt.category_id is not None:
        stmt = stmt.where(Activity.category_id == flt.category_id)
    if flt.status:
        stmt = stmt.where(Activity.status == flt.status)
    if flt.date_from is not None:
        stmt = stmt.where(Activity.start_at >= day_bounds(flt.date_from, flt.date_from)[0])
    if flt.date_to is not None:
        stmt = stmt.where(Activity.start_at < day_bounds(flt.date_to, flt.date_to)[1])
    text = flt.text.strip()
    if text:
        like = f"%{text}%"
        stmt = stmt.where(
            Activity.title.like(like)
            | Activity.place.like(like)
            | Activity.summary.like(like)
            | Activity.person_in_charge.like(like)
        )
    return stmt


def activity_rows(session: Session, flt: ActivityFilter | None = None) -> list[ActivityRow]:
    parts = (
        select(
            Participation.activity_id,
            func.count().label("n"),
            func.sum(COUNTED_MINUTES).label("m"),
        )
        .group_by(Participation.activity_id)
        .subquery()
    )
    stmt = (
        select(
            Activity.id,
            Activity.start_at,
            Village.name.label("village"),
            Category.name.label("category"),
            Activity.title,
            Activity.place,
            Activity.status,
            func.coalesce(parts.c.n, 0).label("volunteer_count"),
            func.coalesce(parts.c.m, 0).label("total_minutes"),
            Activity.actual_attendance,
        )
        .join(Village, Village.id == Activity.village_id)
        .join(Category, Category.id == Activity.category_id)
        .outerjoin(parts, parts.c.activity_id == Activity.id)
        .order_by(Activity.start_at.desc(), Activity.id.desc())
    )
    stmt = _filtered(stmt, flt or ActivityFilter())
    return rows_as(ActivityRow, session.execute(stmt))


def activity_search_texts(session: Session, flt: ActivityFilter | None = None) -> dict[int, str]:
    """What the 查找 box searches for each activity the filter keeps (its text ignored): title,
    place, summary and person in charge, lower-cased, one per line."""
    stmt = select(
        Activity.id, Activity.title, Activity.place, Activity.summary, Activity.person_in_charge
    )
    stmt = _filtered(stmt, dataclasses.replace(flt or ActivityFilter(), text=""))
    return {
        row[0]: "\n".join(part or "" for part in row[1:]).lower() for row in session.execute(stmt)
    }


def activity_days(session: Session, year: int, month: int) -> dict[date, int]:
    """How many (not cancelled) activities start on each day of a month, for the calendar."""
    start = datetime(year, month, 1)
    end = datetime(year + (month == 12), month % 12 + 1, 1)
    counts: dict[date, int] = {}
    stmt = select(Activity.start_at).where(
        Activity.start_at >= start, Activity.start_at < end, Activity.status != "cancelled"
    )
    for (start_at,) in session.execute(stmt):
        counts[start_at.date()] = counts.get(start_at.date(), 0) + 1
    return counts
