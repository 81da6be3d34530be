"""What 首页 lists: this month's activities, uncovered villages, unmet checks, open sign-ins,
open requests, report deadlines due within 30 days, checkups waiting for a follow-up, quarters
without a leadership-group meeting and findings or meeting decisions overdue or due soon (the
roster figures come from the roster's own summary widget)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.services.activities.activity_checks import UnmetActivity, unmet_done_activities
from wenming_desktop.services.activities.coverage import uncovered_villages
from wenming_desktop.services.activities.requests import RequestRow, list_requests
from wenming_desktop.services.checkups.checkups import list_checkups
from wenming_desktop.services.filing.deadlines import DueDeadline, due_within
from wenming_desktop.services.filing.overview import Overview, load_overview
from wenming_desktop.services.office.alerts import OfficeAttention, attention
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.activities import ActivityFilter, ActivityRow, activity_rows
from wenming_desktop.storage.queries.activity_volunteers import OpenSignIn, open_sign_ins


@dataclass(frozen=True)
class HomeData:
    today: date
    overview: Overview
    month_activities: list[ActivityRow]
    uncovered: list[tuple[int, str]]
    unmet: list[UnmetActivity]
    open_sign_ins: list[OpenSignIn]
    open_requests: list[RequestRow]
    deadlines: list[DueDeadline]
    follow_ups: list[CheckupRow]  # abnormal checkups not yet followed up
    office: OfficeAttention  # the creation work: missing leadership meetings, 整改 due


def load_home(db: Database, today: date) -> HomeData:
    month_start = today.replace(day=1)
    next_month = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    month_end = date.fromordinal(next_month.toordinal() - 1)
    with db.read() as session:
        month = activity_rows(session, ActivityFilter(date_from=month_start, date_to=month_end))
        month.reverse()
        opens = open_sign_ins(session)
    return HomeData(
        today=today,
        overview=load_overview(db),
        month_activities=month,
        uncovered=uncovered_villages(db, today),
        unmet=unmet_done_activities(db, date(today.year, 1, 1), today),
        open_sign_ins=opens,
        open_requests=list_requests(db, open_only=True),
        deadlines=due_within(db, today, 30),
        follow_ups=list_checkups(db, open_follow_ups=True),
        office=attention(db, today),
    )
