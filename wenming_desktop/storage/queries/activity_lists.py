"""The short lists an activity form chooses from: categories, villages, services, departments."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Category, Department, ServiceKind, Village
from wenming_desktop.storage.queries.rows import rows_as


class Choice(NamedTuple):
    id: int
    name: str


class CategoryChoice(NamedTuple):
    id: int
    name: str
    is_health: bool


def category_choices(session: Session) -> list[CategoryChoice]:
    stmt = select(Category.id, Category.name, Category.is_health).order_by(
        Category.sort_order, Category.id
    )
    return rows_as(CategoryChoice, session.execute(stmt))


def village_choices(session: Session) -> list[Choice]:
    return rows_as(Choice, session.execute(select(Village.id, Village.name).order_by(Village.id)))


def service_kind_choices(session: Session) -> list[Choice]:
    stmt = select(ServiceKind.id, ServiceKind.name).order_by(ServiceKind.sort_order, ServiceKind.id)
    return rows_as(Choice, session.execute(stmt))


def department_choices(session: Session) -> list[Choice]:
    stmt = select(Department.id, Department.name).order_by(Department.sort_order, Department.id)
    return rows_as(Choice, session.execute(stmt))
