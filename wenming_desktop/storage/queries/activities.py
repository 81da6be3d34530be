"""Activity rows for the activity list."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Activity, Category, Participation, Village


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


def activity_rows(session: Session) -> list[ActivityRow]:
    parts = (
        select(
            Participation.activity_id,
            func.count().label("n"),
            func.sum(
                func.coalesce(Participation.corrected_minutes, Participation.recorded_minutes, 0)
            ).label("m"),
        )
        .group_by(Participation.activity_id)
        .subquery()
    )
    stmt = (
        select(
            Activity.id,
            Activity.start_at,
            Village.name,
            Category.name,
            Activity.title,
            Activity.place,
            Activity.status,
            func.coalesce(parts.c.n, 0),
            func.coalesce(parts.c.m, 0),
            Activity.actual_attendance,
        )
        .join(Village, Village.id == Activity.village_id)
        .join(Category, Category.id == Activity.category_id)
        .outerjoin(parts, parts.c.activity_id == Activity.id)
        .order_by(Activity.start_at.desc())
    )
    return [ActivityRow(*row) for row in session.execute(stmt)]
