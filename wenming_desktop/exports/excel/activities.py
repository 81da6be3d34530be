"""文明实践活动台账.xlsx: one row per activity, print-ready through the shared Ledger."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from wenming_desktop.domain.counting import ROUNDING_NOTE, hours_cell
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn

LEDGER_NAME = "文明实践活动台账"

COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("日期", 11),
    LedgerColumn("结对村", 18),
    LedgerColumn("类别", 18),
    LedgerColumn("活动名称", 30),
    LedgerColumn("地点", 18),
    LedgerColumn("状态", 8),
    LedgerColumn("志愿者人数", 10),
    LedgerColumn("参加志愿者", 36),
    LedgerColumn("服务时长(小时)", 12, "0.0"),
    LedgerColumn("受益群众人次", 12),
    LedgerColumn("指南检查", 36),
)


class LedgerActivity(NamedTuple):
    day: date
    village: str
    category: str
    title: str
    place: str
    status: str  # label, e.g. 已开展
    volunteer_names: list[str]
    minutes: int
    people_served: int | None
    guideline_status: str


def write_activity_ledger(
    path: Path, title: str, subtitle: str, rows: Iterable[LedgerActivity]
) -> int:
    """Write the ledger; returns the number of activity rows. Totals close the sheet, computed
    from minutes, and the rounding footnote follows them."""
    count = 0
    total_minutes = 0
    total_served = 0
    total_people = 0
    with Ledger(path) as book:
        sheet = book.sheet(LEDGER_NAME, title, subtitle, COLUMNS)
        for row in rows:
            count += 1
            total_minutes += row.minutes
            total_served += row.people_served or 0
            total_people += len(row.volunteer_names)
            sheet.append(
                [
                    count,
                    row.day,
                    row.village,
                    row.category,
                    row.title,
                    row.place,
                    row.status,
                    len(row.volunteer_names),
                    "、".join(row.volunteer_names),
                    hours_cell(row.minutes),
                    row.people_served,
                    row.guideline_status,
                ]
            )
        sheet.append(
            [
                "合计",
                None,
                None,
                None,
                f"{count} 场",
                None,
                None,
                total_people,
                None,
                hours_cell(total_minutes),
                total_served,
                None,
            ],
            bold=True,
        )
        sheet.note(ROUNDING_NOTE)
    return count
