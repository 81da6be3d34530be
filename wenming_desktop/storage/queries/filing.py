"""Which activities belong to a filing period."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity


def done_activity_ids(
    session: Session, start: date, end: date, village_id: int | None = None
) -> list[int]:
    """Activities carried out (已开展) in the period, in date order."""
    stmt = select(Activity.id).where(
        Activity.start_at >= datetime.combine(start, time.min),
        Activity.start_at < datetime.combine(end + timedelta(days=1), time.min),
        Activity.status == "done",
    )
    if village_id is not None:
        stmt = stmt.where(Activity.village_id == village_id)
    return list(session.scalars(stmt.order_by(Activity.start_at, Activity.id)))
