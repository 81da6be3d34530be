"""A date cell Excel shows as `########` (a negative number or one past 9999-12-31 in a
date-formatted cell) is reported the same from an .xls as from an .xlsx: what the clerk sees and
the column, not the bare number calamine gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlwt
from openpyxl import Workbook

from tests.checkup_support import make_world
from wenming_desktop.services.checkups.resident_import import read_residents

HEADER = ["姓名", "出生日期", "村民小组"]
ROWS: list[list[object]] = [
    ["张三", 3_000_000, "一组"],  # date-formatted, past 9999-12-31
    ["李四", -5, "一组"],  # date-formatted, negative
    ["王五", date(1950, 1, 2), "一组"],
]


def xls(path: Path, rows: list[list[object]], dated: bool = True) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名册")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for c, title in enumerate(HEADER):
        sheet.write(0, c, title)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if c == 1 and (dated or isinstance(value, date)):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "名册"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        sheet.cell(sheet.max_row, 2).number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def refusals(workspace, path: Path) -> list[tuple[int, str, str]]:
    village = make_world(workspace.db, village=path.stem).village_id
    plan = read_residents(workspace.db, path, village)
    return [(p.row, p.column, p.reason) for p in plan.problems]


def test_xls_says_what_xlsx_says(workspace, tmp_path: Path) -> None:
    from_xlsx = refusals(workspace, xlsx(tmp_path / "甲村.xlsx", ROWS))
    from_xls = refusals(workspace, xls(tmp_path / "乙村.xls", ROWS))
    assert [(row, column) for row, column, _ in from_xlsx] == [(2, "出生日期"), (3, "出生日期")]
    assert all("########" in reason for _, _, reason in from_xlsx)
    assert from_xls == from_xlsx


def test_a_plain_number_in_an_xls_is_still_an_unreadable_date(workspace, tmp_path: Path) -> None:
    found = refusals(workspace, xls(tmp_path / "丙村.xls", ROWS[:1], dated=False))
    assert len(found) == 1 and "无法识别日期“3000000”" in found[0][2]
