"""The counting rules of domain/counting.py and domain/thresholds.py as SQL expressions.

Every query that counts activities, participations, minutes or follow-ups uses these names, so
each rule is written once (in domain/) and applied the same way everywhere. Nothing here
decides a rule: it only translates one.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, func, or_
from sqlalchemy.sql.elements import SQLColumnExpression

from wenming_desktop.domain.counting import ARRANGED_STATUSES, COUNTED_STATUS
from wenming_desktop.domain.thresholds import FOLLOW_UP_LIMITS
from wenming_desktop.storage.models import Activity, Checkup, Participation

# counting.activity_counts: the activity was held.
ACTIVITY_COUNTS: ColumnElement[bool] = Activity.status == COUNTED_STATUS.value

# counting.arranged: held or still planned (the planning view of coverage).
ARRANGED: ColumnElement[bool] = Activity.status.in_([s.value for s in ARRANGED_STATUSES])

# counting.counted_minutes: the correction if any, else the recorded time (0 when open).
COUNTED_MINUTES: SQLColumnExpression[int] = func.coalesce(
    Participation.corrected_minutes, Participation.recorded_minutes, 0
)

# counting.is_open: signed in, never signed out, not corrected.
OPEN_SERVICE: ColumnElement[bool] = and_(
    Participation.recorded_minutes.is_(None), Participation.corrected_minutes.is_(None)
)

# counting.participation_counts: held, and more than zero counted minutes. Needs Activity joined.
PARTICIPATION_COUNTS: ColumnElement[bool] = and_(ACTIVITY_COUNTS, COUNTED_MINUTES > 0)

# domain.checkups.needs_follow_up, from the same table of limits.
NEEDS_FOLLOW_UP: ColumnElement[bool] = or_(
    *(getattr(Checkup, name) >= limit for name, limit in FOLLOW_UP_LIMITS)
)


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00): a period of whole days for a DateTime column."""
    return datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)


def activity_in(start: date, end: date) -> ColumnElement[bool]:
    """The activity starts within the days start…end (inclusive)."""
    lo, hi = day_bounds(start, end)
    return and_(Activity.start_at >= lo, Activity.start_at < hi)
