"""Volunteer names and hours per activity, for the activity ledger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity, Participation, Volunteer
from wenming_desktop.storage.queries.counting import COUNTED_MINUTES, PARTICIPATION_COUNTS


def volunteers_by_activity(
    session: Session, activity_ids: Sequence[int]
) -> dict[int, tuple[list[str], int]]:
    """activity id → (volunteer names in sheet order, counted minutes), over the counted
    participations (counting.PARTICIPATION_COUNTS: held, more than zero minutes)."""
    result: dict[int, tuple[list[str], int]] = defaultdict(lambda: ([], 0))
    ids = list(activity_ids)
    for start in range(0, len(ids), 500):
        stmt = (
            select(Participation.activity_id, Volunteer.name, COUNTED_MINUTES)
            .join(Volunteer, Volunteer.id == Participation.volunteer_id)
            .join(Activity, Activity.id == Participation.activity_id)
            .where(Participation.activity_id.in_(ids[start : start + 500]), PARTICIPATION_COUNTS)
            .order_by(Participation.activity_id, Participation.seq, Participation.id)
        )
        for activity_id, name, minutes in session.execute(stmt):
            names, total = result[activity_id]
            names.append(name)
            result[activity_id] = (names, total + int(minutes or 0))
    return dict(result)
