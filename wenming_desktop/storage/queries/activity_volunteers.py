"""The volunteers of an activity (its sign-in sheet rows) and sign-ins still open."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity, Department, Participation, Village, Volunteer
from wenming_desktop.storage.queries.rows import rows_as


class ParticipationRow(NamedTuple):
    id: int
    seq: int
    volunteer_id: int
    name: str
    department: str | None
    registered: bool
    sign_in: datetime | None
    sign_out: datetime | None
    recorded_minutes: int | None
    corrected_minutes: int | None
    correction_reason: str
    corrected_by: str


class OpenSignIn(NamedTuple):
    participation_id: int
    activity_id: int
    start_at: datetime
    village: str
    title: str
    volunteer: str
    sign_in: datetime


def participation_rows(session: Session, activity_id: int) -> list[ParticipationRow]:
    stmt = (
        select(
            Participation.id,
            Participation.seq,
            Volunteer.id.label("volunteer_id"),
            Volunteer.name,
            Department.name.label("department"),
            Volunteer.registered,
            Participation.sign_in,
            Participation.sign_out,
            Participation.recorded_minutes,
            Participation.corrected_minutes,
            Participation.correction_reason,
            Participation.corrected_by,
        )
        .join(Volunteer, Volunteer.id == Participation.volunteer_id)
        .outerjoin(Department, Department.id == Volunteer.department_id)
        .where(Participation.activity_id == activity_id)
        .order_by(Participation.seq, Participation.id)
    )
    return rows_as(ParticipationRow, session.execute(stmt))


def open_sign_ins(session: Session) -> list[OpenSignIn]:
    """Signed in, never signed out, not corrected: never counted silently (docs/rules.md,
    "Service hours")."""
    stmt = (
        select(
            Participation.id.label("participation_id"),
            Activity.id.label("activity_id"),
            Activity.start_at,
            Village.name.label("village"),
            Activity.title,
            Volunteer.name.label("volunteer"),
            Participation.sign_in,
        )
        .join(Activity, Activity.id == Participation.activity_id)
        .join(Village, Village.id == Activity.village_id)
        .join(Volunteer, Volunteer.id == Participation.volunteer_id)
        .where(
            Participation.sign_in.is_not(None),
            Participation.sign_out.is_(None),
            Participation.corrected_minutes.is_(None),
        )
        .order_by(Activity.start_at, Participation.seq)
    )
    return rows_as(OpenSignIn, session.execute(stmt))
