"""The office's ledgers and meeting documents, for the window, the CLI and the packet:
会议台账, 整改台账, 评选表彰台账 of a period; a meeting's 会议记录 and 会议签到表."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wenming_desktop.domain.office import (
    DECISION_STATUS_LABELS,
    FindingStatus,
    closed_late,
    commendation_selection,
)
from wenming_desktop.domain.periods import Period
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.attachments import (
    is_image,
    list_owned_attachments,
    stored_path,
)
from wenming_desktop.services.office.alerts import quarter_checks
from wenming_desktop.services.office.inspections import FindingView, list_findings
from wenming_desktop.services.office.meetings import MeetingDetail, get_meeting
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.office_models import GroupMember
from wenming_desktop.storage.queries.office import (
    decision_rows,
    meeting_rows,
    period_commendation_rows,
)

MEETINGS_LEDGER = "会议台账.xlsx"
RECTIFICATION_LEDGER = "整改台账.xlsx"
COMMENDATIONS_LEDGER = "评选表彰台账.xlsx"


def _hospital(db: Database) -> str:
    return get_settings(db).get("hospital_name", "") or "本院"


def status_text(view: FindingView) -> str:
    """The ledger's status: the rule's status, noting a finding closed after its deadline."""
    if view.status is FindingStatus.DONE and view.late:
        return f"{view.status.value}（逾期完成）"
    return view.status.value


def export_meetings_ledger(db: Database, path: Path, period: Period, today: date) -> int:
    """会议台账 of the period; returns the number of meetings."""
    from wenming_desktop.exports.excel.office import write_meetings_ledger

    with db.read() as session:
        rows = meeting_rows(session, period.start, period.end)
    quarters = quarter_checks(db, period.start, period.end, today)
    write_meetings_ledger(path, _hospital(db), period.label, rows, quarters, today)
    return len(rows)


def export_rectification_ledger(db: Database, path: Path, period: Period, today: date) -> int:
    """Findings of the period's inspections and decisions of its meetings, with statuses;
    returns the number of findings."""
    from wenming_desktop.domain.office import finding_status
    from wenming_desktop.exports.excel.office import (
        DecisionLine,
        FindingLine,
        write_rectification_ledger,
    )

    findings = [
        FindingLine(
            inspected_on=v.row.inspected_on,
            inspection_kind=v.row.inspection_kind,
            inspector=v.row.inspector,
            description=v.row.description,
            department=v.row.department,
            person=v.row.person,
            deadline=v.row.deadline,
            measures=v.row.measures,
            closed_on=v.row.closed_on,
            confirmed_by=v.row.confirmed_by,
            status=status_text(v),
            evidence=v.row.evidence,
        )
        for v in list_findings(db, today, start=period.start, end=period.end)
    ]
    with db.read() as session:
        decisions = decision_rows(session, period.start, period.end)
    lines = []
    for d in decisions:
        status = finding_status(d.due_on, d.done_on, bool(d.progress.strip()), today)
        text = DECISION_STATUS_LABELS[status]
        if status is FindingStatus.DONE and closed_late(d.due_on, d.done_on):
            text += "（逾期完成）"
        lines.append(DecisionLine(d, text))
    write_rectification_ledger(path, _hospital(db), period.label, findings, lines, today)
    return len(findings)


def export_commendations_ledger(db: Database, path: Path, period: Period, today: date) -> int:
    """The period's commendations (domain.office.commendation_selection: a year's 年度 list,
    or those awarded within a shorter period), headed by the period; returns how many."""
    from wenming_desktop.exports.excel.office import write_commendations_ledger

    with db.read() as session:
        rows = period_commendation_rows(session, period)
    heading = commendation_selection(period).heading
    write_commendations_ledger(path, _hospital(db), heading, rows, today)
    return len(rows)


def signin_people(db: Database, detail: MeetingDetail) -> list[tuple[str, str, str]]:
    """(name, department, role) to print: the group's members in order, then the other
    recorded attendees; without a group, the recorded attendees."""
    from sqlalchemy import select

    people: list[tuple[str, str, str]] = []
    if detail.data.group_id is not None:
        with db.read() as session:
            members = session.scalars(
                select(GroupMember)
                .where(GroupMember.group_id == detail.data.group_id)
                .order_by(GroupMember.sort_order)
            ).all()
            people = [(m.name, m.department, m.role) for m in members]
    names = {p[0] for p in people}
    people += [(a.name, a.department, "") for a in detail.data.attendees if a.name not in names]
    return people


def meeting_stem(detail: MeetingDetail) -> str:
    return safe_filename(f"{detail.data.starts_at:%Y-%m-%d}_{detail.data.title}", max_length=80)


def export_meeting_signin(ws: Workspace, meeting_id: int, path: Path) -> Path:
    from wenming_desktop.exports.pdf.meeting import SigninPerson, write_meeting_signin

    detail = get_meeting(ws.db, meeting_id)
    people = [
        SigninPerson(name=name, department=department, role=role)
        for name, department, role in signin_people(ws.db, detail)
    ]
    write_meeting_signin(path, _hospital(ws.db), detail.data, detail.group, people)
    return path


def meeting_photos(ws: Workspace, meeting_id: int) -> list[tuple[Path | None, str]]:
    photos: list[tuple[Path | None, str]] = []
    for row in list_owned_attachments(ws.db, "meeting", meeting_id):
        if row.kind == "photo" and is_image(row):
            path = stored_path(ws.folder, row.sha256, row.suffix)
            photos.append((path if path.exists() else None, row.caption or row.original_name))
    return photos


def export_meeting_record(ws: Workspace, meeting_id: int, path: Path) -> Path:
    from wenming_desktop.exports.pdf.meeting import write_meeting_record

    detail = get_meeting(ws.db, meeting_id)
    photos = meeting_photos(ws, meeting_id)
    write_meeting_record(path, _hospital(ws.db), detail.data, detail.group, photos)
    return path
