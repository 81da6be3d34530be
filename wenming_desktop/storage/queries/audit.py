"""Reading the audit log: filtered, ordered by its sequence number (never by the clock)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import AuditEntry, Base
from wenming_desktop.storage.queries.rows import rows_as


class AuditRow(NamedTuple):
    seq: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    old_values: str
    new_values: str


@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    text: str = ""


def _filtered(query: Select[*tuple[Any, ...]], where: AuditFilter) -> Select[*tuple[Any, ...]]:
    if where.entity:
        query = query.where(AuditEntry.entity == where.entity)
    if where.action:
        query = query.where(AuditEntry.action == where.action)
    if where.date_from is not None:
        query = query.where(AuditEntry.at >= datetime.combine(where.date_from, time()))
    if where.date_to is not None:
        end = datetime.combine(where.date_to + timedelta(days=1), time())
        query = query.where(AuditEntry.at < end)
    text = where.text.strip()
    if text:
        query = query.where(
            or_(
                AuditEntry.old_values.contains(text, autoescape=True),
                AuditEntry.new_values.contains(text, autoescape=True),
                AuditEntry.user.contains(text, autoescape=True),
            )
        )
    return query


def audit_rows(
    session: Session, where: AuditFilter, newest_first: bool = True, limit: int | None = None
) -> list[AuditRow]:
    order = AuditEntry.seq.desc() if newest_first else AuditEntry.seq.asc()
    query = _filtered(
        select(
            AuditEntry.seq,
            AuditEntry.at,
            AuditEntry.user,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_id,
            AuditEntry.old_values,
            AuditEntry.new_values,
        ),
        where,
    ).order_by(order)
    if limit is not None:
        query = query.limit(limit)
    return rows_as(AuditRow, session.execute(query))


def audit_kinds(session: Session) -> tuple[list[str], list[str]]:
    """The entities and actions that occur in the log."""
    entities = session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity))
    actions = session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    return list(entities), list(actions)


# The column a row of each table is known by, when the log names it in place of its id.
_NAME_COLUMNS = {
    "activity": "title",
    "attachment": "original_name",
    "certificate": "number",
    "service_request": "content",
    "app_user": "display_name",
}


def column_labels(entity: str) -> dict[str, tuple[str, str | None]]:
    """column name → (its Chinese label, the table its id refers to or None) for a table."""
    table = Base.metadata.tables.get(entity)
    if table is None:
        return {}
    out: dict[str, tuple[str, str | None]] = {}
    for column in table.columns:
        referred = next(iter(column.foreign_keys), None)
        out[column.name] = (
            str(column.info.get("label", column.name)),
            referred.column.table.name if referred is not None else None,
        )
    return out


def names_by_id(session: Session, table_name: str, ids: set[int]) -> dict[int, str]:
    """id → the name a clerk knows the row by (name, title, number …) for rows of a table."""
    table = Base.metadata.tables.get(table_name)
    if table is None or not ids:
        return {}
    column = _NAME_COLUMNS.get(table_name, "name")
    if column not in table.c:
        return {}
    stmt = select(table.c.id, table.c[column]).where(table.c.id.in_(sorted(ids)))
    return {int(i): str(n) for i, n in session.execute(stmt)}
