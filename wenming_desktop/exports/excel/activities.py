"""文明实践活动台账.xlsx: one row per activity, print-ready through the shared Ledger."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from wenming_desktop.domain.counting import ROUNDING_NOTE, hours_cell
from wenming_desktop.exports.excel.ledger import Ledger, LedgerField, Title

LEDGER_NAME = "文明实践活动台账"


class LedgerActivity(NamedTuple):
    """An activity as the ledger reads it (only held ones: the caller filters)."""

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


FIELDS: tuple[LedgerField[LedgerActivity], ...] = (
    LedgerField("日期", 11, attrgetter("day")),
    LedgerField("结对村", 18, attrgetter("village")),
    LedgerField("类别", 18, attrgetter("category")),
    LedgerField("活动名称", 30, attrgetter("title")),
    LedgerField("地点", 18, attrgetter("place")),
    LedgerField("状态", 8, attrgetter("status")),
    LedgerField("志愿者人数", 10, lambda row: len(row.volunteer_names)),
    LedgerField("参加志愿者", 32, lambda row: "、".join(row.volunteer_names)),
    LedgerField("服务时长(小时)", 12, lambda row: hours_cell(row.minutes), "0.0"),
    LedgerField("受益群众人次", 12, attrgetter("people_served")),
    LedgerField("指南检查", 28, attrgetter("guideline_status")),
)


def write_activity_ledger(
    path: Path, title: Title, subtitle: str, rows: Iterable[LedgerActivity]
) -> int:
    """Write the ledger; returns the number of activity rows. Totals close the sheet, computed
    from minutes, and the rounding footnote follows them."""
    total_minutes = 0
    total_served = 0
    total_people = 0
    with Ledger(path) as book:
        table = book.table(LEDGER_NAME, title, subtitle, FIELDS)
        for row in rows:
            total_minutes += row.minutes
            total_served += row.people_served or 0
            total_people += len(row.volunteer_names)
            table.add(row)
        count = table.rows
        totals: dict[str, object] = {
            "活动名称": f"{count} 场",
            "志愿者人数": total_people,
            "服务时长(小时)": hours_cell(total_minutes),
            "受益群众人次": total_served,
        }
        table.totals("合计", [totals.get(field.title) for field in FIELDS])
        table.sheet.note(ROUNDING_NOTE)
    return count
