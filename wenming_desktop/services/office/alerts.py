"""What needs the office's attention in its creation work, for 首页 and the period's summary:
quarters without a leadership-group meeting, and findings or meeting decisions overdue or due
soon (the rules: domain.office)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wenming_desktop.domain.office import (
    LEADERSHIP_MEETING,
    FindingStatus,
    QuarterCheck,
    QuarterState,
    days_left,
    finding_status,
    is_due_soon,
    leadership_quarters,
    missing_quarters,
    quarter_bounds,
    quarter_of,
)
from wenming_desktop.domain.periods import Period
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.office import (
    decision_rows,
    finding_rows,
    has_leadership_group,
    leadership_group_since,
    leadership_meeting_days,
    meeting_rows,
    office_records_start,
    period_commendation_rows,
)

FINDING = "检查整改"
DECISION = "会议决定"


@dataclass(frozen=True)
class TrackedItem:
    """An open finding or meeting decision that is overdue or due soon."""

    source: str  # FINDING or DECISION
    id: int  # the finding's or the decision's id
    owner_id: int  # the inspection's or the meeting's id
    what: str
    responsible: str
    deadline: date
    status: FindingStatus
    days_left: int  # negative: days overdue
    due_soon: bool


@dataclass(frozen=True)
class OfficeAttention:
    quarters: list[QuarterCheck]  # this year's and last year's, from the group's set-up
    items: list[TrackedItem]  # overdue first, then by deadline
    group_set_up: bool = True  # False: no 创建领导小组 recorded yet (and no quarters checked)

    @property
    def missing(self) -> list[QuarterCheck]:
        return missing_quarters(self.quarters)

    @property
    def pending(self) -> QuarterCheck | None:
        return next((q for q in self.quarters if q.state is QuarterState.PENDING), None)


@dataclass(frozen=True)
class PeriodOffice:
    """The period's creation work, for the summary."""

    meetings: int
    leadership_meetings: int
    quarters: list[QuarterCheck]
    findings: int
    findings_closed: int
    overdue: list[TrackedItem]
    commendations: int


def quarter_checks(db: Database, start: date, end: date, today: date) -> list[QuarterCheck]:
    """The quarterly rule over the quarters touching [start, end], from the day the leadership
    group was set up (without a recorded date, from the first day of the office's records in
    this program: no quarter before it is listed as missed). A quarter's meetings are counted
    over the whole quarter, also when the period is a month of it: a month's ledger says
    whether its quarter has had its meeting."""
    with db.read() as session:
        since = leadership_group_since(session) or office_records_start(session)
        first = max(start, since) if since is not None else start
        if first > end:
            return []
        counted_from = quarter_bounds(*quarter_of(first))[0]
        if since is not None:
            counted_from = max(counted_from, since)
        counted_to = quarter_bounds(*quarter_of(end))[1]
        days = leadership_meeting_days(session, counted_from, counted_to)
    return leadership_quarters(days, first, end, today)


def tracked_items(db: Database, today: date) -> list[TrackedItem]:
    """Open findings and decisions that are overdue or due within the window."""
    with db.read() as session:
        findings = finding_rows(session, open_only=True)
        decisions = decision_rows(session, open_only=True, with_due_date=True)
    items: list[TrackedItem] = []
    for f in findings:
        status = finding_status(f.deadline, f.closed_on, bool(f.measures.strip()), today)
        soon = is_due_soon(f.deadline, f.closed_on, today)
        if f.deadline is not None and (status is FindingStatus.OVERDUE or soon):
            items.append(
                TrackedItem(
                    source=FINDING,
                    id=f.id,
                    owner_id=f.inspection_id,
                    what=f.description,
                    responsible="　".join(x for x in (f.department, f.person) if x),
                    deadline=f.deadline,
                    status=status,
                    days_left=days_left(f.deadline, today) or 0,
                    due_soon=soon,
                )
            )
    for d in decisions:
        status = finding_status(d.due_on, d.done_on, bool(d.progress.strip()), today)
        soon = is_due_soon(d.due_on, d.done_on, today)
        if d.due_on is not None and (status is FindingStatus.OVERDUE or soon):
            items.append(
                TrackedItem(
                    source=DECISION,
                    id=d.id,
                    owner_id=d.meeting_id,
                    what=d.content,
                    responsible=d.owner,
                    deadline=d.due_on,
                    status=status,
                    days_left=days_left(d.due_on, today) or 0,
                    due_soon=soon,
                )
            )
    items.sort(key=lambda i: (i.status is not FindingStatus.OVERDUE, i.deadline, i.source))
    return items


def attention(db: Database, today: date) -> OfficeAttention:
    start = date(today.year - 1, 1, 1)
    end = date(today.year, 12, 31)
    with db.read() as session:
        group_set_up = has_leadership_group(session)
    quarters = quarter_checks(db, start, end, today) if group_set_up else []
    return OfficeAttention(quarters, tracked_items(db, today), group_set_up)


def period_office(db: Database, period: Period, today: date) -> PeriodOffice:
    """Meetings, the quarterly rule, 整改 and commendations of a period."""
    with db.read() as session:
        meetings = meeting_rows(session, period.start, period.end)
        findings = finding_rows(session, start=period.start, end=period.end)
        commendations = period_commendation_rows(session, period)
    # The period's own findings that are overdue today: a summary of a past period never
    # lists a finding raised after it.
    own = {f.id for f in findings}
    overdue = [
        i
        for i in tracked_items(db, today)
        if i.status is FindingStatus.OVERDUE and i.source == FINDING and i.id in own
    ]
    return PeriodOffice(
        meetings=len(meetings),
        leadership_meetings=sum(1 for m in meetings if m.kind == LEADERSHIP_MEETING),
        quarters=quarter_checks(db, period.start, period.end, today),
        findings=len(findings),
        findings_closed=sum(1 for f in findings if f.closed_on is not None),
        overdue=overdue,
        commendations=len(commendations),
    )
