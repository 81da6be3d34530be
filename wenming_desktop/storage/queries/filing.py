"""Which activities belong to a filing period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity
from wenming_desktop.storage.queries.counting import ACTIVITY_COUNTS, activity_in


def done_activity_ids(
    session: Session, start: date, end: date, village_id: int | None = None
) -> list[int]:
    """Activities carried out (已开展) in the period, in date order."""
    stmt = select(Activity.id).where(activity_in(start, end), ACTIVITY_COUNTS)
    if village_id is not None:
        stmt = stmt.where(Activity.village_id == village_id)
    return list(session.scalars(stmt.order_by(Activity.start_at, Activity.id)))
