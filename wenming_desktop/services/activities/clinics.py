"""Free-clinic details of a health activity: departments present, people served per service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import merge_cells
from wenming_desktop.domain.errors import UserError
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import touch
from wenming_desktop.storage.models import Activity, Category, ClinicService, activity_department
from wenming_desktop.storage.queries.activity_lists import (
    Choice,
    department_choices,
    service_kind_choices,
)


class ServiceLine(NamedTuple):
    """One service's figures, for one department or for the clinic as a whole."""

    service_kind_id: int
    service: str
    people_served: int
    materials_given: int


class ClinicEntry(NamedTuple):
    """What the clerk typed for one service: `department_id` None means 不分科室."""

    service_kind_id: int
    people_served: int
    materials_given: int
    department_id: int | None = None


@dataclass(frozen=True)
class ClinicDetail:
    is_health: bool
    departments: list[Choice]  # every department, to choose from
    present: set[int]  # the departments present at this clinic
    lines: list[ServiceLine]  # one per service kind, all departments added up
    # department id (None: 不分科室) → one line per service kind, zeros where nothing was recorded
    by_department: dict[int | None, list[ServiceLine]]


def get_clinic(db: Database, activity_id: int) -> ClinicDetail:
    with db.read() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise UserError("活动已不存在")
        category = session.get(Category, activity.category_id)
        present = set(
            session.scalars(
                select(activity_department.c.department_id).where(
                    activity_department.c.activity_id == activity_id
                )
            )
        )
        figures: dict[int | None, dict[int, tuple[int, int]]] = {None: {}}
        for row in session.execute(
            select(
                ClinicService.department_id,
                ClinicService.service_kind_id,
                ClinicService.people_served,
                ClinicService.materials_given,
            ).where(ClinicService.activity_id == activity_id)
        ):
            lines = figures.setdefault(row.department_id, {})
            people, materials = lines.get(row.service_kind_id, (0, 0))
            lines[row.service_kind_id] = (
                people + row.people_served,
                materials + row.materials_given,
            )
        kinds = service_kind_choices(session)

        def lines_of(values: dict[int, tuple[int, int]]) -> list[ServiceLine]:
            return [
                ServiceLine(
                    service_kind_id=kind.id,
                    service=kind.name,
                    people_served=values.get(kind.id, (0, 0))[0],
                    materials_given=values.get(kind.id, (0, 0))[1],
                )
                for kind in kinds
            ]

        totals: dict[int, tuple[int, int]] = {}
        for values in figures.values():
            for kind_id, (people, materials) in values.items():
                p, m = totals.get(kind_id, (0, 0))
                totals[kind_id] = (p + people, m + materials)
        return ClinicDetail(
            is_health=bool(category and category.is_health),
            departments=department_choices(session),
            present=present,
            lines=lines_of(totals),
            by_department={key: lines_of(values) for key, values in figures.items()},
        )


Cell = tuple[int | None, int]  # (department id or None for 不分科室, service kind id)


@dataclass(frozen=True)
class ClinicState:
    """A clinic's record as cells: the departments ticked, and the (people served, materials
    given) of each department and service that has any (a missing cell is 0, 0)."""

    departments: frozenset[int]
    figures: dict[Cell, tuple[int, int]]


def clinic_state(department_ids: Sequence[int], entries: Sequence[ClinicEntry]) -> ClinicState:
    """The cells of what the panel shows (entries of one cell added up, all-zero ones left out)."""
    merged: dict[Cell, tuple[int, int]] = {}
    for e in entries:
        people, materials = merged.get((e.department_id, e.service_kind_id), (0, 0))
        merged[(e.department_id, e.service_kind_id)] = (
            people + e.people_served,
            materials + e.materials_given,
        )
    kept = {cell: values for cell, values in merged.items() if values != (0, 0)}
    return ClinicState(frozenset(department_ids), kept)


def _stored_state(session: Session, activity_id: int) -> ClinicState:
    departments = session.scalars(
        select(activity_department.c.department_id).where(
            activity_department.c.activity_id == activity_id
        )
    )
    entries = [
        ClinicEntry(r.service_kind_id, r.people_served, r.materials_given, r.department_id)
        for r in session.execute(
            select(
                ClinicService.department_id,
                ClinicService.service_kind_id,
                ClinicService.people_served,
                ClinicService.materials_given,
            ).where(ClinicService.activity_id == activity_id)
        )
    ]
    return clinic_state(list(departments), entries)


def open_clinic_state(db: Database, activity_id: int) -> ClinicState:
    """The clinic's cells as stored now: what the panel saves against (`save_clinic`)."""
    with db.read() as session:
        return _stored_state(session, activity_id)


def save_clinic(
    db: Database,
    activity_id: int,
    department_ids: Sequence[int],
    entries: Sequence[ClinicEntry],
    seen: ClinicState | None = None,
) -> None:
    """Replace the clinic's departments and per-service figures in one transaction.

    Each entry is one service's figures for one department (or 不分科室); all-zero entries are
    dropped. A department's figures may only be kept when it is among `department_ids`.
    Raises UserError for negative figures or a department that is not ticked as present.
    With `seen` (the cells the panel was loaded with) only the cells the clerk changed are
    written; a cell someone else changed meanwhile raises StaleRecord.
    """
    for entry in entries:
        if entry.people_served < 0 or entry.materials_given < 0:
            raise UserError("服务人次和发放数量不能为负数")
    edited = clinic_state(department_ids, entries)
    with db.write() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise UserError("活动已不存在")
        current = _stored_state(session, activity_id)
        if seen is not None:
            what = f"活动“{activity.title}”的义诊服务记录"
            ticked = merge_cells(
                dict.fromkeys(current.departments, True),
                dict.fromkeys(seen.departments, True),
                dict.fromkeys(edited.departments, True),
                what,
            )
            figures = merge_cells(current.figures, seen.figures, edited.figures, what)
            edited = ClinicState(frozenset(ticked), figures)
        if edited != current:  # the activity's version moves on with its figures, so a second
            touch(activity, "title")  # PC saving at the same moment is refused, not mixed in
        present = set(edited.departments)
        kept = [
            ClinicEntry(kind_id, people, materials, department_id)
            for (department_id, kind_id), (people, materials) in edited.figures.items()
        ]
        for entry in kept:
            if entry.department_id is not None and entry.department_id not in present:
                raise UserError("有服务人次记在未勾选的科室下：请勾选该科室，或把人次改为 0")
        session.execute(
            delete(activity_department).where(activity_department.c.activity_id == activity_id)
        )
        if present:
            session.execute(
                insert(activity_department),
                [{"activity_id": activity_id, "department_id": d} for d in sorted(present)],
            )
        session.execute(delete(ClinicService).where(ClinicService.activity_id == activity_id))
        for entry in kept:
            session.add(
                ClinicService(
                    activity_id=activity_id,
                    service_kind_id=entry.service_kind_id,
                    department_id=entry.department_id,
                    people_served=entry.people_served,
                    materials_given=entry.materials_given,
                )
            )
        audit.record(
            session,
            "update",
            "clinic",
            activity_id,
            None,
            {
                "departments": sorted(present),
                "services": [
                    [e.service_kind_id, e.people_served, e.materials_given, e.department_id]
                    for e in kept
                ],
            },
        )
