"""Figures of a period (and optionally one village), computed from the records for summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import (
    Activity,
    Category,
    Checkup,
    ClinicService,
    Participation,
    Resident,
    ServiceKind,
    Village,
    Volunteer,
)

COUNTED_MINUTES = func.coalesce(Participation.corrected_minutes, Participation.recorded_minutes, 0)


@dataclass
class SummaryFigures:
    activities_done: int = 0
    activities_planned: int = 0
    activities_cancelled: int = 0
    people_served: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_village: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)
    services: list[tuple[str, int]] = field(default_factory=list)
    volunteers_serving: int = 0
    volunteer_minutes: int = 0
    volunteers_active: int = 0
    volunteers_registered: int = 0
    checkups: int = 0  # filled in by services.summary from checkup_values
    residents_checked: int = 0
    bands: dict[str, int] = field(default_factory=dict)

    @property
    def registration_rate(self) -> float | None:
        if not self.volunteers_active:
            return None
        return self.volunteers_registered / self.volunteers_active

    @property
    def average_minutes(self) -> float:
        return self.volunteer_minutes / self.volunteers_serving if self.volunteers_serving else 0.0


def _months(start: date, end: date) -> list[str]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(f"{day.year}-{day.month:02d}")
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def summary_figures(
    session: Session, start: date, end: date, village_id: int | None = None
) -> SummaryFigures:
    lo = datetime.combine(start, time.min)
    hi = datetime.combine(end + timedelta(days=1), time.min)
    in_period = and_(Activity.start_at >= lo, Activity.start_at < hi)
    if village_id is not None:
        in_period = and_(in_period, Activity.village_id == village_id)
    done = and_(in_period, Activity.status == "done")
    fig = SummaryFigures()
    status_counts = dict(
        session.execute(
            select(Activity.status, func.count()).where(in_period).group_by(Activity.status)
        ).all()
    )
    fig.activities_done = int(status_counts.get("done", 0))
    fig.activities_planned = int(status_counts.get("planned", 0))
    fig.activities_cancelled = int(status_counts.get("cancelled", 0))
    fig.people_served = int(
        session.scalar(select(func.sum(func.coalesce(Activity.actual_attendance, 0))).where(done))
        or 0
    )
    fig.by_category = [
        (name, int(n))
        for name, n in session.execute(
            select(Category.name, func.count(Activity.id))
            .join(Activity, and_(Activity.category_id == Category.id, done), isouter=True)
            .group_by(Category.id)
            .order_by(Category.sort_order)
        )
        if n
    ]
    fig.by_village = [
        (name, int(n))
        for name, n in session.execute(
            select(Village.name, func.count(Activity.id))
            .join(Activity, and_(Activity.village_id == Village.id, done), isouter=True)
            .where(Village.id == village_id if village_id is not None else true())
            .group_by(Village.id)
            .order_by(Village.id)
        )
    ]
    month = func.strftime("%Y-%m", Activity.start_at)
    if session.get_bind().dialect.name != "sqlite":
        month = func.to_char(Activity.start_at, "YYYY-MM")
    per_month: dict[str, int] = dict(
        session.execute(select(month, func.count()).where(done).group_by(month)).all()
    )
    fig.by_month = [(m, int(per_month.get(m, 0))) for m in _months(start, end)]
    fig.services = [
        (name, int(n or 0))
        for name, n in session.execute(
            select(ServiceKind.name, func.sum(ClinicService.people_served))
            .join(ClinicService, ClinicService.service_kind_id == ServiceKind.id)
            .join(Activity, and_(Activity.id == ClinicService.activity_id, done))
            .group_by(ServiceKind.id)
            .order_by(ServiceKind.sort_order)
        )
    ]
    serving, minutes = session.execute(
        select(func.count(func.distinct(Participation.volunteer_id)), func.sum(COUNTED_MINUTES))
        .join(Activity, Activity.id == Participation.activity_id)
        .where(done)
    ).one()
    fig.volunteers_serving, fig.volunteer_minutes = int(serving or 0), int(minutes or 0)
    active, registered = session.execute(
        select(
            func.count(),
            func.sum(case((Volunteer.registered.is_(True), 1), else_=0)),
        ).where(Volunteer.active.is_(True))
    ).one()
    fig.volunteers_active, fig.volunteers_registered = int(active or 0), int(registered or 0)
    return fig


def checkup_values(
    session: Session, start: date, end: date, village_id: int | None
) -> list[tuple[int, int | None, int | None, float | None, float | None, float | None]]:
    """(resident, systolic, diastolic, glucose, height, weight) of every checkup in the period."""
    stmt = (
        select(
            Checkup.resident_id,
            Checkup.systolic,
            Checkup.diastolic,
            Checkup.fasting_glucose,
            Checkup.height_cm,
            Checkup.weight_kg,
        )
        .join(Resident, Resident.id == Checkup.resident_id)
        .where(Checkup.checkup_date >= start, Checkup.checkup_date <= end)
    )
    if village_id is not None:
        stmt = stmt.where(Resident.village_id == village_id)
    return [tuple(row) for row in session.execute(stmt)]  # type: ignore[misc]  # Row → tuple
