"""The roster's editable lists: departments (科室), party branches (党支部), service teams."""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_text
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import (
    ClinicService,
    Department,
    PartyBranch,
    Team,
    Volunteer,
    activity_department,
    volunteer_team,
)


class ListKind(NamedTuple):
    key: str
    label: str
    model: Any


KINDS: dict[str, ListKind] = {
    "department": ListKind("department", "科室", Department),
    "party_branch": ListKind("party_branch", "党支部", PartyBranch),
    "team": ListKind("team", "志愿服务队", Team),
}


class ListItem(NamedTuple):
    id: int
    name: str
    uses: int  # volunteers (and activities / clinic services for departments) referring to it


def _kind(key: str) -> ListKind:
    return KINDS[key]


def list_items(db: Database, key: str) -> list[ListItem]:
    kind = _kind(key)
    with db.read() as session:
        items = session.execute(select(kind.model.id, kind.model.name).order_by(kind.model.id))
        return [ListItem(i, n, _uses(session, key, i)) for i, n in items]


def names(db: Database, key: str) -> list[str]:
    return [item.name for item in list_items(db, key)]


def _uses(session: Session, key: str, item_id: int) -> int:
    def count(stmt: Select[int]) -> int:
        return session.scalar(stmt) or 0

    if key == "department":
        return (
            count(select(func.count()).where(Volunteer.department_id == item_id))
            + count(
                select(func.count())
                .select_from(activity_department)
                .where(activity_department.c.department_id == item_id)
            )
            + count(select(func.count()).where(ClinicService.department_id == item_id))
        )
    if key == "party_branch":
        return count(select(func.count()).where(Volunteer.party_branch_id == item_id))
    return count(
        select(func.count()).select_from(volunteer_team).where(volunteer_team.c.team_id == item_id)
    )


def _clean(kind: ListKind, name: str) -> str:
    clean = normalize_text(name)
    if not clean:
        raise UserError(f"{kind.label}名称不能为空")
    if len(clean) > 50:
        raise UserError(f"{kind.label}名称过长（最多50字）")
    return clean


def add_item(db: Database, key: str, name: str) -> int:
    kind = _kind(key)
    clean = _clean(kind, name)
    with db.write() as session:
        if session.scalar(select(kind.model.id).where(kind.model.name == clean)) is not None:
            raise UserError(f"已有名为“{clean}”的{kind.label}")
        item = kind.model(name=clean)
        session.add(item)
        session.flush()
        audit.record(session, "create", kind.model.__tablename__, item.id, None, {"name": clean})
        return int(item.id)


def rename_item(db: Database, key: str, item_id: int, name: str) -> None:
    kind = _kind(key)
    clean = _clean(kind, name)
    with db.write() as session:
        item = session.get(kind.model, item_id)
        if item is None:
            raise UserError(f"该{kind.label}已不存在")
        other = session.scalar(
            select(kind.model.id).where(kind.model.name == clean, kind.model.id != item_id)
        )
        if other is not None:
            raise UserError(f"已有名为“{clean}”的{kind.label}")
        if item.name != clean:
            audit.record(
                session,
                "update",
                kind.model.__tablename__,
                item_id,
                {"name": item.name},
                {"name": clean},
            )
            item.name = clean


def delete_item(db: Database, key: str, item_id: int) -> None:
    """Delete an entry no one refers to; a used one is refused with the count."""
    kind = _kind(key)
    with db.write() as session:
        item = session.get(kind.model, item_id)
        if item is None:
            return
        uses = _uses(session, key, item_id)
        if uses:
            raise UserError(f"{kind.label}“{item.name}”还被 {uses} 条记录使用，不能删除；可以改名")
        session.delete(item)
        audit.record(session, "delete", kind.model.__tablename__, item_id, {"name": item.name})
