"""Volunteer names and hours per activity, for the activity ledger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Participation, Volunteer


def volunteers_by_activity(
    session: Session, activity_ids: Sequence[int]
) -> dict[int, tuple[list[str], int]]:
    """activity id → (volunteer names in sheet order, counted minutes)."""
    result: dict[int, tuple[list[str], int]] = defaultdict(lambda: ([], 0))
    ids = list(activity_ids)
    counted = func.coalesce(Participation.corrected_minutes, Participation.recorded_minutes, 0)
    for start in range(0, len(ids), 500):
        stmt = (
            select(Participation.activity_id, Volunteer.name, counted)
            .join(Volunteer, Volunteer.id == Participation.volunteer_id)
            .where(Participation.activity_id.in_(ids[start : start + 500]))
            .order_by(Participation.activity_id, Participation.seq, Participation.id)
        )
        for activity_id, name, minutes in session.execute(stmt):
            names, total = result[activity_id]
            names.append(name)
            result[activity_id] = (names, total + int(minutes or 0))
    return dict(result)
