"""志愿者花名册 and 志愿服务时长台账: the roster and the yearly hours ledger (print-ready).

The caller (services.roster_exports) builds the row values, masked or not, and audits unmasking;
this module owns the sheets' columns, titles and totals row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wenming_desktop.domain.counting import ROUNDING_NOTE, TARGET_LABEL
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn

ROSTER_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("工号", 10),
    LedgerColumn("姓名", 10),
    LedgerColumn("性别", 6),
    LedgerColumn("科室", 12),
    LedgerColumn("职称", 12),
    LedgerColumn("职务", 10),
    LedgerColumn("政治面貌", 12),
    LedgerColumn("党支部", 14),
    LedgerColumn("服务队", 18),
    LedgerColumn("联系电话", 14),
    LedgerColumn("身份证号", 21),
    LedgerColumn("注册状态", 10),
    LedgerColumn("志愿者编号", 16),
    LedgerColumn("状态", 8),
)

HOURS_FORMAT = "0.0"


def hours_columns(months: Sequence[int] = range(1, 13)) -> tuple[LedgerColumn, ...]:
    """The hours ledger's columns with one column per month of the period."""
    total = "全年合计(小时)" if len(months) == 12 else "期间合计(小时)"
    return (
        LedgerColumn("序号", 6),
        LedgerColumn("工号", 10),
        LedgerColumn("姓名", 14),
        LedgerColumn("科室", 12),
        *(LedgerColumn(f"{m}月", 7, HOURS_FORMAT) for m in months),
        LedgerColumn(total, 11, HOURS_FORMAT),
        LedgerColumn("参加活动(次)", 9),
        LedgerColumn(TARGET_LABEL, 11),
        LedgerColumn("累计时长(小时)", 11, HOURS_FORMAT),
        LedgerColumn("星级", 8),
    )


HOURS_COLUMNS = hours_columns()


def write_roster(path: Path, title: str, subtitle: str, rows: Iterable[Sequence[Any]]) -> int:
    """The roster, one row per volunteer (values in ROSTER_COLUMNS order without 序号)."""
    with Ledger(path) as book:
        sheet = book.sheet("志愿者花名册", title, subtitle, ROSTER_COLUMNS)
        for i, values in enumerate(rows, start=1):
            sheet.append([i, *values])
        return sheet.rows


def write_hours(
    path: Path,
    title: str,
    subtitle: str,
    rows: Iterable[Sequence[Any]],
    totals: Sequence[Any],
    months: Sequence[int] = range(1, 13),
    notes: Sequence[str] = (ROUNDING_NOTE,),
) -> int:
    """One row per volunteer, the months as columns; `totals` is the bold last row, `notes`
    the footnotes under it (the rounding rule)."""
    with Ledger(path) as book:
        sheet = book.sheet("志愿服务时长台账", title, subtitle, hours_columns(months))
        for i, values in enumerate(rows, start=1):
            sheet.append([i, *values])
        count = sheet.rows
        sheet.append(["合计", *totals], bold=True)
        for note in notes:
            sheet.note(note)
        return count
