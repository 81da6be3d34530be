"""志愿者花名册 and 志愿服务时长台账: the roster and the yearly hours ledger (print-ready).

Each ledger is one list of fields: header, width and how the cell is computed from the row. The
caller (services.roster.roster_exports) picks the rows, writes titles and totals, and audits
unmasking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from pathlib import Path

from wenming_desktop.domain.counting import (
    INACTIVE_MARK,
    ROUNDING_NOTE,
    TARGET_LABEL,
    TARGET_TO_DATE_LABEL,
    hours_cell,
    total_hours,
)
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.volunteer_rows import VolunteerHours, VolunteerRow
from wenming_desktop.exports.excel.ledger import Ledger, LedgerField, Title

HOURS_FORMAT = "0.0"


def hours_value(minutes: int) -> float:
    """Minutes as hours with one decimal, rounded half-up (counting.hours_cell)."""
    return hours_cell(minutes)


def _text(name: str) -> Callable[[VolunteerRow], str]:
    """A field that may be absent, as text ("" when absent)."""
    get = attrgetter(name)
    return lambda row: get(row) or ""


def roster_fields(unmasked: bool) -> list[LedgerField[VolunteerRow]]:
    """The roster's columns after 序号; ID and phone numbers partly hidden unless `unmasked`."""

    def phone(row: VolunteerRow) -> str:
        return row.phone or "" if unmasked else mask_phone(row.phone)

    def id_number(row: VolunteerRow) -> str:
        return row.id_number or "" if unmasked else mask_id(row.id_number)

    return [
        LedgerField("工号", 10, _text("staff_no")),
        LedgerField("姓名", 10, attrgetter("name")),
        LedgerField("性别", 6, attrgetter("gender")),
        LedgerField("出生日期", 11, attrgetter("birth_text")),
        LedgerField("科室", 12, _text("department")),
        LedgerField("职称", 12, attrgetter("title")),
        LedgerField("职务", 10, attrgetter("position")),
        LedgerField("政治面貌", 12, attrgetter("political_status")),
        LedgerField("党支部", 14, _text("party_branch")),
        LedgerField("服务队", 18, attrgetter("teams")),
        LedgerField("联系电话", 14, phone),
        LedgerField("身份证号", 21, id_number),
        LedgerField("注册状态", 10, lambda row: "已注册" if row.registered else "未注册"),
        LedgerField("志愿者编号", 16, attrgetter("registry_no")),
        LedgerField("状态", 8, lambda row: "在册" if row.active else "已停用"),
    ]


def _month(index: int) -> LedgerField[VolunteerHours]:
    return LedgerField(f"{index + 1}月", 7, lambda v: hours_value(v.months[index]), HOURS_FORMAT)


def hours_fields(months: Sequence[int] = range(1, 13)) -> tuple[LedgerField[VolunteerHours], ...]:
    """The hours ledger's columns after 序号, with one column per month of the period (1–12).
    A leaver's name is marked 已停用; a total below the target never shows the target."""
    whole = len(months) == 12
    total = "全年合计(小时)" if whole else "期间合计(小时)"
    # A whole year's total is held against the target (never 48.0 beside 未达标); a part of
    # a year is not: its target column judges the year to the period's end.
    period_hours = total_hours if whole else hours_cell
    return (
        LedgerField("工号", 10, lambda v: v.volunteer.staff_no or ""),
        LedgerField(
            # wide enough for a name of four characters and its mark on one line
            "姓名",
            18,
            lambda v: v.volunteer.name + ("" if v.volunteer.active else INACTIVE_MARK),
        ),
        LedgerField("科室", 12, lambda v: v.volunteer.department or ""),
        *(_month(m - 1) for m in months),
        LedgerField(total, 11, lambda v: float(period_hours(v.year_minutes)), HOURS_FORMAT),
        LedgerField("参加活动(次)", 9, attrgetter("activities")),
        LedgerField(
            TARGET_LABEL if whole else TARGET_TO_DATE_LABEL,
            11 if whole else 13,
            lambda v: "达标" if v.target_met else "未达标",
        ),
        LedgerField(
            "累计时长(小时)", 11, lambda v: hours_value(v.cumulative_minutes), HOURS_FORMAT
        ),
        LedgerField("星级", 8, lambda v: v.stars or "—"),
    )


HOURS_FIELDS = hours_fields()


def write_roster(
    path: Path, title: Title, subtitle: str, rows: Iterable[VolunteerRow], unmasked: bool = False
) -> int:
    """The roster, one row per volunteer; returns the number of volunteers written."""
    with Ledger(path) as book:
        return book.table("志愿者花名册", title, subtitle, roster_fields(unmasked)).add_all(rows)


def write_hours(
    path: Path,
    title: Title,
    subtitle: str,
    rows: Iterable[VolunteerHours],
    totals: Sequence[object],
    months: Sequence[int] = range(1, 13),
    notes: Sequence[str] = (ROUNDING_NOTE,),
) -> int:
    """One row per volunteer, the period's months as columns; `totals` (one value per field) is
    the bold last row, labelled 合计, and `notes` the footnotes under it (the rounding rule).
    Returns the number of volunteers written."""
    with Ledger(path) as book:
        table = book.table("志愿服务时长台账", title, subtitle, hours_fields(months))
        count = table.add_all(rows)
        table.totals("合计", totals)
        for note in notes:
            table.sheet.note(note)
        return count
