"""Use cases of the volunteer roster: list, add, edit, deactivate or delete, find by staff no."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from wenming_desktop.domain.edits import Seen, fields_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.roster import VolunteerData, validate_volunteer
from wenming_desktop.domain.volunteer_rows import VolunteerRow
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import (
    Certificate,
    Checkup,
    Department,
    Participation,
    PartyBranch,
    Team,
    Volunteer,
)
from wenming_desktop.storage.queries.volunteers import volunteer_rows

REMOVED_DELETED = "deleted"
REMOVED_DEACTIVATED = "deactivated"

_PLAIN_FIELDS = (
    "staff_no",
    "name",
    "gender",
    "birth_date",
    "birth_precision",
    "id_number",
    "phone",
    "title",
    "position",
    "political_status",
    "registered",
    "registry_no",
    "registered_on",
    "specialty",
    "active",
    "notes",
)


def list_volunteers(db: Database) -> list[VolunteerRow]:
    with db.read() as session:
        return volunteer_rows(session)


def _load(session: Session, volunteer_id: int) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(f"志愿者（编号 {volunteer_id}）不存在，可能已被删除")
    return volunteer


def get_volunteer(db: Database, volunteer_id: int) -> VolunteerData:
    return open_volunteer(db, volunteer_id).data


def open_volunteer(db: Database, volunteer_id: int) -> Seen[VolunteerData]:
    """What an edit dialog shows, with the version to save against (`update_volunteer`)."""
    with db.read() as session:
        volunteer = _load(session, volunteer_id)
        return Seen(_data_of(volunteer), volunteer.version)


def load_many(session: Session, ids: Iterable[int]) -> dict[int, Volunteer]:
    """Many volunteers with their lists, in chunks (SQLite limits the parameters per query)."""
    wanted = list(set(ids))
    result: dict[int, Volunteer] = {}
    for start in range(0, len(wanted), 500):
        stmt = (
            select(Volunteer)
            .where(Volunteer.id.in_(wanted[start : start + 500]))
            .options(
                selectinload(Volunteer.department),
                selectinload(Volunteer.party_branch),
                selectinload(Volunteer.teams),
            )
        )
        result.update((v.id, v) for v in session.scalars(stmt))
    return result


def data_by_id(session: Session, ids: Iterable[int]) -> dict[int, VolunteerData]:
    """VolunteerData of many volunteers at once (the import's updates)."""
    return {vid: _data_of(v) for vid, v in load_many(session, ids).items()}


def _data_of(v: Volunteer) -> VolunteerData:
    return VolunteerData(
        **{f: getattr(v, f) for f in _PLAIN_FIELDS},
        department=v.department.name if v.department else "",
        party_branch=v.party_branch.name if v.party_branch else "",
        teams=tuple(sorted(t.name for t in v.teams)),
    )


def find_by_staff_no(db: Database, staff_no: str) -> tuple[int, str]:
    """(id, name) of the volunteer with this staff number, else UserError."""
    with db.read() as session:
        row = session.execute(
            select(Volunteer.id, Volunteer.name).where(Volunteer.staff_no == staff_no.strip())
        ).first()
    if row is None:
        raise UserError(f"没有工号为“{staff_no.strip()}”的志愿者")
    return row.id, row.name


def refuse_duplicates(session: Session, clean: VolunteerData, own_id: int | None) -> None:
    for column, value, label in (
        (Volunteer.staff_no, clean.staff_no, "工号"),
        (Volunteer.id_number, clean.id_number, "身份证号"),
    ):
        if not value:
            continue
        stmt = select(Volunteer.name).where(column == value)
        if own_id is not None:
            stmt = stmt.where(Volunteer.id != own_id)
        other = session.scalar(stmt)
        if other is not None:
            raise UserError(f"{label}“{value}”已属于志愿者“{other}”，不能重复")


class NameCache:
    """Departments, party branches and teams by name, loaded once per transaction; a missing
    one is created (import) or refused (dialog)."""

    def __init__(self, session: Session, create: bool) -> None:
        self._session = session
        self._create = create
        self._items: dict[Any, dict[str, Any]] = {}

    def get(self, model: Any, name: str, label: str) -> Any:
        if not name:
            return None
        items = self._items.get(model)
        if items is None:
            items = {item.name: item for item in self._session.scalars(select(model))}
            self._items[model] = items
        item = items.get(name)
        if item is None:
            if not self._create:
                raise UserError(f"{label}“{name}”不在列表中，请先在“设置 → 名单维护”中添加")
            item = model(name=name)
            self._session.add(item)
            self._session.flush()
            audit.record(
                self._session, "create", model.__tablename__, item.id, None, {"name": name}
            )
            items[name] = item
        return item


def apply_data(
    session: Session, volunteer: Volunteer, clean: VolunteerData, names: NameCache | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Copy validated data onto the volunteer; returns the changed fields (old, new)."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    values: dict[str, Any] = {f: getattr(clean, f) for f in _PLAIN_FIELDS}
    values["pinyin_initials"] = name_initials(clean.name)
    for key, value in values.items():
        if getattr(volunteer, key) != value:
            old[key] = getattr(volunteer, key)
            new[key] = value
            setattr(volunteer, key, value)
    names = names or NameCache(session, create=False)
    department = names.get(Department, clean.department, "科室")
    branch = names.get(PartyBranch, clean.party_branch, "党支部")
    for key, item in (("department", department), ("party_branch", branch)):
        current = getattr(volunteer, key)
        if current is not item:
            old[key] = current.name if current else None
            new[key] = item.name if item else None
            setattr(volunteer, key, item)
    teams = [names.get(Team, name, "服务队") for name in clean.teams]
    if {t.name for t in volunteer.teams} != set(clean.teams):
        old["teams"] = sorted(t.name for t in volunteer.teams)
        new["teams"] = sorted(clean.teams)
        volunteer.teams = teams
    return old, new


def new_volunteer_values(clean: VolunteerData, names: NameCache) -> dict[str, Any]:
    """The volunteer table's columns for a new volunteer (the import's bulk insert); the same
    values `apply_data` gives a new Volunteer, without its teams."""
    values: dict[str, Any] = {f: getattr(clean, f) for f in _PLAIN_FIELDS}
    values["pinyin_initials"] = name_initials(clean.name)
    department = names.get(Department, clean.department, "科室")
    branch = names.get(PartyBranch, clean.party_branch, "党支部")
    values["department_id"] = department.id if department else None
    values["party_branch_id"] = branch.id if branch else None
    return values


def add_volunteer(db: Database, data: VolunteerData) -> int:
    clean = validate_volunteer(data)
    with db.write() as session:
        refuse_duplicates(session, clean, None)
        volunteer = Volunteer()
        session.add(volunteer)
        _old, new = apply_data(session, volunteer, clean)
        session.flush()
        audit.record(session, "create", "volunteer", volunteer.id, None, new)
        return volunteer.id


def update_volunteer(
    db: Database, volunteer_id: int, data: VolunteerData, seen: Seen[VolunteerData] | None = None
) -> None:
    """Save an edit. With `seen` (from `open_volunteer`) only the changed fields are written and
    a clash with a newer change raises StaleRecord; without it every field is written."""
    clean = validate_volunteer(data)
    with db.write() as session:
        volunteer = _load(session, volunteer_id)
        if seen is not None:
            current = _data_of(volunteer)
            what = f"志愿者“{volunteer.name}”"
            changes = fields_to_save(current, volunteer.version, seen, clean, what)
            clean = dataclasses.replace(current, **changes)
        refuse_duplicates(session, clean, volunteer_id)
        old, new = apply_data(session, volunteer, clean)
        if new:
            audit.record(session, "update", "volunteer", volunteer_id, old, new)


def _history(session: Session, volunteer_id: int) -> int:
    total = 0
    for model, column in (
        (Participation, Participation.volunteer_id),
        (Checkup, Checkup.doctor_id),
        (Certificate, Certificate.volunteer_id),
    ):
        total += (
            session.scalar(select(func.count()).select_from(model).where(column == volunteer_id))
            or 0
        )
    return total


def remove_volunteer(db: Database, volunteer_id: int) -> str:
    """Delete a volunteer without history; one with service records is deactivated instead."""
    with db.write() as session:
        volunteer = _load(session, volunteer_id)
        if _history(session, volunteer_id):
            if volunteer.active:
                volunteer.active = False
                audit.record(
                    session,
                    "update",
                    "volunteer",
                    volunteer_id,
                    {"active": True},
                    {"active": False},
                )
            return REMOVED_DEACTIVATED
        snapshot = {"name": volunteer.name, "staff_no": volunteer.staff_no}
        volunteer.teams = []
        session.delete(volunteer)
        audit.record(session, "delete", "volunteer", volunteer_id, snapshot, None)
        return REMOVED_DELETED


def set_active(db: Database, volunteer_id: int, active: bool) -> None:
    with db.write() as session:
        volunteer = _load(session, volunteer_id)
        if volunteer.active != active:
            audit.record(
                session,
                "update",
                "volunteer",
                volunteer_id,
                {"active": volunteer.active},
                {"active": active},
            )
            volunteer.active = active


def has_history(db: Database, volunteer_id: int) -> bool:
    with db.read() as session:
        return _history(session, volunteer_id) > 0
