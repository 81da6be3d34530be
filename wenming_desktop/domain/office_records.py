"""The records of the office's creation work as plain values: what a dialog hands to a service.

Groups with members, meetings with attendees and decisions, inspections with findings, and
commendations. The rules that apply to them are in domain/office.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class MemberData:
    """A member of a standing group: from the roster (`volunteer_id`) or typed in."""

    name: str
    role: str = "成员"
    department: str = ""
    position: str = ""  # 职务, as printed on the member list
    volunteer_id: int | None = None


@dataclass(frozen=True)
class GroupData:
    name: str
    is_leadership: bool = False  # its meetings count for the quarterly rule
    established_on: date | None = None
    duties: str = ""
    notes: str = ""
    members: tuple[MemberData, ...] = ()


@dataclass(frozen=True)
class AttendeeData:
    name: str
    department: str = ""
    present: bool = True
    absence_reason: str = ""
    volunteer_id: int | None = None


@dataclass(frozen=True)
class DecisionData:
    """A decision of a meeting, tracked like a finding (owner, due date, closing date)."""

    content: str
    owner: str = ""
    due_on: date | None = None
    done_on: date | None = None
    progress: str = ""


@dataclass(frozen=True)
class MeetingData:
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    place: str = ""
    chair: str = ""
    recorder: str = ""
    group_id: int | None = None
    agenda: str = ""
    minutes: str = ""
    notes: str = ""
    attendees: tuple[AttendeeData, ...] = ()
    decisions: tuple[DecisionData, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class InspectionData:
    kind: str
    inspected_on: date
    inspector: str  # by whom: the inspecting body or team
    scope: str = ""
    notes: str = ""


@dataclass(frozen=True)
class FindingData:
    description: str
    department: str = ""
    person: str = ""
    deadline: date | None = None
    measures: str = ""  # what was done
    closed_on: date | None = None
    confirmed_by: str = ""


@dataclass(frozen=True)
class CommendationData:
    kind: str
    year: int
    level: str
    name: str  # the person or the department commended
    department: str = ""
    volunteer_id: int | None = None
    reason: str = ""
    document_no: str = ""  # 表彰文号
    issuer: str = ""  # 表彰单位
    awarded_on: date | None = None
