"""健康体检汇总.xlsx: two print-ready sheets through the shared Ledger.

体检汇总: one row per village and checkup day — people checked, the share in each threshold band
(as a percentage of those measured), people of each focus group checked, follow-ups needed and
done — and a bold total row; one line a row, villages by their short names.
体检人员名单: who was checked, per village and day, names by 村民小组 in one wrapped cell (no ID
number, phone or health value), so the list stays far shorter than one row a person.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from wenming_desktop.domain.checkup_summary import BAND_TITLES, CheckupSummary, DaySummary
from wenming_desktop.domain.thresholds import Band
from wenming_desktop.domain.villages import short_village_names
from wenming_desktop.domain.vocabulary import FocusGroup
from wenming_desktop.exports.excel.ledger import SERIAL_COLUMN, Ledger, LedgerColumn

SUMMARY_SHEET = "体检汇总"
NAMES_SHEET = "体检人员名单"
SHARE_FORMAT = '0"%"'  # whole per cent, written as the number shown (33 → 33%)
# The sheet prints on one A4 page wide at 90 % or more (10 pt text at 9 pt): the normal bands
# are left out, each being 100 % less the measure's other bands (they cover those measured).
SHOWN_BANDS: tuple[int, ...] = tuple(
    i for i, title in enumerate(BAND_TITLES) if not title.endswith(Band.NORMAL.label)
)
SHARE_NOTE = (
    "注：各分级占比 = 该分级人数 ÷ 当日测量了该项的人数（未测量的不计入），"
    "正常所占比例 = 100% 减去该项其余各级；"
    "留守老人至困难群众各列为当日体检的重点人群人数；需随访、已随访按体检随访规则计算。"
    "本表不含个人健康数值。"
)


def summary_columns() -> list[LedgerColumn]:
    """One line a row: short village names, narrow number columns (headers wrap)."""
    return [
        SERIAL_COLUMN,
        LedgerColumn("体检日期", 11, "yyyy-mm-dd"),
        LedgerColumn("结对村", 13),
        LedgerColumn("体检人数", 5),
        *(LedgerColumn(BAND_TITLES[i], 5, SHARE_FORMAT) for i in SHOWN_BANDS),
        *(LedgerColumn(group.label, 5) for group in FocusGroup),
        LedgerColumn("需随访", 5),
        LedgerColumn("已随访", 5),
    ]


def _cells(serial: object, row: DaySummary, village: str) -> list[object]:
    # Shares to whole per cent, as shown: the cell holds what the reader sees.
    shares = [
        round(row.bands[i].share * 100) if row.bands[i].measured else None for i in SHOWN_BANDS
    ]
    return [
        serial,
        row.day,
        village,
        row.people,
        *shares,
        *(row.focus[group.label] for group in FocusGroup),
        row.follow_up_needed,
        row.follow_up_done,
    ]


def names_text(names: list[tuple[str, str]]) -> str:
    """ "一组：张三、李四；二组：王五" — names by 村民小组 in the order given."""
    parts = []
    for group, people in groupby(sorted(names, key=lambda n: n[0]), key=lambda n: n[0]):
        listed = "、".join(name for _, name in people)
        parts.append(f"{group}：{listed}" if group else listed)
    return "；".join(parts)


def write_checkup_summary(path: Path, summary: CheckupSummary) -> int:
    """Write both sheets; returns the number of village-day rows."""
    short = short_village_names(sorted({day.village for day in summary.days}))
    with Ledger(path) as book:
        sheet = book.sheet(SUMMARY_SHEET, summary.title, summary.subtitle, summary_columns())
        for number, day in enumerate(summary.days, start=1):
            sheet.append(_cells(number, day, short[day.village]))
        sheet.append(_cells("合计", summary.total, ""), bold=True)
        sheet.note(SHARE_NOTE)
        names = book.sheet(
            NAMES_SHEET,
            f"{summary.title}：体检人员名单",
            f"{summary.subtitle}　（不含身份证号、电话和健康数值）",
            [
                SERIAL_COLUMN,
                LedgerColumn("体检日期", 11, "yyyy-mm-dd"),
                LedgerColumn("结对村", 12),
                LedgerColumn("人数", 5),
                LedgerColumn("体检人员（按村民小组）", 87),
            ],
        )
        for number, day in enumerate(summary.days, start=1):
            names.append([number, day.day, short[day.village], day.people, names_text(day.names)])
    return len(summary.days)
