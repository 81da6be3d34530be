"""Queries of the office's creation work: meeting, inspection, finding, decision and
commendation rows (row types: domain/office_rows.py, built by column name), and the days of
leadership-group meetings."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.office import LEADERSHIP_MEETING, commendation_selection
from wenming_desktop.domain.office_rows import (
    CommendationRow,
    DecisionRow,
    FindingRow,
    GroupRow,
    InspectionRow,
    MeetingRow,
)
from wenming_desktop.domain.periods import Period
from wenming_desktop.storage.models import Attachment, AuditEntry
from wenming_desktop.storage.office_models import (
    Commendation,
    Finding,
    Inspection,
    Meeting,
    MeetingAttendee,
    MeetingDecision,
    OfficeGroup,
)
from wenming_desktop.storage.queries.rows import rows_as


def _day_range(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min), datetime.combine(end, time.max)


def group_rows(session: Session) -> list[GroupRow]:
    from wenming_desktop.storage.office_models import GroupMember

    members = (
        select(func.count())
        .where(GroupMember.group_id == OfficeGroup.id)
        .correlate(OfficeGroup)
        .scalar_subquery()
    )
    stmt = select(
        OfficeGroup.id,
        OfficeGroup.name,
        OfficeGroup.is_leadership,
        OfficeGroup.established_on,
        members.label("members"),
    ).order_by(OfficeGroup.is_leadership.desc(), OfficeGroup.id)
    return rows_as(GroupRow, session.execute(stmt))


def meeting_rows(
    session: Session, start: date | None = None, end: date | None = None
) -> list[MeetingRow]:
    """Meetings between `start` and `end` (inclusive; None = open), oldest first."""
    present = (
        select(func.count())
        .where(MeetingAttendee.meeting_id == Meeting.id, MeetingAttendee.present.is_(True))
        .correlate(Meeting)
        .scalar_subquery()
    )
    absent = (
        select(func.count())
        .where(MeetingAttendee.meeting_id == Meeting.id, MeetingAttendee.present.is_(False))
        .correlate(Meeting)
        .scalar_subquery()
    )
    decisions = (
        select(func.count())
        .where(MeetingDecision.meeting_id == Meeting.id)
        .correlate(Meeting)
        .scalar_subquery()
    )
    files = (
        select(func.count())
        .where(Attachment.meeting_id == Meeting.id)
        .correlate(Meeting)
        .scalar_subquery()
    )
    stmt = (
        select(
            Meeting.id,
            Meeting.starts_at,
            Meeting.kind,
            Meeting.title,
            func.coalesce(OfficeGroup.name, "").label("group"),
            Meeting.place,
            Meeting.chair,
            present.label("present"),
            absent.label("absent"),
            decisions.label("decisions"),
            files.label("attachments"),
            Meeting.agenda,
        )
        .outerjoin(OfficeGroup, OfficeGroup.id == Meeting.group_id)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if start is not None:
        stmt = stmt.where(Meeting.starts_at >= _day_range(start, start)[0])
    if end is not None:
        stmt = stmt.where(Meeting.starts_at <= _day_range(end, end)[1])
    return rows_as(MeetingRow, session.execute(stmt))


def leadership_meeting_days(session: Session, start: date, end: date) -> list[date]:
    """Days of 领导小组会议 between `start` and `end` (inclusive)."""
    low, high = _day_range(start, end)
    stmt = select(Meeting.starts_at).where(
        Meeting.kind == LEADERSHIP_MEETING, Meeting.starts_at >= low, Meeting.starts_at <= high
    )
    return [value.date() for value in session.scalars(stmt)]


def leadership_group_since(session: Session) -> date | None:
    """When the first leadership group was set up (None: no date recorded)."""
    return session.scalar(
        select(func.min(OfficeGroup.established_on)).where(OfficeGroup.is_leadership.is_(True))
    )


def has_leadership_group(session: Session) -> bool:
    """Whether a 创建领导小组 has been recorded at all."""
    stmt = select(OfficeGroup.id).where(OfficeGroup.is_leadership.is_(True)).limit(1)
    return session.scalar(stmt) is not None


def office_records_start(session: Session) -> date | None:
    """The first day the office's records show: the earlier of the first change written to the
    audit log and the first meeting (a meeting entered afterwards may be older); None when
    there is neither."""
    first_change = session.scalar(select(func.min(AuditEntry.at)))
    first_meeting = session.scalar(select(func.min(Meeting.starts_at)))
    days = [value.date() for value in (first_change, first_meeting) if value is not None]
    return min(days) if days else None


def inspection_rows(
    session: Session, start: date | None = None, end: date | None = None
) -> list[InspectionRow]:
    total = (
        select(func.count())
        .where(Finding.inspection_id == Inspection.id)
        .correlate(Inspection)
        .scalar_subquery()
    )
    open_ = (
        select(func.count())
        .where(Finding.inspection_id == Inspection.id, Finding.closed_on.is_(None))
        .correlate(Inspection)
        .scalar_subquery()
    )
    stmt = select(
        Inspection.id,
        Inspection.inspected_on,
        Inspection.kind,
        Inspection.inspector,
        Inspection.scope,
        total.label("findings"),
        open_.label("open_findings"),
    ).order_by(Inspection.inspected_on.desc(), Inspection.id.desc())
    if start is not None:
        stmt = stmt.where(Inspection.inspected_on >= start)
    if end is not None:
        stmt = stmt.where(Inspection.inspected_on <= end)
    return rows_as(InspectionRow, session.execute(stmt))


def finding_rows(
    session: Session,
    inspection_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    open_only: bool = False,
) -> list[FindingRow]:
    """Findings of one inspection, or of inspections held between `start` and `end`; with
    `open_only`, only those not closed. Ordered by inspection day, then as recorded."""
    evidence = (
        select(func.count())
        .where(Attachment.finding_id == Finding.id)
        .correlate(Finding)
        .scalar_subquery()
    )
    stmt = (
        select(
            Finding.id,
            Finding.inspection_id,
            Inspection.inspected_on,
            Inspection.kind.label("inspection_kind"),
            Inspection.inspector,
            Finding.description,
            Finding.department,
            Finding.person,
            Finding.deadline,
            Finding.measures,
            Finding.closed_on,
            Finding.confirmed_by,
            evidence.label("evidence"),
        )
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .order_by(Inspection.inspected_on, Inspection.id, Finding.id)
    )
    if inspection_id is not None:
        stmt = stmt.where(Finding.inspection_id == inspection_id)
    if start is not None:
        stmt = stmt.where(Inspection.inspected_on >= start)
    if end is not None:
        stmt = stmt.where(Inspection.inspected_on <= end)
    if open_only:
        stmt = stmt.where(Finding.closed_on.is_(None))
    return rows_as(FindingRow, session.execute(stmt))


def decision_rows(
    session: Session,
    start: date | None = None,
    end: date | None = None,
    open_only: bool = False,
    with_due_date: bool = False,
) -> list[DecisionRow]:
    """Decisions of meetings held between `start` and `end`, oldest meeting first."""
    stmt = (
        select(
            MeetingDecision.id,
            MeetingDecision.meeting_id,
            Meeting.starts_at.label("meeting_day"),
            Meeting.title.label("meeting_title"),
            MeetingDecision.content,
            MeetingDecision.owner,
            MeetingDecision.due_on,
            MeetingDecision.done_on,
            MeetingDecision.progress,
        )
        .join(Meeting, Meeting.id == MeetingDecision.meeting_id)
        .order_by(Meeting.starts_at, MeetingDecision.sort_order, MeetingDecision.id)
    )
    if start is not None:
        stmt = stmt.where(Meeting.starts_at >= _day_range(start, start)[0])
    if end is not None:
        stmt = stmt.where(Meeting.starts_at <= _day_range(end, end)[1])
    if open_only:
        stmt = stmt.where(MeetingDecision.done_on.is_(None))
    if with_due_date:
        stmt = stmt.where(MeetingDecision.due_on.is_not(None))
    return rows_as(DecisionRow, session.execute(stmt))


def commendation_rows(
    session: Session,
    first_year: int | None = None,
    last_year: int | None = None,
    volunteer_id: int | None = None,
    awarded: tuple[date, date] | None = None,
) -> list[CommendationRow]:
    """Commendations of the years [first_year, last_year], awarded within `awarded` (inclusive
    dates) or of one volunteer, newest first."""
    stmt = select(
        Commendation.id,
        Commendation.year,
        Commendation.kind,
        Commendation.level,
        Commendation.name,
        Commendation.department,
        Commendation.reason,
        Commendation.document_no,
        Commendation.issuer,
        Commendation.awarded_on,
        Commendation.volunteer_id,
    ).order_by(Commendation.year.desc(), Commendation.awarded_on.desc(), Commendation.id)
    conditions = []
    if first_year is not None:
        conditions.append(Commendation.year >= first_year)
    if last_year is not None:
        conditions.append(Commendation.year <= last_year)
    if volunteer_id is not None:
        conditions.append(Commendation.volunteer_id == volunteer_id)
    if awarded is not None:
        conditions.append(Commendation.awarded_on.between(awarded[0], awarded[1]))
    if conditions:
        stmt = stmt.where(and_(*conditions))
    return rows_as(CommendationRow, session.execute(stmt))


def period_commendation_rows(session: Session, period: Period) -> list[CommendationRow]:
    """The commendations that belong to a reporting period (domain.office.commendation_selection:
    a whole year by 年度, a shorter period by 表彰日期), newest first."""
    chosen = commendation_selection(period)
    if chosen.years is not None:
        return commendation_rows(session, chosen.years[0], chosen.years[1])
    return commendation_rows(session, awarded=chosen.awarded)
