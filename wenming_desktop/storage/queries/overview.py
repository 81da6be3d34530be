"""Figures for 首页 and 台账与归档: counts per year over the records."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.storage.models import (
    Activity,
    Checkup,
    Participation,
    Resident,
    Village,
    Volunteer,
)
from wenming_desktop.storage.queries.counting import (
    ACTIVITY_COUNTS,
    COUNTED_MINUTES,
    PARTICIPATION_COUNTS,
)


class YearFigures(NamedTuple):
    year: int
    activities_done: int
    activities_planned: int
    people_served: int
    volunteer_minutes: int
    checkups: int


class Totals(NamedTuple):
    villages: int
    volunteers_active: int
    volunteers_registered: int
    residents: int


def totals(session: Session) -> Totals:
    def count(stmt: object) -> int:
        return int(session.scalar(stmt) or 0)  # type: ignore[call-overload]  # select objects

    active = Volunteer.active.is_(True)
    return Totals(
        villages=count(select(func.count()).select_from(Village)),
        volunteers_active=count(select(func.count()).select_from(Volunteer).where(active)),
        volunteers_registered=count(
            select(func.count())
            .select_from(Volunteer)
            .where(active, Volunteer.registered.is_(True))
        ),
        residents=count(select(func.count()).select_from(Resident)),
    )


def figures_by_year(session: Session) -> list[YearFigures]:
    """One row per year that has any activity or checkup, newest first."""
    year = func.extract("year", Activity.start_at)
    acts = {
        int(y): (int(done or 0), int(planned or 0), int(served or 0))
        for y, done, planned, served in session.execute(
            select(
                year,
                func.sum(case((ACTIVITY_COUNTS, 1), else_=0)),
                func.sum(case((Activity.status == ActivityStatus.PLANNED.value, 1), else_=0)),
                func.sum(
                    case((ACTIVITY_COUNTS, func.coalesce(Activity.actual_attendance, 0)), else_=0)
                ),
            ).group_by(year)
        )
    }
    minutes = {
        int(y): int(m or 0)
        for y, m in session.execute(
            select(
                year,
                func.sum(COUNTED_MINUTES),
            )
            .join(Activity, Activity.id == Participation.activity_id)
            .where(PARTICIPATION_COUNTS)
            .group_by(year)
        )
    }
    checkup_year = func.extract("year", Checkup.checkup_date)
    checks = {
        int(y): int(n)
        for y, n in session.execute(select(checkup_year, func.count()).group_by(checkup_year))
    }
    years = sorted(set(acts) | set(checks), reverse=True)
    figures = []
    for y in years:
        done, planned, served = acts.get(y, (0, 0, 0))
        figures.append(
            YearFigures(
                year=y,
                activities_done=done,
                activities_planned=planned,
                people_served=served,
                volunteer_minutes=minutes.get(y, 0),
                checkups=checks.get(y, 0),
            )
        )
    return figures
