"""Rules of the office's creation work (创建工作): standing groups, meetings, 整改, commendations.

What belongs here: the fixed vocabularies of this work, the quarterly leadership-meeting rule and
the status of a finding (or of a meeting's decision) — each written once, with its source. The
records themselves are in domain/office_records.py; storage and services only apply these.

Sources (the policy documents the office follows):
- "每季度至少召开一次创建领导小组会议，分析研究创建工作，及时发现问题、解决问题，协调工作，
  布置任务" — the leadership group's duties (创建领导小组工作职责).
- "对市领导调研检查交办事项在规定时间内答复，或者整改到位" and "限期进行整改" — a finding
  has a deadline and is closed when it is rectified.
- "选树道德模范、身边好人、最美人物等先进典型" and the 创先争优 commendations — the kinds of
  commendation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from wenming_desktop.domain.periods import Period

# Roles in a standing group, in the order a member list is printed.
GROUP_ROLES: tuple[str, ...] = ("组长", "副组长", "办公室主任", "成员")
LEADERSHIP_GROUP = "创建领导小组"

LEADERSHIP_MEETING = "领导小组会议"
MEETING_KINDS: tuple[str, ...] = (
    LEADERSHIP_MEETING,
    "办公室会议",
    "专题学习",
    "工作推进会",
    "其他会议",
)

INSPECTION_KINDS: tuple[str, ...] = ("上级检查", "督查", "自查")

COMMENDATION_KINDS: tuple[str, ...] = (
    "道德模范",
    "身边好人",
    "文明科室",
    "优秀志愿者",
    "健康家庭",
    "先进党支部",
    "优秀共产党员",
    "其他",
)
COMMENDATION_LEVELS: tuple[str, ...] = ("院级", "县级", "市级", "省级", "国家级")

# Labels of attachment kinds when a meeting or a finding owns the file (an activity's own
# labels are domain.vocabulary.AttachmentKind's).
OFFICE_ATTACHMENT_LABELS: dict[str, str] = {
    "photo": "照片",
    "signin_scan": "签到表扫描件",
    "other": "文件",
}
MEETING_ATTACHMENT_KINDS: tuple[str, ...] = ("signin_scan", "photo", "other")
FINDING_ATTACHMENT_KINDS: tuple[str, ...] = ("photo", "other")

# An open finding or decision whose deadline is this many days away or fewer is "due soon"
# (today counts as 0). A week leaves the office time to chase the responsible department.
DUE_SOON_DAYS = 7


class FindingStatus(StrEnum):
    """Where a finding (or a meeting's decision) stands; the values are what the clerk reads."""

    PENDING = "待整改"
    IN_PROGRESS = "整改中"
    DONE = "已整改"
    OVERDUE = "逾期"


def finding_status(
    deadline: date | None, closed_on: date | None, started: bool, today: date
) -> FindingStatus:
    """The one definition of a finding's status.

    Closed (a closing date is set) → 已整改, whatever the deadline; open past its deadline → 逾期
    (the deadline day itself is still in time); open with work recorded (`started`: what was done
    is written down) → 整改中; otherwise 待整改. A finding without a deadline is never 逾期.
    """
    if closed_on is not None:
        return FindingStatus.DONE
    if deadline is not None and deadline < today:
        return FindingStatus.OVERDUE
    return FindingStatus.IN_PROGRESS if started else FindingStatus.PENDING


# The same statuses as a meeting's decision reads them (it is carried out, not rectified).
DECISION_STATUS_LABELS: dict[FindingStatus, str] = {
    FindingStatus.PENDING: "待落实",
    FindingStatus.IN_PROGRESS: "落实中",
    FindingStatus.DONE: "已完成",
    FindingStatus.OVERDUE: "逾期",
}


def closed_late(deadline: date | None, closed_on: date | None) -> bool:
    """Closed after its deadline (shown in the ledger; the status is still 已整改)."""
    return deadline is not None and closed_on is not None and closed_on > deadline


def is_due_soon(deadline: date | None, closed_on: date | None, today: date) -> bool:
    """Open and due within DUE_SOON_DAYS (not yet overdue)."""
    if closed_on is not None or deadline is None:
        return False
    return today <= deadline <= today + timedelta(days=DUE_SOON_DAYS)


def days_left(deadline: date | None, today: date) -> int | None:
    """Days until the deadline (negative: days overdue)."""
    return None if deadline is None else (deadline - today).days


class QuarterState(StrEnum):
    MET = "已召开"
    MISSING = "未召开"
    PENDING = "本季度尚未召开"  # the quarter has not ended yet
    NOT_STARTED = "未开始"


@dataclass(frozen=True)
class QuarterCheck:
    year: int
    quarter: int  # 1–4
    meetings: int
    state: QuarterState

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.quarter - 1]}季度"

    @property
    def start(self) -> date:
        return quarter_bounds(self.year, self.quarter)[0]

    @property
    def end(self) -> date:
        return quarter_bounds(self.year, self.quarter)[1]


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, (quarter - 1) * 3 + 1, 1)
    if quarter == 4:
        return first, date(year, 12, 31)
    return first, date(year, quarter * 3 + 1, 1) - timedelta(days=1)


