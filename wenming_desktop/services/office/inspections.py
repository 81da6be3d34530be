"""Inspections (上级检查, 督查, 自查) and their findings: recording them, closing a finding
(整改完成) with who confirmed it, and the findings with their status (domain.office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.edits import Seen, merge_edit
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.office import (
    INSPECTION_KINDS,
    FindingStatus,
    closed_late,
    days_left,
    finding_status,
)
from wenming_desktop.domain.office_records import FindingData, InspectionData
from wenming_desktop.domain.office_rows import FindingRow, InspectionRow
from wenming_desktop.services.activities.attachments import owned_files, remove_unused_files
from wenming_desktop.services.office.common import changed, choice, optional, required, snapshot
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.office_models import Finding, Inspection
from wenming_desktop.storage.queries.office import finding_rows, inspection_rows


@dataclass(frozen=True)
class FindingView:
    """A finding with its status on `today` (the one rule: domain.office.finding_status)."""

    row: FindingRow
    status: FindingStatus
    days_left: int | None  # negative: days overdue
    late: bool  # closed after its deadline


def view(row: FindingRow, today: date) -> FindingView:
    status = finding_status(row.deadline, row.closed_on, bool(row.measures.strip()), today)
    return FindingView(
        row, status, days_left(row.deadline, today), closed_late(row.deadline, row.closed_on)
    )


def list_inspections(
    db: Database, start: date | None = None, end: date | None = None
) -> list[InspectionRow]:
    with db.read() as session:
        return inspection_rows(session, start, end)


def list_findings(
    db: Database,
    today: date,
    inspection_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    open_only: bool = False,
) -> list[FindingView]:
    with db.read() as session:
        rows = finding_rows(session, inspection_id, start, end, open_only)
    return [view(r, today) for r in rows]


def get_inspection(db: Database, inspection_id: int) -> InspectionData:
    return open_inspection(db, inspection_id).data


def open_inspection(db: Database, inspection_id: int) -> Seen[InspectionData]:
    """What the edit dialog shows, with the version to save against (`save_inspection`)."""
    with db.read() as session:
        row = _inspection(session, inspection_id)
        return Seen(_inspection_data(row), row.version)


def _inspection(session: Session, inspection_id: int) -> Inspection:
    row = session.get(Inspection, inspection_id)
    if row is None:
        raise UserError("该检查记录已不存在")
    return row


def _inspection_data(row: Inspection) -> InspectionData:
    return InspectionData(
        kind=row.kind,
        inspected_on=row.inspected_on,
        inspector=row.inspector,
        scope=row.scope,
        notes=row.notes,
    )


def save_inspection(
    db: Database,
    inspection_id: int | None,
    data: InspectionData,
    seen: Seen[InspectionData] | None = None,
) -> int:
    """Add (inspection_id None) or change an inspection. Changing one with `seen` (from
    `open_inspection`) writes only the clerk's changed fields; a clash with a newer change
    raises StaleRecord."""
    with db.write() as session:
        found = None if inspection_id is None else _inspection(session, inspection_id)
        old: dict[str, object] = {}
        if found is not None:
            what = f"{found.inspected_on:%Y-%m-%d} 的检查记录"
            data = merge_edit(_inspection_data(found), found.version, seen, data, what)
            old = snapshot(found)
        kind = choice(data.kind, INSPECTION_KINDS, "检查类型")
        inspector = required(data.inspector, "检查单位（由谁检查）", 100)
        row = found or Inspection(kind=kind, inspected_on=data.inspected_on)
        if found is None:
            session.add(row)
        row.kind = kind
        row.inspected_on = data.inspected_on
        row.inspector = inspector
        row.scope = (data.scope or "").strip()
        row.notes = (data.notes or "").strip()
        session.flush()
        if found is None:
            audit.record(session, "create", "inspection", row.id, None, snapshot(row))
        else:
            before, after = changed(old, snapshot(row))
            audit.record(session, "update", "inspection", row.id, before, after)
        return row.id


def delete_inspection(db: Database, folder: DataFolder, inspection_id: int) -> None:
    """Delete an inspection with its findings and their evidence (files only they used)."""
    with db.read() as session:
        ids = [f.id for f in finding_rows(session, inspection_id)]
    files: set[tuple[str, str]] = set()
    for finding_id in ids:
        files |= owned_files(db, "finding", finding_id)
    with db.write() as session:
        row = session.get(Inspection, inspection_id)
        if row is None:
            return
        old = snapshot(row) | {"findings": len(ids)}
        session.delete(row)
        audit.record(session, "delete", "inspection", inspection_id, old, None)
    remove_unused_files(db, folder, files)


def get_finding(db: Database, finding_id: int) -> FindingData:
    return open_finding(db, finding_id).data


def open_finding(db: Database, finding_id: int) -> Seen[FindingData]:
    """What the edit dialog shows, with the version to save against (`save_finding`)."""
    with db.read() as session:
        row = session.get(Finding, finding_id)
        if row is None:
            raise UserError("该整改事项已不存在")
        return Seen(_finding_data(row), row.version)


def _finding_data(row: Finding) -> FindingData:
    return FindingData(
        description=row.description,
        department=row.department,
        person=row.person,
        deadline=row.deadline,
        measures=row.measures,
        closed_on=row.closed_on,
        confirmed_by=row.confirmed_by,
    )


def save_finding(
    db: Database,
    inspection_id: int,
    finding_id: int | None,
    data: FindingData,
    seen: Seen[FindingData] | None = None,
) -> int:
    """Add a finding to an inspection (finding_id None) or change one, closing date included.

    A closed finding names who confirmed it; it cannot be closed before the inspection found it.
    Changing one with `seen` (from `open_finding`) writes only the clerk's changed fields; a
    clash with a newer change (e.g. closed on another PC meanwhile) raises StaleRecord.
    """
    with db.write() as session:
        inspection = _inspection(session, inspection_id)
        found = None
        old: dict[str, object] = {}
        if finding_id is not None:
            found = session.get(Finding, finding_id)
            if found is None or found.inspection_id != inspection_id:
                raise UserError("该整改事项已不存在")
            what = f"整改事项“{found.description[:20]}”"
            data = merge_edit(_finding_data(found), found.version, seen, data, what)
            old = snapshot(found)
        description = required(data.description, "存在问题", 2000)
        confirmed_by = optional(data.confirmed_by, "确认人", 50)
        if data.closed_on is not None and not confirmed_by:
            raise UserError("整改已完成时请填写确认人")
        found_on = f"{inspection.inspected_on:%Y-%m-%d}"
        if data.closed_on is not None and data.closed_on < inspection.inspected_on:
            raise UserError(f"完成日期 {data.closed_on:%Y-%m-%d} 早于检查日期 {found_on}")
        if data.deadline is not None and data.deadline < inspection.inspected_on:
            raise UserError(f"整改时限 {data.deadline:%Y-%m-%d} 早于检查日期 {found_on}")
        row = found or Finding(inspection_id=inspection_id, description=description)
        if found is None:
            session.add(row)
        row.description = description
        row.department = optional(data.department, "责任科室", 50)
        row.person = optional(data.person, "责任人", 50)
        row.deadline = data.deadline
        row.measures = (data.measures or "").strip()
        row.closed_on = data.closed_on
        row.confirmed_by = confirmed_by if data.closed_on is not None else ""
        session.flush()
        if found is None:
            audit.record(session, "create", "finding", row.id, None, snapshot(row))
        else:
            before, after = changed(old, snapshot(row))
            audit.record(session, "update", "finding", row.id, before, after)
        return row.id


def inspection_of(db: Database, finding_id: int) -> int:
    with db.read() as session:
        row = session.get(Finding, finding_id)
        if row is None:
            raise UserError("该整改事项已不存在")
        return row.inspection_id


def delete_finding(db: Database, folder: DataFolder, finding_id: int) -> None:
    files = owned_files(db, "finding", finding_id)
    with db.write() as session:
        row = session.get(Finding, finding_id)
        if row is None:
            return
        old = snapshot(row)
        session.delete(row)
        audit.record(session, "delete", "finding", finding_id, old, None)
    remove_unused_files(db, folder, files)
