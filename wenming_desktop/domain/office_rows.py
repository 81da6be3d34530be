"""The row types of the office's lists and ledgers (groups, meetings, inspections, findings,
decisions, commendations): plain NamedTuples shared by the queries, the window and the ledger
writers, built by column name (storage/queries/rows.rows_as)."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple


class GroupRow(NamedTuple):
    id: int
    name: str
    is_leadership: bool
    established_on: date | None
    members: int


class MeetingRow(NamedTuple):
    id: int
    starts_at: datetime
    kind: str
    title: str
    group: str
    place: str
    chair: str
    present: int
    absent: int
    decisions: int
    attachments: int
    agenda: str


class InspectionRow(NamedTuple):
    id: int
    inspected_on: date
    kind: str
    inspector: str
    scope: str
    findings: int
    open_findings: int


class FindingRow(NamedTuple):
    id: int
    inspection_id: int
    inspected_on: date
    inspection_kind: str
    inspector: str
    description: str
    department: str
    person: str
    deadline: date | None
    measures: str
    closed_on: date | None
    confirmed_by: str
    evidence: int


class DecisionRow(NamedTuple):
    id: int
    meeting_id: int
    meeting_day: datetime
    meeting_title: str
    content: str
    owner: str
    due_on: date | None
    done_on: date | None
    progress: str


class CommendationRow(NamedTuple):
    id: int
    year: int
    kind: str
    level: str
    name: str
    department: str
    reason: str
    document_no: str
    issuer: str
    awarded_on: date | None
    volunteer_id: int | None
