"""Service hours per volunteer and year, and the hospital's figures (100 % registered,
at least 48 hours per person per year, cumulative star levels: docs/rules.md, "Service hours",
"Star levels")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wenming_desktop.domain.volunteer_rows import VolunteerHours
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.hours import (
    activity_counts,
    cumulative_minutes,
    monthly_minutes,
)
from wenming_desktop.storage.queries.volunteers import volunteer_rows


@dataclass(frozen=True)
class DepartmentFigures:
    department: str
    volunteers: int
    registered: int
    minutes: int
    below_target: int

    @property
    def average_minutes(self) -> float:
        return self.minutes / self.volunteers if self.volunteers else 0.0


@dataclass(frozen=True)
class HospitalFigures:
    """The hospital's figures for a year, over active volunteers."""

    year: int
    volunteers: int
    registered: int
    total_minutes: int
    below_target: int
    departments: tuple[DepartmentFigures, ...]

    @property
    def registration_rate(self) -> float | None:
        return self.registered / self.volunteers if self.volunteers else None

    @property
    def average_minutes(self) -> float:
        return self.total_minutes / self.volunteers if self.volunteers else 0.0


@dataclass(frozen=True)
class YearHours:
    year: int
    volunteers: list[VolunteerHours]  # every volunteer on the roster, active or not
    hospital: HospitalFigures


NO_DEPARTMENT = "（未分科室）"


def year_hours(db: Database, year: int) -> YearHours:
    """Everything the 志愿者 page, 首页 panel and hours ledger show for `year`."""
    with db.read() as session:
        rows = volunteer_rows(session)
        months = monthly_minutes(session, year)
        counts = activity_counts(session, year)
        cumulative = cumulative_minutes(session, datetime(year + 1, 1, 1))
    volunteers = []
    for row in rows:
        per_month = tuple(months.get(row.id, [0] * 12))
        volunteers.append(
            VolunteerHours(
                volunteer=row,
                months=per_month,
                year_minutes=sum(per_month),
                activities=counts.get(row.id, 0),
                cumulative_minutes=cumulative.get(row.id, 0),
            )
        )
    return YearHours(year=year, volunteers=volunteers, hospital=hospital_figures(year, volunteers))


def hospital_figures(year: int, volunteers: list[VolunteerHours]) -> HospitalFigures:
    active = [v for v in volunteers if v.volunteer.active]
    by_department: dict[str, list[VolunteerHours]] = {}
    for v in active:
        by_department.setdefault(v.volunteer.department or NO_DEPARTMENT, []).append(v)
    departments = tuple(
        DepartmentFigures(
            department=name,
            volunteers=len(group),
            registered=sum(1 for v in group if v.volunteer.registered),
            minutes=sum(v.year_minutes for v in group),
            below_target=sum(1 for v in group if not v.target_met),
        )
        for name, group in sorted(by_department.items())
    )
    return HospitalFigures(
        year=year,
        volunteers=len(active),
        registered=sum(1 for v in active if v.volunteer.registered),
        total_minutes=sum(v.year_minutes for v in active),
        below_target=sum(1 for v in active if not v.target_met),
        departments=departments,
    )
