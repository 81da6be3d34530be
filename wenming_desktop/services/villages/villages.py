"""Use cases for paired villages: list, add, edit, delete, and finding one by part of its name."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import Seen, fields_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.villages import VillageData, VillageRow, validate_village
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Activity, Resident, Village
from wenming_desktop.storage.queries.villages import village_rows


def list_villages(db: Database) -> list[VillageRow]:
    with db.read() as session:
        return village_rows(session)


def get_village(db: Database, village_id: int) -> VillageData:
    return open_village(db, village_id).data


def open_village(db: Database, village_id: int) -> Seen[VillageData]:
    """What an edit dialog shows, with the version to save against (`update_village`)."""
    with db.read() as session:
        village = _load(session, village_id)
        return Seen(_data_of(village), village.version)


def _data_of(village: Village) -> VillageData:
    return VillageData(
        **{f.name: getattr(village, f.name) for f in dataclasses.fields(VillageData)}
    )


def _load(session: Session, village_id: int) -> Village:
    village = session.get(Village, village_id)
    if village is None:
        raise UserError(f"结对村（编号 {village_id}）不存在，可能已被删除")
    return village


def _refuse_duplicate(session: Session, name: str, own_id: int | None) -> None:
    stmt = select(Village.id).where(Village.name == name)
    if own_id is not None:
        stmt = stmt.where(Village.id != own_id)
    if session.scalar(stmt) is not None:
        raise UserError(f"已有名为“{name}”的结对村")


def add_village(db: Database, data: VillageData) -> int:
    clean = validate_village(data)
    with db.write() as session:
        _refuse_duplicate(session, clean.name, None)
        village = Village(**dataclasses.asdict(clean))
        session.add(village)
        session.flush()
        audit.record(session, "create", "village", village.id, None, dataclasses.asdict(clean))
        return village.id


def update_village(
    db: Database, village_id: int, data: VillageData, seen: Seen[VillageData] | None = None
) -> None:
    """Save an edit. With `seen` (from `open_village`) only the changed fields are written and
    a clash with a newer change raises StaleRecord; without it every field is written."""
    clean = validate_village(data)
    with db.write() as session:
        village = _load(session, village_id)
        if seen is None:
            values = dataclasses.asdict(clean)
        else:
            what = f"结对村“{village.name}”"
            values = fields_to_save(_data_of(village), village.version, seen, clean, what)
        if "name" in values:
            _refuse_duplicate(session, clean.name, village_id)
        old: dict[str, object] = {}
        new: dict[str, object] = {}
        for key, value in values.items():
            if getattr(village, key) != value:
                old[key] = getattr(village, key)
                new[key] = value
                setattr(village, key, value)
        if new:
            audit.record(session, "update", "village", village_id, old, new)


def delete_village(db: Database, village_id: int) -> None:
    """Delete a village; refused while activities or residents refer to it."""
    with db.write() as session:
        village = _load(session, village_id)
        activities = session.scalar(
            select(func.count()).select_from(Activity).where(Activity.village_id == village_id)
        )
        residents = session.scalar(
            select(func.count()).select_from(Resident).where(Resident.village_id == village_id)
        )
        if activities or residents:
            raise UserError(
                f"“{village.name}”下还有 {activities} 场活动、{residents} 名村民，不能删除；"
                "请先删除或转移这些记录"
            )
        session.delete(village)
        audit.record(session, "delete", "village", village_id, {"name": village.name}, None)


def find_village(db: Database, text: str) -> tuple[int, str]:
    """The one village whose name contains `text` (an exact name wins); else UserError."""
    needle = text.strip()
    if not needle:
        raise UserError("请给出村名")
    with db.read() as session:
        rows = session.execute(select(Village.id, Village.name).order_by(Village.id)).all()
    exact = [r for r in rows if r.name == needle]
    if exact:
        return exact[0].id, exact[0].name
    matches = [r for r in rows if needle in r.name]
    if not matches:
        raise UserError(f"没有名称包含“{needle}”的结对村")
    if len(matches) > 1:
        names = "、".join(r.name for r in matches)
        raise UserError(f"“{needle}”对应多个结对村：{names}；请写得更具体些")
    return matches[0].id, matches[0].name
