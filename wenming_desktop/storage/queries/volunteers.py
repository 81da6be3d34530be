"""Volunteer rows for the roster list, and lookups the roster use cases need."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.volunteer_rows import VolunteerRow
from wenming_desktop.storage.models import (
    Activity,
    Department,
    Participation,
    PartyBranch,
    Team,
    Volunteer,
    volunteer_team,
)
from wenming_desktop.storage.queries.counting import COUNTED_MINUTES, PARTICIPATION_COUNTS


def volunteer_rows(session: Session) -> list[VolunteerRow]:
    minutes = (
        select(
            Participation.volunteer_id,
            func.sum(COUNTED_MINUTES).label("m"),
        )
        .join(Activity, Activity.id == Participation.activity_id)
        .where(PARTICIPATION_COUNTS)
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
            Department.name.label("department"),
            Volunteer.title,
            Volunteer.political_status,
            PartyBranch.name.label("party_branch"),
            Volunteer.phone,
            Volunteer.registered,
            Volunteer.registry_no,
            Volunteer.active,
            func.coalesce(minutes.c.m, 0).label("total_minutes"),
            Volunteer.id_number,
            Volunteer.position,
            Volunteer.birth_date,
            Volunteer.birth_precision,
        )
        .outerjoin(Department, Department.id == Volunteer.department_id)
        .outerjoin(PartyBranch, PartyBranch.id == Volunteer.party_branch_id)
        .outerjoin(minutes, minutes.c.volunteer_id == Volunteer.id)
        .order_by(Volunteer.staff_no, Volunteer.id)
    )
    teams = team_names_by_volunteer(session)
    return [
        VolunteerRow(**row._mapping, teams="、".join(teams.get(row.id, [])))
        for row in session.execute(stmt)
    ]


def team_names_by_volunteer(session: Session) -> dict[int, list[str]]:
    stmt = (
        select(volunteer_team.c.volunteer_id, Team.name)
        .join(Team, Team.id == volunteer_team.c.team_id)
        .order_by(Team.name)
    )
    result: dict[int, list[str]] = {}
    for volunteer_id, name in session.execute(stmt):
        result.setdefault(volunteer_id, []).append(name)
    return result


class Keys(NamedTuple):
    """Existing volunteers by staff number and by ID number, for matching imported rows."""

    by_staff_no: dict[str, int]
    by_id_number: dict[str, int]


def volunteer_keys(session: Session) -> Keys:
    by_staff: dict[str, int] = {}
    by_id: dict[str, int] = {}
    for vid, staff_no, id_number in session.execute(
        select(Volunteer.id, Volunteer.staff_no, Volunteer.id_number)
    ):
        if staff_no:
            by_staff[staff_no] = vid
        if id_number:
            by_id[id_number] = vid
    return Keys(by_staff, by_id)
