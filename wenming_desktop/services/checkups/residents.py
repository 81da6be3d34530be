"""Use cases of the resident registry (村民名册): list, search, add, edit, delete."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id
from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.residents import ResidentData, validate_resident
from wenming_desktop.domain.search import matches, normalize_query
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import apply_values
from wenming_desktop.storage.models import Checkup, Resident, Village
from wenming_desktop.storage.queries.residents import ResidentRow, resident_row, resident_rows

_FIELDS = [f.name for f in dataclasses.fields(ResidentData)]


def list_residents(db: Database, village_id: int | None = None) -> list[ResidentRow]:
    with db.read() as session:
        return resident_rows(session, village_id)


def get_resident_row(db: Database, resident_id: int) -> ResidentRow:
    with db.read() as session:
        row = resident_row(session, resident_id)
    if row is None:
        raise UserError(f"村民（编号 {resident_id}）不存在，可能已被删除")
    return row


def search_residents(rows: Sequence[ResidentRow], text: str) -> list[ResidentRow]:
    """Rows found by name, pinyin initials or the last digits of the ID number or phone."""
    query = normalize_query(text)
    return [
        r for r in rows if matches(query, r.name, r.pinyin_initials, r.id_number, r.phone or None)
    ]


def get_resident(db: Database, resident_id: int) -> ResidentData:
    return open_resident(db, resident_id).data


def open_resident(db: Database, resident_id: int) -> Seen[ResidentData]:
    """What the edit dialog shows, with the version to save against (`update_resident`)."""
    with db.read() as session:
        resident = _load(session, resident_id)
        return Seen(_data_of(resident), resident.version)


def _data_of(resident: Resident) -> ResidentData:
    values = {name: getattr(resident, name) for name in _FIELDS}
    values["id_number"] = values["id_number"] or ""
    return ResidentData(**values)


def _load(session: Session, resident_id: int) -> Resident:
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise UserError(f"村民（编号 {resident_id}）不存在，可能已被删除")
    return resident


def _refuse_duplicate_id(session: Session, number: str, own_id: int | None) -> None:
    if not number:
        return
    stmt = (
        select(Resident.name, Village.name)
        .join(Village, Village.id == Resident.village_id)
        .where(Resident.id_number == number)
    )
    if own_id is not None:
        stmt = stmt.where(Resident.id != own_id)
    found = session.execute(stmt).first()
    if found is not None:
        raise UserError(f"身份证号 {mask_id(number)} 已登记为{found[1]}的村民“{found[0]}”")


def _stored(clean: ResidentData) -> dict[str, object]:
    values = dataclasses.asdict(clean)
    values["id_number"] = clean.id_number or None
    values["pinyin_initials"] = name_initials(clean.name)
    return values


def _audit_values(values: dict[str, object]) -> dict[str, object]:
    """Audit entries keep the masked ID number and phone, not the full ones."""
    out = dict(values)
    if out.get("id_number"):
        out["id_number"] = mask_id(str(out["id_number"]))
    out.pop("phone", None)
    return out


def add_resident(db: Database, data: ResidentData) -> int:
    clean = validate_resident(data)
    with db.write() as session:
        if session.get(Village, clean.village_id) is None:
            raise UserError("所选结对村不存在，可能已被删除")
        _refuse_duplicate_id(session, clean.id_number, None)
        values = _stored(clean)
        resident = Resident(**values)
        session.add(resident)
        session.flush()
        audit.record(session, "create", "resident", resident.id, None, _audit_values(values))
        return resident.id


def update_resident(
    db: Database, resident_id: int, data: ResidentData, seen: Seen[ResidentData] | None = None
) -> None:
    """Save an edit. With `seen` (from `open_resident`) only the changed fields are written and
    a clash with a newer change raises StaleRecord; without it every field is written."""
    clean = validate_resident(data)
    with db.write() as session:
        resident = _load(session, resident_id)
        current = _data_of(resident)
        what = f"村民“{resident.name}”"
        changes = values_to_save(current, resident.version, seen, clean, what)
        merged = validate_resident(dataclasses.replace(current, **changes))
        if "id_number" in changes:
            _refuse_duplicate_id(session, merged.id_number, resident_id)
        stored = _stored(merged)
        if "name" in changes:
            changes["pinyin_initials"] = stored["pinyin_initials"]
        old, new = apply_values(resident, {key: stored[key] for key in changes})
        if new:
            audit.record(
                session, "update", "resident", resident_id, _audit_values(old), _audit_values(new)
            )


def delete_resident(db: Database, resident_id: int) -> None:
    """Delete a resident; refused while checkups of theirs are recorded."""
    with db.write() as session:
        resident = _load(session, resident_id)
        count = session.scalar(
            select(func.count()).select_from(Checkup).where(Checkup.resident_id == resident_id)
        )
        if count:
            raise UserError(f"村民“{resident.name}”已有 {count} 次体检记录，不能删除")
        session.delete(resident)
        audit.record(session, "delete", "resident", resident_id, {"name": resident.name}, None)