def leadership_quarters(
    meeting_days: Iterable[date], start: date, end: date, today: date
) -> list[QuarterCheck]:
    """The quarterly rule ("每季度至少召开一次创建领导小组会议") over the quarters touching
    [start, end].

    `meeting_days` are the days of 领导小组会议. A quarter with at least one is 已召开; an ended
    quarter without one is 未召开; the quarter holding `today` without one is 本季度尚未召开 (not
    yet a failure); later quarters are 未开始. `start` is usually the later of the period's start
    and the day the leadership group was set up: no meeting is owed before the group exists.
    """
    counts: dict[tuple[int, int], int] = {}
    for day in meeting_days:
        key = quarter_of(day)
        counts[key] = counts.get(key, 0) + 1
    checks: list[QuarterCheck] = []
    year, quarter = quarter_of(start)
    last = quarter_of(end)
    current = quarter_of(today)
    while (year, quarter) <= last:
        held = counts.get((year, quarter), 0)
        if held:
            state = QuarterState.MET
        elif (year, quarter) < current:
            state = QuarterState.MISSING
        elif (year, quarter) == current:
            state = QuarterState.PENDING
        else:
            state = QuarterState.NOT_STARTED
        checks.append(QuarterCheck(year, quarter, held, state))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return checks


def missing_quarters(checks: Iterable[QuarterCheck]) -> list[QuarterCheck]:
    return [c for c in checks if c.state is QuarterState.MISSING]


@dataclass(frozen=True)
class CommendationSelection:
    """Which commendations belong to a period, and the heading of its list.

    The rule (评选表彰 are decided per year, 年度): a whole-year period lists the commendations
    of that 年度 (also those without a 表彰日期), headed "2026年度"; a half year, quarter or month
    lists only those whose 表彰日期 falls inside it, headed by the period ("2026年6月"). An
    entry without a date is therefore counted in its year only. The ledger, the summary's
    评选表彰（项） and the packet all use this one selection.

    years: (first, last) 年度 when selecting by year, else None; awarded: (start, end) dates,
    inclusive, when selecting by 表彰日期, else None.
    """

    years: tuple[int, int] | None
    awarded: tuple[date, date] | None
    heading: str


def commendation_selection(period: Period) -> CommendationSelection:
    """The selection of commendations for a reporting period (rule: CommendationSelection)."""
    whole_years = period.start == date(period.start.year, 1, 1) and period.end == date(
        period.end.year, 12, 31
    )
    if whole_years:
        return CommendationSelection((period.start.year, period.end.year), None, period.years_label)
    return CommendationSelection(None, (period.start, period.end), period.label)
