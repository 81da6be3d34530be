"""The office's creation-work ledgers, print-ready like the others (exports/excel/ledger.py):
会议台账 (with the quarterly leadership-meeting check), 整改台账 (findings, and meeting
decisions tracked the same way) and 评选表彰台账. Rows arrive shaped; statuses are computed by
the caller from domain.office."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from wenming_desktop.domain.office import QuarterCheck
from wenming_desktop.domain.office_rows import CommendationRow, DecisionRow, MeetingRow
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn

MEETING_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("会议日期", 12, "yyyy-mm-dd"),
    LedgerColumn("时间", 7),
    LedgerColumn("会议类型", 13),
    LedgerColumn("会议名称", 30),
    LedgerColumn("所属小组", 16),
    LedgerColumn("地点", 16),
    LedgerColumn("主持人", 9),
    LedgerColumn("会议议题", 36),
    LedgerColumn("出席", 6),
    LedgerColumn("缺席", 6),
    LedgerColumn("决定事项", 8),
    LedgerColumn("附件", 6),
)
QUARTER_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("季度", 20),
    LedgerColumn("起止日期", 26),
    LedgerColumn("领导小组会议次数", 16),
    LedgerColumn("情况", 18),
)
FINDING_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("检查日期", 12, "yyyy-mm-dd"),
    LedgerColumn("检查类型", 9),
    LedgerColumn("检查单位", 16),
    LedgerColumn("存在问题", 34),
    LedgerColumn("责任科室", 11),
    LedgerColumn("责任人", 9),
    LedgerColumn("整改时限", 12, "yyyy-mm-dd"),
    LedgerColumn("整改措施", 34),
    LedgerColumn("完成日期", 12, "yyyy-mm-dd"),
    LedgerColumn("确认人", 9),
    LedgerColumn("状态", 10),
    LedgerColumn("佐证材料(份)", 10),
)
DECISION_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("会议日期", 12, "yyyy-mm-dd"),
    LedgerColumn("会议名称", 26),
    LedgerColumn("决定事项", 36),
    LedgerColumn("责任人", 12),
    LedgerColumn("完成时限", 12, "yyyy-mm-dd"),
    LedgerColumn("落实情况", 30),
    LedgerColumn("完成日期", 12, "yyyy-mm-dd"),
    LedgerColumn("状态", 10),
)
COMMENDATION_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("年度", 7),
    LedgerColumn("表彰类别", 12),
    LedgerColumn("级别", 7),
    LedgerColumn("表彰对象", 16),
    LedgerColumn("科室", 12),
    LedgerColumn("主要事迹", 40),
    LedgerColumn("表彰单位", 18),
    LedgerColumn("表彰文号", 20),
    LedgerColumn("表彰日期", 12, "yyyy-mm-dd"),
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
        sheet = book.sheet(
            "会议台账",
            f"{hospital}文明创建会议台账",
            _subtitle(period_label, len(rows), "次会议", today),
            MEETING_COLUMNS,
        )
        for number, r in enumerate(rows, start=1):
            sheet.append(
                (
                    number,
                    r.starts_at.date(),
                    f"{r.starts_at:%H:%M}",
                    r.kind,
                    r.title,
                    r.group,
                    r.place,
                    r.chair,
                    r.agenda.replace("\n", "；"),
                    r.present,
                    r.absent,
                    r.decisions,
                    r.attachments,
                )
            )
        check = book.sheet(
            "领导小组会议季度情况",
            f"{hospital}创建领导小组会议季度情况",
            f"季度：{_quarters_label(quarters) or period_label}　　"
            "要求：每季度至少召开一次创建领导小组会议",
            QUARTER_COLUMNS,
        )
        for number, q in enumerate(quarters, start=1):
            check.append(
                (
                    number,
                    q.label,
                    f"{q.start:%Y-%m-%d} 至 {q.end:%Y-%m-%d}",
                    q.meetings,
                    q.state.value,
                )
            )
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
        sheet = book.sheet(
            "检查整改",
            f"{hospital}检查问题整改台账",
            _subtitle(period_label, len(findings), "项问题", today),
            FINDING_COLUMNS,
        )
        for number, f in enumerate(findings, start=1):
            sheet.append((number, *f))
        second = book.sheet(
            "会议决定事项",
            f"{hospital}会议决定事项落实台账",
            _subtitle(period_label, len(decisions), "项决定", today),
            DECISION_COLUMNS,
        )
        for number, line in enumerate(decisions, start=1):
            d = line.row
            second.append(
                (
                    number,
                    d.meeting_day.date(),
                    d.meeting_title,
                    d.content,
                    d.owner,
                    d.due_on,
                    d.progress,
                    d.done_on,
                    line.status,
                )
            )
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
        sheet = book.sheet(
            "评选表彰台账",
            f"{hospital}评选表彰台账",
            _subtitle(period_label, len(rows), "项表彰", today),
            COMMENDATION_COLUMNS,
        )
        for number, r in enumerate(rows, start=1):
            sheet.append(
                (
                    number,
                    r.year,
                    r.kind,
                    r.level,
                    r.name,
                    r.department,
                    r.reason,
                    r.issuer,
                    r.document_no,
                    r.awarded_on,
                )
            )
    return Path(path)
