"""Figures of a period (and optionally one village), computed from the records for summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session

from wenming_desktop.domain.counting import COUNTED_STATUS, per_capita_minutes
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
from wenming_desktop.storage.queries.counting import (
    ACTIVITY_COUNTS,
    COUNTED_MINUTES,
    PARTICIPATION_COUNTS,
    activity_in,
)


@dataclass
class SummaryFigures:
    activities_done: int = 0
    activities_planned: int = 0
    activities_cancelled: int = 0
    people_served: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_village: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)
    # village name → held activities per month of the period (the months of by_month)
    coverage: list[tuple[str, list[int]]] = field(default_factory=list)
    services: list[tuple[str, int]] = field(default_factory=list)
    volunteers_serving: int = 0
    participations: int = 0  # counted participations (志愿服务人次)
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
        """人均 (counting.per_capita_minutes): over the volunteers who served."""
        return float(per_capita_minutes(self.volunteer_minutes, self.volunteers_serving))


def _months(start: date, end: date) -> list[str]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(f"{day.year}-{day.month:02d}")
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def summary_figures(
    session: Session, start: date, end: date, village_id: int | None = None
) -> SummaryFigures:
    in_period = activity_in(start, end)
    if village_id is not None:
        in_period = and_(in_period, Activity.village_id == village_id)
    done = and_(in_period, ACTIVITY_COUNTS)
    fig = SummaryFigures()
    status_counts = dict(
        session.execute(
            select(Activity.status, func.count()).where(in_period).group_by(Activity.status)
        ).all()
    )
    fig.activities_done = int(status_counts.get(COUNTED_STATUS.value, 0))
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
    per_month: dict[str, int] = {
        m: int(n)
        for m, n in session.execute(select(month, func.count()).where(done).group_by(month))
    }
    months = _months(start, end)
    fig.by_month = [(m, int(per_month.get(m, 0))) for m in months]
    cells = {
        (vid, m): int(n)
        for vid, m, n in session.execute(
            select(Activity.village_id, month, func.count())
            .where(done)
            .group_by(Activity.village_id, month)
        )
    }
    village_rows = session.execute(
        select(Village.id, Village.name)
        .where(Village.id == village_id if village_id is not None else true())
        .order_by(Village.id)
    ).all()
    fig.coverage = [(name, [cells.get((vid, m), 0) for m in months]) for vid, name in village_rows]
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
    serving, minutes, participations = session.execute(
        select(
            func.count(func.distinct(Participation.volunteer_id)),
            func.sum(COUNTED_MINUTES),
            func.count(),
        )
        .join(Activity, Activity.id == Participation.activity_id)
        .where(done, PARTICIPATION_COUNTS)
    ).one()
    fig.volunteers_serving, fig.volunteer_minutes = int(serving or 0), int(minutes or 0)
    fig.participations = int(participations or 0)
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
