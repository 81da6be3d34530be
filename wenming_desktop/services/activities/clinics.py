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
    service_kind_id: int
    service: str
    people_served: int
    materials_given: int


@dataclass(frozen=True)
class ClinicDetail:
    is_health: bool
    departments: list[Choice]  # every department, to choose from
    present: set[int]  # the departments present at this clinic
    lines: list[ServiceLine]  # one per service kind, zeros where nothing was recorded


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
        totals: dict[int, tuple[int, int]] = {}
        for kind_id, people, materials in session.execute(
            select(
                ClinicService.service_kind_id,
                ClinicService.people_served,
                ClinicService.materials_given,
            ).where(ClinicService.activity_id == activity_id)
        ):
            p, m = totals.get(kind_id, (0, 0))
            totals[kind_id] = (p + people, m + materials)
        kinds = service_kind_choices(session)
        return ClinicDetail(
            is_health=bool(category and category.is_health),
            departments=department_choices(session),
            present=present,
            lines=[
                ServiceLine(
                    service_kind_id=k.id,
                    service=k.name,
                    people_served=totals.get(k.id, (0, 0))[0],
                    materials_given=totals.get(k.id, (0, 0))[1],
                )
                for k in kinds
            ],
        )


def save_clinic(
    db: Database,
    activity_id: int,
    department_ids: Sequence[int],
    lines: Sequence[tuple[int, int, int]],
) -> None:
    """Replace the clinic's departments and per-service figures in one transaction.

    `lines` are (service kind id, people served, materials given); all-zero lines are dropped.
    """
    for _kind, people, materials in lines:
        if people < 0 or materials < 0:
            raise UserError("服务人次和发放数量不能为负数")
    with db.write() as session:
        if session.get(Activity, activity_id) is None:
            raise UserError("活动已不存在")
        session.execute(
            delete(activity_department).where(activity_department.c.activity_id == activity_id)
        )
        if department_ids:
            session.execute(
                insert(activity_department),
                [
                    {"activity_id": activity_id, "department_id": d}
                    for d in sorted(set(department_ids))
                ],
            )
        session.execute(delete(ClinicService).where(ClinicService.activity_id == activity_id))
        kept = [line for line in lines if line[1] or line[2]]
        for kind_id, people, materials in kept:
            session.add(
                ClinicService(
                    activity_id=activity_id,
                    service_kind_id=kind_id,
                    department_id=None,
                    people_served=people,
                    materials_given=materials,
                )
            )
        audit.record(
            session,
            "update",
            "clinic",
            activity_id,
            None,
            {"departments": sorted(set(department_ids)), "services": [list(k) for k in kept]},
        )
