"""Volunteers to choose from when assigning them to an activity."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Department, Volunteer
from wenming_desktop.storage.queries.rows import rows_as


class VolunteerChoice(NamedTuple):
    id: int
    staff_no: str | None
    name: str
    pinyin_initials: str
    department: str | None
    phone: str
    registered: bool


def active_volunteer_choices(session: Session) -> list[VolunteerChoice]:
    stmt = (
        select(
            Volunteer.id,
            Volunteer.staff_no,
            Volunteer.name,
            Volunteer.pinyin_initials,
            Department.name.label("department"),
            Volunteer.phone,
            Volunteer.registered,
        )
        .outerjoin(Department, Department.id == Volunteer.department_id)
        .where(Volunteer.active.is_(True))
        .order_by(Volunteer.staff_no, Volunteer.id)
    )
    return rows_as(VolunteerChoice, session.execute(stmt))
