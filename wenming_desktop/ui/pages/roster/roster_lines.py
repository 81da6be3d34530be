"""The 志愿者 page's rows: a volunteer with the year's hours, and the search rule over them.

Kept apart from the page so that the page's actions (volunteer_actions) can name the row type
without importing the page.
"""

from __future__ import annotations

from typing import NamedTuple

from wenming_desktop.domain.name_pinyin import alternatives
from wenming_desktop.domain.search import matches
from wenming_desktop.services.roster.hours import YearHours


class RosterLine(NamedTuple):
    """One row of the 志愿者 list."""

    id: int
    staff_no: str
    name: str
    gender: str
    department: str
    title: str
    political_status: str
    party_branch: str
    teams: str
    phone: str
    registered: bool
    registry_no: str
    active: bool
    year_minutes: int
    activities: int
    target_met: bool
    stars: str
    cumulative_minutes: int
    initials: tuple[str, ...]
    id_number: str


def lines_of(data: YearHours) -> list[RosterLine]:
    """The page's rows for a year's figures: absent texts as ""; pinyin alternatives split."""
    return [
        RosterLine(
            id=v.volunteer.id,
            staff_no=v.volunteer.staff_no or "",
            name=v.volunteer.name,
            gender=v.volunteer.gender,
            department=v.volunteer.department or "",
            title=v.volunteer.title,
            political_status=v.volunteer.political_status,
            party_branch=v.volunteer.party_branch or "",
            teams=v.volunteer.teams,
            phone=v.volunteer.phone,
            registered=v.volunteer.registered,
            registry_no=v.volunteer.registry_no,
            active=v.volunteer.active,
            year_minutes=v.year_minutes,
            activities=v.activities,
            target_met=v.target_met,
            stars=v.stars,
            cumulative_minutes=v.cumulative_minutes,
            initials=tuple(alternatives(v.volunteer.pinyin_initials)),
            id_number=v.volunteer.id_number or "",
        )
        for v in data.volunteers
    ]


def line_matches(query: str, line: RosterLine) -> bool:
    """The shared search rule, over each stored pinyin alternative; digits also find ID tails."""
    for initials in line.initials:
        if matches(query, line.name, initials, line.staff_no, line.phone):
            return True
    return bool(query.isdigit() and line.id_number.endswith(query))
