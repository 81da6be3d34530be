"""Volunteers on an activity: assigning them, sign-in and sign-out, hours and corrections.

Hours recorded from the times (recorded_minutes) and hours corrected afterwards
(corrected_minutes with its reason, who and when) are kept side by side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import ServiceTime, correct, minutes_between
from wenming_desktop.domain.plausible_dates import check_sign_time
from wenming_desktop.domain.search import matches, normalize_query
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Activity, Participation, Volunteer
from wenming_desktop.storage.queries.activity_volunteers import (
    ParticipationRow,
    participation_rows,
)
from wenming_desktop.storage.queries.volunteer_search import (
    VolunteerChoice,
    active_volunteer_choices,
)

__all__ = [
    "ParticipationRow",
    "VolunteerChoice",
]

_CLOCK = re.compile(r"^(\d{1,2})[:：.]?(\d{2})$")


def parse_clock(text: str, day: date) -> datetime | None:
    """A time typed off a paper sheet ("8:30", "0830", "830", "8：30") on the activity's day.

    Empty text means "not recorded" (None); anything else unreadable is a UserError.
    """
    clean = text.strip()
    if not clean:
        return None
    match = _CLOCK.match(clean)
    if not match:
        raise UserError(f"时间“{clean}”无法识别，请写成 8:30 或 0830")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise UserError(f"时间“{clean}”不存在")
    return datetime.combine(day, time(hour, minute))


def list_participations(db: Database, activity_id: int) -> list[ParticipationRow]:
    with db.read() as session:
        return participation_rows(session, activity_id)


def search_volunteers(db: Database, query: str) -> list[VolunteerChoice]:
    """Active volunteers the query finds, by the roster page's rule (domain.search.matches)."""
    needle = normalize_query(query)
    with db.read() as session:
        rows = active_volunteer_choices(session)
    return [r for r in rows if matches(needle, r.name, r.pinyin_initials, r.staff_no, r.phone)]


def _activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(f"活动（编号 {activity_id}）不存在，可能已被删除")
    return activity


def _participation(session: Session, participation_id: int) -> Participation:
    part = session.get(Participation, participation_id)
    if part is None:
        raise UserError("这条志愿服务记录已不存在，请刷新后重试")
    return part


def assign_volunteers(db: Database, activity_id: int, volunteer_ids: Sequence[int]) -> list[int]:
    """Add volunteers at the end of the sheet; ones already on it are skipped.

    Returns the ids really added, in the order given. Raises UserError for an unknown volunteer
    or activity (nothing is added then).
    """
    with db.write() as session:
        _activity(session, activity_id)
        present = set(
            session.scalars(
                select(Participation.volunteer_id).where(Participation.activity_id == activity_id)
            )
        )
        seq = (
            session.scalar(
                select(func.coalesce(func.max(Participation.seq), 0)).where(
                    Participation.activity_id == activity_id
                )
            )
            or 0
        )
        added: list[int] = []
        for volunteer_id in volunteer_ids:
            if volunteer_id in present:
                continue
            if session.get(Volunteer, volunteer_id) is None:
                raise UserError(f"志愿者（编号 {volunteer_id}）不存在")
            seq += 1
            present.add(volunteer_id)
            part = Participation(activity_id=activity_id, volunteer_id=volunteer_id, seq=seq)
            session.add(part)
            session.flush()
            audit.record(
                session,
                "create",
                "participation",
                part.id,
                None,
                {"activity_id": activity_id, "volunteer_id": volunteer_id, "seq": seq},
            )
            added.append(volunteer_id)
        return added


def remove_participation(db: Database, participation_id: int) -> None:
    with db.write() as session:
        part = _participation(session, participation_id)
        old = {
            "activity_id": part.activity_id,
            "volunteer_id": part.volunteer_id,
            "recorded_minutes": part.recorded_minutes,
            "corrected_minutes": part.corrected_minutes,
        }
        session.delete(part)
        audit.record(session, "delete", "participation", participation_id, old, None)


def _apply_times(
    session: Session, part: Participation, sign_in: datetime | None, sign_out: datetime | None
) -> None:
    if sign_out is not None and sign_in is None:
        raise UserError("只有签退时间、没有签到时间，请先填写签到时间")
    activity = session.get(Activity, part.activity_id)
    if activity is not None:
        for moment, label in ((sign_in, "签到"), (sign_out, "签退")):
            if moment is not None:
                check_sign_time(moment, activity.start_at, activity.end_at, label)
    minutes = minutes_between(sign_in, sign_out) if sign_in and sign_out else None
    old = {
        "sign_in": part.sign_in,
        "sign_out": part.sign_out,
        "recorded_minutes": part.recorded_minutes,
    }
    new = {"sign_in": sign_in, "sign_out": sign_out, "recorded_minutes": minutes}
    if old == new:
        return
    part.sign_in, part.sign_out, part.recorded_minutes = sign_in, sign_out, minutes
    audit.record(session, "update", "participation", part.id, old, new)


def set_times(
    db: Database, participation_id: int, sign_in: datetime | None, sign_out: datetime | None
) -> None:
    """Record one volunteer's sign-in and sign-out; hours follow from them."""
    with db.write() as session:
        _apply_times(session, _participation(session, participation_id), sign_in, sign_out)


def sign_everyone(db: Database, activity_id: int) -> int:
    """Everyone with no times yet signs in and out at the activity's times; one transaction.

    A row with only a sign-in is left alone: that open sign-in must be settled by a person.
    """
    with db.write() as session:
        activity = _activity(session, activity_id)
        parts = session.scalars(
            select(Participation).where(
                Participation.activity_id == activity_id,
                Participation.sign_in.is_(None),
                Participation.sign_out.is_(None),
            )
        ).all()
        for part in parts:
            _apply_times(session, part, activity.start_at, activity.end_at)
        return len(parts)


def correct_minutes(
    db: Database, participation_id: int, minutes: int, reason: str, by: str
) -> None:
    """A manual correction; needs a reason; the recorded minutes stay beside it."""
    with db.write() as session:
        part = _participation(session, participation_id)
        fixed = correct(ServiceTime(part.recorded_minutes), minutes, reason)
        old = {
            "corrected_minutes": part.corrected_minutes,
            "correction_reason": part.correction_reason,
        }
        part.corrected_minutes = fixed.corrected_minutes
        part.correction_reason = fixed.correction_reason or ""
        part.corrected_by = by.strip()
        part.corrected_at = datetime.now().replace(microsecond=0)
        audit.record(
            session,
            "update",
            "participation",
            part.id,
            old,
            {
                "corrected_minutes": part.corrected_minutes,
                "correction_reason": part.correction_reason,
                "corrected_by": part.corrected_by,
            },
        )
