"""The guideline checks (docs/rules.md, "Activity guideline checks"), with their facts read from
the database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.domain.counting import activity_counts
from wenming_desktop.domain.guidelines import (
    ActivityFacts,
    CheckResult,
    GuidelineCheck,
    check_activity,
)
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import (
    Activity,
    Category,
    Participation,
    Village,
    Volunteer,
)
from wenming_desktop.storage.queries.counting import ACTIVITY_COUNTS


class UnmetActivity(NamedTuple):
    activity_id: int
    start_at: datetime
    village: str
    title: str
    unmet: str  # the unmet checks' titles, "；"-joined


def facts_for(session: Session, activity_ids: Sequence[int]) -> dict[int, ActivityFacts]:
    """ActivityFacts for each activity, read in two queries whatever the number of activities."""
    if not activity_ids:
        return {}
    ids = list(activity_ids)
    people: dict[int, list[tuple[str, bool, bool]]] = defaultdict(list)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        stmt = (
            select(
                Participation.activity_id,
                Volunteer.name,
                Volunteer.registered,
                Participation.recorded_minutes.is_not(None)
                | Participation.corrected_minutes.is_not(None),
            )
            .join(Volunteer, Volunteer.id == Participation.volunteer_id)
            .where(Participation.activity_id.in_(chunk))
            .order_by(Participation.activity_id, Participation.seq)
        )
        for activity_id, name, registered, has_time in session.execute(stmt):
            people[activity_id].append((name, bool(registered), bool(has_time)))
    facts: dict[int, ActivityFacts] = {}
    health = set(session.scalars(select(Category.id).where(Category.is_health.is_(True))))
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for a in session.scalars(select(Activity).where(Activity.id.in_(chunk))):
            rows = people.get(a.id, [])
            facts[a.id] = ActivityFacts(
                expected_attendance=a.expected_attendance,
                place_is_public=a.place_is_public,
                police_approval_ref=a.police_approval_ref,
                city_approval_ref=a.city_approval_ref,
                has_backdrop=a.has_backdrop,
                medicine_kit_holder=a.medicine_kit_holder,
                volunteer_count=len(rows),
                unregistered_volunteers=tuple(n for n, reg, _t in rows if not reg),
                volunteers_without_time=tuple(n for n, _r, t in rows if not t),
                free_clinic_held=a.category_id in health and activity_counts(a.status),
                people_served=a.actual_attendance,
            )
    return facts


def checks_for(db: Database, activity_id: int) -> list[GuidelineCheck]:
    with db.read() as session:
        facts = facts_for(session, [activity_id])
    if activity_id not in facts:
        return []
    return check_activity(facts[activity_id])


def unmet_titles(checks: Sequence[GuidelineCheck]) -> list[str]:
    return [c.title for c in checks if c.result == CheckResult.NOT_MET]


def guideline_status(checks: Sequence[GuidelineCheck]) -> str:
    """One cell of text for ledgers: 全部符合, or what is not met."""
    unmet = unmet_titles(checks)
    return "全部符合" if not unmet else "未符合：" + "；".join(unmet)


def unmet_done_activities(db: Database, date_from: date, date_to: date) -> list[UnmetActivity]:
    """Activities marked 已开展 in the range whose checks are not all met."""
    start = datetime.combine(date_from, datetime.min.time())
    end = datetime.combine(date_to, datetime.max.time())
    with db.read() as session:
        acts = session.execute(
            select(Activity.id, Activity.start_at, Village.name, Activity.title)
            .join(Village, Village.id == Activity.village_id)
            .where(ACTIVITY_COUNTS, Activity.start_at.between(start, end))
            .order_by(Activity.start_at)
        ).all()
        facts = facts_for(session, [a.id for a in acts])
    result = []
    for a in acts:
        unmet = unmet_titles(check_activity(facts[a.id]))
        if unmet:
            result.append(
                UnmetActivity(
                    activity_id=a.id,
                    start_at=a.start_at,
                    village=a.name,
                    title=a.title,
                    unmet="；".join(unmet),
                )
            )
    return result
