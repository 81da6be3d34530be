"""Volunteer rows for the roster list."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Department, Participation, PartyBranch, Volunteer


class VolunteerRow(NamedTuple):
    id: int
    staff_no: str | None
    name: str
    pinyin_initials: str
    gender: str
    department: str | None
    title: str
    political_status: str
    party_branch: str | None
    phone: str
    registered: bool
    registry_no: str
    active: bool
    total_minutes: int


def volunteer_rows(session: Session) -> list[VolunteerRow]:
    minutes = (
        select(
            Participation.volunteer_id,
            func.sum(
                func.coalesce(Participation.corrected_minutes, Participation.recorded_minutes, 0)
            ).label("m"),
        )
        .group_by(Participation.volunteer_id)
        .subquery()
    )
    stmt = (
        select(
            Volunteer.id,
            Volunteer.staff_no,
            Volunteer.name,
            Volunteer.pinyin_initials,
            Volunteer.gender,
            Department.name,
            Volunteer.title,
            Volunteer.political_status,
            PartyBranch.name,
            Volunteer.phone,
            Volunteer.registered,
            Volunteer.registry_no,
            Volunteer.active,
            func.coalesce(minutes.c.m, 0),
        )
        .outerjoin(Department, Department.id == Volunteer.department_id)
        .outerjoin(PartyBranch, PartyBranch.id == Volunteer.party_branch_id)
        .outerjoin(minutes, minutes.c.volunteer_id == Volunteer.id)
        .order_by(Volunteer.staff_no, Volunteer.id)
    )
    return [VolunteerRow(*row) for row in session.execute(stmt)]
