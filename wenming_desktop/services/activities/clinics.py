"""Free-clinic details of a health activity: departments present, people served per service."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import delete, insert, select

from wenming_desktop.domain.errors import UserError
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
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


def save_clinic(
    db: Database,
    activity_id: int,
    department_ids: Sequence[int],
    entries: Sequence[ClinicEntry],
) -> None:
    """Replace the clinic's departments and per-service figures in one transaction.

    Each entry is one service's figures for one department (or 不分科室); all-zero entries are
    dropped. A department's figures may only be kept when it is among `department_ids`.
    Raises UserError for negative figures or a department that is not ticked as present.
    """
    present = set(department_ids)
    for entry in entries:
        if entry.people_served < 0 or entry.materials_given < 0:
            raise UserError("服务人次和发放数量不能为负数")
    merged: dict[tuple[int | None, int], tuple[int, int]] = {}
    for e in entries:
        people, materials = merged.get((e.department_id, e.service_kind_id), (0, 0))
        merged[(e.department_id, e.service_kind_id)] = (
            people + e.people_served,
            materials + e.materials_given,
        )
    kept = [
        ClinicEntry(
            service_kind_id=kind_id,
            people_served=people,
            materials_given=materials,
            department_id=department_id,
        )
        for (department_id, kind_id), (people, materials) in merged.items()
        if people or materials
    ]
    for entry in kept:
        if entry.department_id is not None and entry.department_id not in present:
            raise UserError("有服务人次记在未勾选的科室下：请勾选该科室，或把人次改为 0")
    with db.write() as session:
        if session.get(Activity, activity_id) is None:
            raise UserError("活动已不存在")
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
