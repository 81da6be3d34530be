"""Service hours per volunteer and year, and the hospital's figures (100 % registered, the yearly
target, cumulative star levels: docs/rules.md, "Service hours", "Star levels"), counted by the
rules of domain/counting.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from wenming_desktop.domain.counting import per_capita_hours_text, per_capita_minutes
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
    volunteers: int  # active on the roster
    registered: int
    minutes: int  # counted minutes of everyone in the department, leavers included
    below_target: int  # active volunteers below the yearly target
    serving: int = 0  # volunteers who served (the 人均 denominator)

    @property
    def average_minutes(self) -> float:
        return float(per_capita_minutes(self.minutes, self.serving))


@dataclass(frozen=True)
class HospitalFigures:
    """The hospital's figures for a year: the roster (active volunteers) for the registration
    rate and the target; everyone who served for the hours, 人均 and 参加."""

    year: int
    volunteers: int
    registered: int
    total_minutes: int
    below_target: int
    departments: tuple[DepartmentFigures, ...]
    serving: int = 0
    participations: int = 0
    listed: int = 0  # rows of the hours ledger
    inactive_listed: int = 0  # of which no longer active

    @property
    def registration_rate(self) -> float | None:
        return self.registered / self.volunteers if self.volunteers else None

    @property
    def average_minutes(self) -> float:
        return float(per_capita_minutes(self.total_minutes, self.serving))

    @property
    def average_text(self) -> str:
        """人均 in hours, rounded once (counting.per_capita_hours_text)."""
        return per_capita_hours_text(self.total_minutes, self.serving)


@dataclass(frozen=True)
class YearHours:
    year: int
    volunteers: list[VolunteerHours]  # every volunteer on the roster, active or not
    hospital: HospitalFigures

    @property
    def ledger(self) -> list[VolunteerHours]:
        """The hours ledger's rows (counting.in_hours_ledger)."""
        return [v for v in self.volunteers if v.in_ledger]


NO_DEPARTMENT = "（未分科室）"


def year_hours(
    db: Database, year: int, start: date | None = None, end: date | None = None
) -> YearHours:
    """Everything the 志愿者 page, 首页 panel and hours ledger show for `year` (or for the days
    start…end within it: a packet's period)."""
    with db.read() as session:
        rows = volunteer_rows(session)
        months = monthly_minutes(session, year, start, end)
        # the yearly target is judged on the year up to the period's end
        to_date = monthly_minutes(session, year, None, end) if start or end else months
        counts = activity_counts(session, year, start, end)
        until = datetime.combine(end, time.min) + timedelta(days=1) if end else None
        cumulative = cumulative_minutes(session, until or datetime(year + 1, 1, 1))
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
                year_to_date_minutes=sum(to_date.get(row.id, ())),
            )
        )
    return YearHours(year=year, volunteers=volunteers, hospital=hospital_figures(year, volunteers))


def _department(name: str, group: list[VolunteerHours]) -> DepartmentFigures:
    active = [v for v in group if v.volunteer.active]
    return DepartmentFigures(
        department=name,
        volunteers=len(active),
        registered=sum(1 for v in active if v.volunteer.registered),
        minutes=sum(v.year_minutes for v in group),
        below_target=sum(1 for v in active if not v.target_met),
        serving=sum(1 for v in group if v.year_minutes > 0),
    )


def hospital_figures(year: int, volunteers: list[VolunteerHours]) -> HospitalFigures:
    listed = [v for v in volunteers if v.in_ledger]
    by_department: dict[str, list[VolunteerHours]] = {}
    for v in listed:
        by_department.setdefault(v.volunteer.department or NO_DEPARTMENT, []).append(v)
    whole = _department("", listed)
    return HospitalFigures(
        year=year,
        volunteers=whole.volunteers,
        registered=whole.registered,
        total_minutes=whole.minutes,
        below_target=whole.below_target,
        departments=tuple(_department(n, group) for n, group in sorted(by_department.items())),
        serving=whole.serving,
        participations=sum(v.activities for v in listed),
        listed=len(listed),
        inactive_listed=sum(1 for v in listed if not v.volunteer.active),
    )
