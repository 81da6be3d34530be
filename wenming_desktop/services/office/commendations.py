"""Selections and commendations (评选表彰): list, save, delete, and a volunteer's own."""

from __future__ import annotations

from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import Seen, merge_edit
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.office import COMMENDATION_KINDS, COMMENDATION_LEVELS
from wenming_desktop.domain.office_records import CommendationData
from wenming_desktop.domain.office_rows import CommendationRow
from wenming_desktop.services.office.common import changed, choice, optional, required, snapshot
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Volunteer
from wenming_desktop.storage.office_models import Commendation
from wenming_desktop.storage.queries.office import commendation_rows

FIRST_YEAR, LAST_YEAR = 1949, 2100


def list_commendations(
    db: Database, first_year: int | None = None, last_year: int | None = None
) -> list[CommendationRow]:
    with db.read() as session:
        return commendation_rows(session, first_year, last_year)


def volunteer_commendations(db: Database, volunteer_id: int) -> list[CommendationRow]:
    """The commendations of one volunteer (shown on their record)."""
    with db.read() as session:
        return commendation_rows(session, volunteer_id=volunteer_id)


def volunteer_commendation_lines(db: Database, volunteer_id: int) -> list[str]:
    """A volunteer's commendations as the record shows them, e.g.
    "2025年 优秀志愿者（市级，鹤文明办〔2025〕9号）", newest first."""
    lines = []
    for r in volunteer_commendations(db, volunteer_id):
        detail = "，".join(x for x in (r.level, r.document_no) if x)
        lines.append(f"{r.year}年 {r.kind}（{detail}）")
    return lines


def get_commendation(db: Database, commendation_id: int) -> CommendationData:
    return open_commendation(db, commendation_id).data


def open_commendation(db: Database, commendation_id: int) -> Seen[CommendationData]:
    """What the edit dialog shows, with the version to save against (`save_commendation`)."""
    with db.read() as session:
        row = _load(session, commendation_id)
        return Seen(_data_of(row), row.version)


def _load(session: Session, commendation_id: int) -> Commendation:
    row = session.get(Commendation, commendation_id)
    if row is None:
        raise UserError("该表彰记录已不存在")
    return row


def _data_of(row: Commendation) -> CommendationData:
    return CommendationData(
        kind=row.kind,
        year=row.year,
        level=row.level,
        name=row.name,
        department=row.department,
        volunteer_id=row.volunteer_id,
        reason=row.reason,
        document_no=row.document_no,
        issuer=row.issuer,
        awarded_on=row.awarded_on,
    )


def save_commendation(
    db: Database,
    commendation_id: int | None,
    data: CommendationData,
    seen: Seen[CommendationData] | None = None,
) -> int:
    """Add (commendation_id None) or change a commendation. Changing one with `seen` (from
    `open_commendation`) writes only the clerk's changed fields; a clash with a newer change
    raises StaleRecord."""
    with db.write() as session:
        found = None if commendation_id is None else _load(session, commendation_id)
        old: dict[str, object] = {}
        if found is not None:
            what = f"表彰记录“{found.name}”"
            data = merge_edit(_data_of(found), found.version, seen, data, what)
            old = snapshot(found)
        kind = choice(data.kind, COMMENDATION_KINDS, "表彰类别")
        level = choice(data.level, COMMENDATION_LEVELS, "表彰级别")
        if not FIRST_YEAR <= data.year <= LAST_YEAR:
            raise UserError(f"年度 {data.year} 不正确")
        if data.awarded_on is not None and data.awarded_on.year not in (data.year, data.year + 1):
            raise UserError(
                f"表彰日期 {data.awarded_on:%Y-%m-%d} 与年度 {data.year} 不符（应在当年或次年）"
            )
        name = required(data.name, "表彰对象", 100)
        if data.volunteer_id is not None and session.get(Volunteer, data.volunteer_id) is None:
            raise UserError(f"“{name}”已不在志愿者花名册中")
        row = found or Commendation(kind=kind, year=data.year, level=level, name=name)
        if found is None:
            session.add(row)
        row.kind, row.year, row.level, row.name = kind, data.year, level, name
        row.department = optional(data.department, "科室", 50)
        row.volunteer_id = data.volunteer_id
        row.reason = (data.reason or "").strip()
        row.document_no = optional(data.document_no, "表彰文号", 100)
        row.issuer = optional(data.issuer, "表彰单位", 100)
        row.awarded_on = data.awarded_on
        session.flush()
        if found is None:
            audit.record(session, "create", "commendation", row.id, None, snapshot(row))
        else:
            before, after = changed(old, snapshot(row))
            audit.record(session, "update", "commendation", row.id, before, after)
        return row.id


def delete_commendation(db: Database, commendation_id: int) -> None:
    with db.write() as session:
        row = session.get(Commendation, commendation_id)
        if row is None:
            return
        old = snapshot(row)
        session.delete(row)
        audit.record(session, "delete", "commendation", commendation_id, old, None)
