"""Checkup rows: the records list, ledger, history and follow-up list; checkup days; doctors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.storage.models import (
    Activity,
    Category,
    Checkup,
    Department,
    Resident,
    Village,
    Volunteer,
)
from wenming_desktop.storage.queries.counting import NEEDS_FOLLOW_UP
from wenming_desktop.storage.queries.rows import row_as, rows_as, stream_as

_LEDGER_ORDER = (Checkup.checkup_date, Village.id, Resident.group_name, Checkup.id)
_BATCH = 2000  # rows fetched at a time when streaming


def _select() -> Select[*tuple[Any, ...]]:
    doctor = aliased(Volunteer)
    return (
        select(
            Checkup.id,
            Checkup.checkup_date,
            Checkup.activity_id,
            Village.id.label("village_id"),
            Village.name.label("village"),
            Resident.id.label("resident_id"),
            Resident.name,
            Resident.gender,
            Resident.birth_date,
            Resident.birth_precision,
            Resident.id_number,
            Resident.phone,
            Resident.group_name,
            Checkup.height_cm,
            Checkup.weight_kg,
            Checkup.waist_cm,
            Checkup.systolic,
            Checkup.diastolic,
            Checkup.heart_rate,
            Checkup.fasting_glucose,
            Checkup.chronic_conditions,
            Checkup.constitution,
            Checkup.self_care_eating,
            Checkup.self_care_grooming,
            Checkup.self_care_dressing,
            Checkup.self_care_toilet,
            Checkup.self_care_moving,
            Checkup.conclusion,
            Checkup.advice,
            doctor.name.label("doctor"),
            Checkup.followed_up_on,
            Checkup.followed_up_by,
            Checkup.follow_up_note,
            Checkup.tcm_answers,
            Checkup.constitution_override_reason,
        )
        .join(Resident, Resident.id == Checkup.resident_id)
        .join(Village, Village.id == Resident.village_id)
        .outerjoin(doctor, doctor.id == Checkup.doctor_id)
    )


def checkup_rows(
    session: Session,
    village_id: int | None = None,
    year: int | None = None,
    resident_id: int | None = None,
    activity_id: int | None = None,
    open_follow_ups: bool = False,
    newest_first: bool = True,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[CheckupRow]:
    """Checkups filtered by village, year, dates (inclusive), resident, checkup day or open
    follow-up."""
    stmt = _filtered(_select(), village_id, year, date_from, date_to)
    if resident_id is not None:
        stmt = stmt.where(Checkup.resident_id == resident_id)
    if activity_id is not None:
        stmt = stmt.where(Checkup.activity_id == activity_id)
    if open_follow_ups:
        stmt = stmt.where(and_(NEEDS_FOLLOW_UP, Checkup.followed_up_on.is_(None)))
    if newest_first:
        stmt = stmt.order_by(Checkup.checkup_date.desc(), Checkup.id.desc())
    else:
        stmt = stmt.order_by(*_LEDGER_ORDER)
    # Through the connection: Core rows, without the ORM's result processing (the ledger reads
    # ~50,000 rows a year).
    return rows_as(CheckupRow, session.connection().execute(stmt))


def ledger_checkup_rows(
    session: Session,
    village_id: int | None = None,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> tuple[int, Iterator[CheckupRow]]:
    """The checkups of the 健康体检台账 (oldest first, then by village, group and entry), filtered
    like `checkup_rows`, streamed: (how many there are, the rows one at a time as the database
    returns them). Nothing is kept, so a year of ~50,000 checkups costs no memory; the rows
    must be read before the session closes. The count is a window over the same statement,
    so it agrees with the rows even while another PC writes."""
    stmt = _filtered(_select(), village_id, year, date_from, date_to)
    stmt = stmt.add_columns(func.count().over().label("total")).order_by(*_LEDGER_ORDER)
    result = session.connection().execute(stmt.execution_options(yield_per=_BATCH))
    first = result.fetchone()
    if first is None:
        return 0, iter(())
    total: int = first.total
    keys = list(result.keys())
    return total, stream_as(CheckupRow, keys, chain((first,), result), extra=("total",))


def _filtered(
    stmt: Select[*tuple[Any, ...]],
    village_id: int | None,
    year: int | None,
    date_from: date | None,
    date_to: date | None,
) -> Select[*tuple[Any, ...]]:
    """`stmt` limited to a village, a year and dates (inclusive)."""
    if date_from is not None:
        stmt = stmt.where(Checkup.checkup_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(Checkup.checkup_date <= date_to)
    if village_id is not None:
        stmt = stmt.where(Resident.village_id == village_id)
    if year is not None:  # a range, not extract(year): the date index serves it
        stmt = stmt.where(
            Checkup.checkup_date >= date(year, 1, 1), Checkup.checkup_date < date(year + 1, 1, 1)
        )
    return stmt


def checkup_id_on(session: Session, resident_id: int, day: date) -> int | None:
    """The checkup of a resident on a day, if one is recorded (at most one exists)."""
    return session.scalar(
        select(Checkup.id).where(Checkup.resident_id == resident_id, Checkup.checkup_date == day)
    )


class CheckupDayRow(NamedTuple):
    """A health-category activity: a day residents are checked (体检日)."""

    id: int
    start_at: datetime
    village_id: int
    village: str
    title: str
    place: str
    organizer: str
    checkup_count: int


def checkup_day_rows(
    session: Session, village_id: int | None = None, before: datetime | None = None
) -> list[CheckupDayRow]:
    """Activities of the health categories (starting before `before`), newest first, with how
    many checkups each holds."""
    counts = (
        select(Checkup.activity_id, func.count().label("n"))
        .group_by(Checkup.activity_id)
        .subquery()
    )
    stmt = (
        select(
            Activity.id,
            Activity.start_at,
            Activity.village_id,
            Village.name.label("village"),
            Activity.title,
            Activity.place,
            Activity.organizer,
            func.coalesce(counts.c.n, 0).label("checkup_count"),
        )
        .join(Village, Village.id == Activity.village_id)
        .join(Category, Category.id == Activity.category_id)
        .outerjoin(counts, counts.c.activity_id == Activity.id)
        .where(Category.is_health.is_(True), Activity.status != "cancelled")
        .order_by(Activity.start_at.desc())
    )
    if village_id is not None:
        stmt = stmt.where(Activity.village_id == village_id)
    if before is not None:
        stmt = stmt.where(Activity.start_at < before)
    return rows_as(CheckupDayRow, session.execute(stmt))


def activity_day(session: Session, activity_id: int) -> CheckupDayRow | None:
    """Any activity (health category or not) in the shape of a checkup day."""
    stmt = (
        select(
            Activity.id,
            Activity.start_at,
            Activity.village_id,
            Village.name.label("village"),
            Activity.title,
            Activity.place,
            Activity.organizer,
            select(func.count())
            .select_from(Checkup)
            .where(Checkup.activity_id == Activity.id)
            .scalar_subquery()
            .label("checkup_count"),
        )
        .join(Village, Village.id == Activity.village_id)
        .where(Activity.id == activity_id)
    )
    return row_as(CheckupDayRow, session.execute(stmt).first())


class DoctorRow(NamedTuple):
    id: int
    name: str
    pinyin_initials: str
    department: str | None
    staff_no: str | None


def doctor_rows(session: Session) -> list[DoctorRow]:
    """Active volunteers on the roster, who may sign as the examining doctor."""
    stmt = (
        select(
            Volunteer.id,
            Volunteer.name,
            Volunteer.pinyin_initials,
            Department.name.label("department"),
            Volunteer.staff_no,
        )
        .outerjoin(Department, Department.id == Volunteer.department_id)
        .where(Volunteer.active.is_(True))
        .order_by(Department.sort_order, Volunteer.pinyin_initials, Volunteer.id)
    )
    return rows_as(DoctorRow, session.execute(stmt))
