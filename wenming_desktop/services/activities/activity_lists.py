"""The editable lists of activities: categories (活动类别) and free-clinic services (义诊项目).

Both are seeded on a new database (storage/seed.py) and edited in 设置. A name in use may be
renamed (records follow, they refer by id) but not deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_text
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import apply_values
from wenming_desktop.storage.models import Activity, Category, ClinicService, ServiceKind
from wenming_desktop.storage.queries.rows import rows_as


class ListItem(NamedTuple):
    id: int
    name: str
    is_health: bool  # categories only; False for services
    used: int  # activities (categories) or clinic rows (services) that refer to it
    version: int


@dataclass(frozen=True)
class ListData:
    """What 设置 edits of a category or a free-clinic service (`is_health` False for services)."""

    name: str
    is_health: bool


def seen_as_listed(name: str, is_health: bool, version: int) -> Seen[ListData]:
    """The values and version a listed category or service was shown with (for `seen`)."""
    return Seen(ListData(name=name, is_health=is_health), version)


def list_categories(db: Database) -> list[ListItem]:
    used = (
        select(Activity.category_id, func.count().label("n"))
        .group_by(Activity.category_id)
        .subquery()
    )
    stmt = (
        select(
            Category.id,
            Category.name,
            Category.is_health,
            func.coalesce(used.c.n, 0).label("used"),
            Category.version,
        )
        .outerjoin(used, used.c.category_id == Category.id)
        .order_by(Category.sort_order, Category.id)
    )
    with db.read() as session:
        return rows_as(ListItem, session.execute(stmt))


def list_service_kinds(db: Database) -> list[ListItem]:
    used = (
        select(ClinicService.service_kind_id, func.count().label("n"))
        .group_by(ClinicService.service_kind_id)
        .subquery()
    )
    stmt = (
        select(
            ServiceKind.id,
            ServiceKind.name,
            literal(False).label("is_health"),
            func.coalesce(used.c.n, 0).label("used"),
            ServiceKind.version,
        )
        .outerjoin(used, used.c.service_kind_id == ServiceKind.id)
        .order_by(ServiceKind.sort_order, ServiceKind.id)
    )
    with db.read() as session:
        return rows_as(ListItem, session.execute(stmt))


def _clean(name: str, what: str) -> str:
    clean = normalize_text(name)
    if not clean:
        raise UserError(f"{what}名称不能为空")
    if len(clean) > 50:
        raise UserError(f"{what}名称过长（最多50字）")
    return clean


def _refuse_duplicate(
    session: Session, model: type[Category | ServiceKind], name: str, own_id: int | None
) -> None:
    clash = session.scalar(select(model.id).where(model.name == name))
    if clash is not None and clash != own_id:
        raise UserError(f"已有名为“{name}”的项目")


def save_category(
    db: Database,
    category_id: int | None,
    name: str,
    is_health: bool,
    seen: Seen[ListData] | None = None,
) -> int:
    """Add (category_id None) or rename / re-flag a category; returns its id.

    With `seen` (`seen_as_listed`) only what the clerk changed is written; a change to what
    someone else changed meanwhile raises StaleRecord. UserError for an empty, too long or
    duplicate name.
    """
    clean = _clean(name, "活动类别")
    with db.write() as session:
        _refuse_duplicate(session, Category, clean, category_id)
        if category_id is None:
            order = (
                session.scalar(select(func.coalesce(func.max(Category.sort_order), 0))) or 0
            ) + 1
            row = Category(name=clean, is_health=is_health, sort_order=order)
            session.add(row)
            session.flush()
            audit.record(session, "create", "category", row.id, None, {"name": clean})
            return row.id
        found = session.get(Category, category_id)
        if found is None:
            raise UserError("这个活动类别已不存在")
        current = ListData(name=found.name, is_health=found.is_health)
        edited = ListData(name=clean, is_health=is_health)
        what = f"活动类别“{(seen.data if seen else current).name}”"  # as the clerk saw it
        old, new = apply_values(found, values_to_save(current, found.version, seen, edited, what))
        if new:
            audit.record(session, "update", "category", found.id, old, new)
        return found.id


def save_service_kind(
    db: Database, kind_id: int | None, name: str, seen: Seen[ListData] | None = None
) -> int:
    """Add (kind_id None) or rename a free-clinic service; returns its id. `seen` and the
    errors as for `save_category`."""
    clean = _clean(name, "义诊项目")
    with db.write() as session:
        _refuse_duplicate(session, ServiceKind, clean, kind_id)
        if kind_id is None:
            order = (
                session.scalar(select(func.coalesce(func.max(ServiceKind.sort_order), 0))) or 0
            ) + 1
            row = ServiceKind(name=clean, sort_order=order)
            session.add(row)
            session.flush()
            audit.record(session, "create", "service_kind", row.id, None, {"name": clean})
            return row.id
        kind = session.get(ServiceKind, kind_id)
        if kind is None:
            raise UserError("这个义诊项目已不存在")
        current = ListData(name=kind.name, is_health=False)
        edited = ListData(name=clean, is_health=False)
        what = f"义诊项目“{(seen.data if seen else current).name}”"  # as the clerk saw it
        values = values_to_save(current, kind.version, seen, edited, what)
        values.pop("is_health", None)  # a service has no such flag
        old, new = apply_values(kind, values)
        if new:
            audit.record(session, "update", "service_kind", kind.id, old, new)
        return kind.id


def delete_category(db: Database, category_id: int) -> None:
    with db.write() as session:
        row = session.get(Category, category_id)
        if row is None:
            return
        used = session.scalar(
            select(func.count()).select_from(Activity).where(Activity.category_id == category_id)
        )
        if used:
            raise UserError(f"活动类别“{row.name}”已有 {used} 场活动使用，不能删除；可以改名")
        session.delete(row)
        audit.record(session, "delete", "category", category_id, {"name": row.name}, None)


def delete_service_kind(db: Database, kind_id: int) -> None:
    with db.write() as session:
        row = session.get(ServiceKind, kind_id)
        if row is None:
            return
        used = session.scalar(
            select(func.count())
            .select_from(ClinicService)
            .where(ClinicService.service_kind_id == kind_id)
        )
        if used:
            raise UserError(f"义诊项目“{row.name}”已有 {used} 条义诊记录使用，不能删除；可以改名")
        session.delete(row)
        audit.record(session, "delete", "service_kind", kind_id, {"name": row.name}, None)
