"""Meetings: recording one (attendees, absentees with reasons, agenda, minutes, decisions),
reading it back, deleting it with the files only it used, and listing a period's meetings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.edits import Seen, merge_edit
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.office import MEETING_KINDS
from wenming_desktop.domain.office_records import AttendeeData, DecisionData, MeetingData
from wenming_desktop.domain.office_rows import MeetingRow
from wenming_desktop.services.activities.attachments import owned_files, remove_unused_files
from wenming_desktop.services.office.common import changed, choice, optional, required, snapshot
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import touch
from wenming_desktop.storage.office_models import (
    Meeting,
    MeetingAttendee,
    MeetingDecision,
    OfficeGroup,
)
from wenming_desktop.storage.queries.office import meeting_rows


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    data: MeetingData
    group: str  # the group's name, "" when none


def list_meetings(
    db: Database, start: date | None = None, end: date | None = None
) -> list[MeetingRow]:
    with db.read() as session:
        return meeting_rows(session, start, end)


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.read() as session:
        meeting = _load(session, meeting_id)
        group = session.get(OfficeGroup, meeting.group_id) if meeting.group_id else None
        return MeetingDetail(meeting_id, _data_of(meeting), group.name if group else "")


def open_meeting(db: Database, meeting_id: int) -> Seen[MeetingData]:
    """What the edit dialog shows, with the version to save against (`save_meeting`)."""
    with db.read() as session:
        meeting = _load(session, meeting_id)
        return Seen(_data_of(meeting), meeting.version)


def _load(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(f"编号为 {meeting_id} 的会议不存在")
    return meeting


def _data_of(meeting: Meeting) -> MeetingData:
    return MeetingData(
        kind=meeting.kind,
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        chair=meeting.chair,
        recorder=meeting.recorder,
        group_id=meeting.group_id,
        agenda=meeting.agenda,
        minutes=meeting.minutes,
        notes=meeting.notes,
        attendees=tuple(
            AttendeeData(
                name=a.name,
                department=a.department,
                present=a.present,
                absence_reason=a.absence_reason,
                volunteer_id=a.volunteer_id,
            )
            for a in meeting.attendees
        ),
        decisions=tuple(
            DecisionData(
                content=d.content,
                owner=d.owner,
                due_on=d.due_on,
                done_on=d.done_on,
                progress=d.progress,
            )
            for d in meeting.decisions
        ),
    )


def _clean(data: MeetingData) -> MeetingData:
    if data.ends_at is not None and data.ends_at < data.starts_at:
        raise UserError("会议结束时间早于开始时间")
    attendees = []
    for i, a in enumerate(data.attendees, start=1):
        name = required(a.name, f"第 {i} 位参会人员的姓名", 50)
        reason = optional(a.absence_reason, f"“{name}”的缺席原因", 100)
        if not a.present and not reason:
            raise UserError(f"“{name}”未出席，请填写缺席原因")
        attendees.append(
            replace(
                a,
                name=name,
                department=optional(a.department, f"“{name}”的科室", 50),
                absence_reason="" if a.present else reason,
            )
        )
    decisions = []
    for i, d in enumerate(data.decisions, start=1):
        decisions.append(
            replace(
                d,
                content=required(d.content, f"第 {i} 项决定事项的内容", 2000),
                owner=optional(d.owner, f"第 {i} 项决定事项的责任人", 100),
                progress=(d.progress or "").strip(),
            )
        )
    return replace(
        data,
        kind=choice(data.kind, MEETING_KINDS, "会议类型"),
        title=required(data.title, "会议名称", 200),
        place=optional(data.place, "会议地点", 200),
        chair=optional(data.chair, "主持人", 50),
        recorder=optional(data.recorder, "记录人", 50),
        agenda=(data.agenda or "").strip(),
        minutes=(data.minutes or "").strip(),
        notes=(data.notes or "").strip(),
        attendees=tuple(attendees),
        decisions=tuple(decisions),
    )


def _audit_values(meeting: Meeting, data: MeetingData) -> dict[str, object]:
    return snapshot(meeting) | {
        "attendees": [
            a.name if a.present else f"{a.name}（缺席：{a.absence_reason}）" for a in data.attendees
        ],
        "decisions": [
            f"{d.content}｜{d.owner}｜{d.due_on or ''}｜{d.done_on or ''}" for d in data.decisions
        ],
    }


def save_meeting(
    db: Database,
    meeting_id: int | None,
    data: MeetingData,
    seen: Seen[MeetingData] | None = None,
) -> int:
    """Add (meeting_id None) or change a meeting with its attendees and decisions. Changing
    one with `seen` (from `open_meeting`) writes only the clerk's changed fields (the attendee
    list and the decision list count as one field each); a clash with a newer change raises
    StaleRecord."""
    with db.write() as session:
        found = None if meeting_id is None else _load(session, meeting_id)
        old: dict[str, object] = {}
        stored: MeetingData | None = None
        if found is not None:
            stored = _data_of(found)
            what = f"会议“{found.title}”"
            data = merge_edit(stored, found.version, seen, data, what)
            old = _audit_values(found, stored)
        clean = _clean(data)
        if clean.group_id is not None and session.get(OfficeGroup, clean.group_id) is None:
            raise UserError("所选小组已不存在")
        meeting = found or Meeting(kind=clean.kind, title=clean.title, starts_at=clean.starts_at)
        if found is None:
            session.add(meeting)
        for key in (
            "kind", "title", "starts_at", "ends_at", "place", "chair", "recorder", "group_id",
            "agenda", "minutes", "notes",
        ):  # fmt: skip
            setattr(meeting, key, getattr(clean, key))
        lists_changed = stored is None or (stored.attendees, stored.decisions) != (
            clean.attendees,
            clean.decisions,
        )
        if lists_changed:
            _replace_lists(meeting, clean)
            if found is not None:
                touch(meeting, "title")  # the version moves on for a list-only change too
        session.flush()
        new = _audit_values(meeting, clean)
        if found is None:
            audit.record(session, "create", "meeting", meeting.id, None, new)
        else:
            before, after = changed(old, new)
            audit.record(session, "update", "meeting", meeting.id, before, after)
        return meeting.id


def _replace_lists(meeting: Meeting, clean: MeetingData) -> None:
    meeting.attendees = [
        MeetingAttendee(
            name=a.name,
            department=a.department,
            present=a.present,
            absence_reason=a.absence_reason,
            volunteer_id=a.volunteer_id,
            sort_order=i,
        )
        for i, a in enumerate(clean.attendees)
    ]
    meeting.decisions = [
        MeetingDecision(
            content=d.content,
            owner=d.owner,
            due_on=d.due_on,
            done_on=d.done_on,
            progress=d.progress,
            sort_order=i,
        )
        for i, d in enumerate(clean.decisions)
    ]


def delete_meeting(db: Database, folder: DataFolder, meeting_id: int) -> None:
    """Delete a meeting, its attendees, decisions and attachments (and files only it used)."""
    files = owned_files(db, "meeting", meeting_id)
    with db.write() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            return
        old = snapshot(meeting)
        session.delete(meeting)
        audit.record(session, "delete", "meeting", meeting_id, old, None)
    remove_unused_files(db, folder, files)
