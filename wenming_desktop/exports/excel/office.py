"""The office's creation-work ledgers, print-ready like the others (exports/excel/ledger.py):
会议台账 (with the quarterly leadership-meeting check), 整改台账 (findings, and meeting
decisions tracked the same way) and 评选表彰台账. Rows arrive shaped; statuses are computed by
the caller from domain.office. Each sheet is a `LedgerTable`: a 序号 column, then its fields,
each naming its header, width and value together."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from wenming_desktop.domain.office import QuarterCheck
from wenming_desktop.domain.office_rows import CommendationRow, DecisionRow, MeetingRow
from wenming_desktop.exports.excel.ledger import Ledger, LedgerField

MEETING_FIELDS: tuple[LedgerField[MeetingRow], ...] = (
    LedgerField("会议日期", 12, lambda r: r.starts_at.date(), "yyyy-mm-dd"),
    LedgerField("时间", 7, lambda r: f"{r.starts_at:%H:%M}"),
    LedgerField("会议类型", 13, attrgetter("kind")),
    LedgerField("会议名称", 30, attrgetter("title")),
    LedgerField("所属小组", 16, attrgetter("group")),
    LedgerField("地点", 16, attrgetter("place")),
    LedgerField("主持人", 9, attrgetter("chair")),
    LedgerField("会议议题", 36, lambda r: r.agenda.replace("\n", "；")),
    LedgerField("出席", 6, attrgetter("present")),
    LedgerField("缺席", 6, attrgetter("absent")),
    LedgerField("决定事项", 8, attrgetter("decisions")),
    LedgerField("附件", 6, attrgetter("attachments")),
)
QUARTER_FIELDS: tuple[LedgerField[QuarterCheck], ...] = (
    LedgerField("季度", 20, attrgetter("label")),
    LedgerField("起止日期", 26, lambda q: f"{q.start:%Y-%m-%d} 至 {q.end:%Y-%m-%d}"),
    LedgerField("领导小组会议次数", 16, attrgetter("meetings")),
    LedgerField("情况", 18, lambda q: q.state.value),
)


class FindingLine(NamedTuple):
    """A finding as the ledger prints it."""

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
    status: str  # e.g. "已整改", "逾期", "已整改（逾期完成）"
    evidence: int


class DecisionLine(NamedTuple):
    row: DecisionRow
    status: str


FINDING_FIELDS: tuple[LedgerField[FindingLine], ...] = (
    LedgerField("检查日期", 12, attrgetter("inspected_on"), "yyyy-mm-dd"),
    LedgerField("检查类型", 9, attrgetter("inspection_kind")),
    LedgerField("检查单位", 16, attrgetter("inspector")),
    LedgerField("存在问题", 34, attrgetter("description")),
    LedgerField("责任科室", 11, attrgetter("department")),
    LedgerField("责任人", 9, attrgetter("person")),
    LedgerField("整改时限", 12, attrgetter("deadline"), "yyyy-mm-dd"),
    LedgerField("整改措施", 34, attrgetter("measures")),
    LedgerField("完成日期", 12, attrgetter("closed_on"), "yyyy-mm-dd"),
    LedgerField("确认人", 9, attrgetter("confirmed_by")),
    LedgerField("状态", 10, attrgetter("status")),
    LedgerField("佐证材料(份)", 10, attrgetter("evidence")),
)
DECISION_FIELDS: tuple[LedgerField[DecisionLine], ...] = (
    LedgerField("会议日期", 12, lambda d: d.row.meeting_day.date(), "yyyy-mm-dd"),
    LedgerField("会议名称", 26, attrgetter("row.meeting_title")),
    LedgerField("决定事项", 36, attrgetter("row.content")),
    LedgerField("责任人", 12, attrgetter("row.owner")),
    LedgerField("完成时限", 12, attrgetter("row.due_on"), "yyyy-mm-dd"),
    LedgerField("落实情况", 30, attrgetter("row.progress")),
    LedgerField("完成日期", 12, attrgetter("row.done_on"), "yyyy-mm-dd"),
    LedgerField("状态", 10, attrgetter("status")),
)
COMMENDATION_FIELDS: tuple[LedgerField[CommendationRow], ...] = (
    LedgerField("年度", 7, attrgetter("year")),
    LedgerField("表彰类别", 12, attrgetter("kind")),
    LedgerField("级别", 7, attrgetter("level")),
    LedgerField("表彰对象", 16, attrgetter("name")),
    LedgerField("科室", 12, attrgetter("department")),
    LedgerField("主要事迹", 40, attrgetter("reason")),
    LedgerField("表彰单位", 18, attrgetter("issuer")),
    LedgerField("表彰文号", 20, attrgetter("document_no")),
    LedgerField("表彰日期", 12, attrgetter("awarded_on"), "yyyy-mm-dd"),
)


def _subtitle(period_label: str, count: int, unit: str, today: date) -> str:
    return f"期间：{period_label}　　共 {count} {unit}　　导出日期：{today:%Y-%m-%d}"


def _quarters_label(quarters: Sequence[QuarterCheck]) -> str:
    """ "2026年第四季度", or "2026年第一季度至2026年第四季度": the quarter sheet covers whole
    quarters, whatever the period of the meetings sheet."""
    if not quarters:
        return ""
    first, last = quarters[0].label, quarters[-1].label
    return first if first == last else f"{first}至{last}"


def write_meetings_ledger(
    path: Path,
    hospital: str,
    period_label: str,
    rows: Sequence[MeetingRow],
    quarters: Sequence[QuarterCheck],
    today: date,
) -> Path:
    """会议台账: one row per meeting; a second sheet checks each quarter for a leadership
    meeting (at least one a quarter)."""
    with Ledger(path) as book:
        book.table(
            "会议台账",
            (hospital, "文明创建会议台账"),
            _subtitle(period_label, len(rows), "次会议", today),
            MEETING_FIELDS,
        ).add_all(rows)
        book.table(
            "领导小组会议季度情况",
            (hospital, "创建领导小组会议季度情况"),
            f"季度：{_quarters_label(quarters) or period_label}　　"
            "要求：每季度至少召开一次创建领导小组会议",
            QUARTER_FIELDS,
        ).add_all(quarters)
    return Path(path)


def write_rectification_ledger(
    path: Path,
    hospital: str,
    period_label: str,
    findings: Sequence[FindingLine],
    decisions: Sequence[DecisionLine],
    today: date,
) -> Path:
    """整改台账: the period's findings, then the period's meeting decisions."""
    with Ledger(path) as book:
        book.table(
            "检查整改",
            (hospital, "检查问题整改台账"),
            _subtitle(period_label, len(findings), "项问题", today),
            FINDING_FIELDS,
        ).add_all(findings)
        book.table(
            "会议决定事项",
            (hospital, "会议决定事项落实台账"),
            _subtitle(period_label, len(decisions), "项决定", today),
            DECISION_FIELDS,
        ).add_all(decisions)
    return Path(path)


def write_commendations_ledger(
    path: Path,
    hospital: str,
    period_label: str,
    rows: Sequence[CommendationRow],
    today: date,
) -> Path:
    """评选表彰台账: one row per commendation, newest year first."""
    with Ledger(path) as book:
        book.table(
            "评选表彰台账",
            (hospital, "评选表彰台账"),
            _subtitle(period_label, len(rows), "项表彰", today),
            COMMENDATION_FIELDS,
        ).add_all(rows)
    return Path(path)
