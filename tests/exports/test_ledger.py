"""The shared Ledger read back cell by cell: every row's own values and styles, although each
column's cell objects are reused from row to row."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook

from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn

COLUMNS = [
    LedgerColumn("序号", 6),
    LedgerColumn("小时", 8, "0.0"),
    LedgerColumn("日期", 11, "yyyy-mm-dd"),
    LedgerColumn("备注", 20),
]
ROWS = [
    [1, 2.5, date(2025, 1, 2), "=SUM(A1)"],
    ["-3", None, datetime(2025, 1, 2, 3, 4), date(2024, 2, 29)],
    ["@x", 7, None, datetime(2025, 5, 6, 7, 8)],
    ["+1", True, "", None],
]


def _write(path: Path) -> None:
    with Ledger(path) as book:
        sheet = book.sheet("台账", "某某医院志愿服务台账", "2025年", COLUMNS)
        for row in ROWS:
            sheet.append(row)
        sheet.append(["合计", 9.75, date(2025, 1, 2), time(8, 30)], bold=True)
        assert sheet.rows == 5
        other = book.sheet("第二页", "第二页标题", "", COLUMNS[:2])
        other.append(["x", 1])


def test_rows_keep_their_own_values_and_styles(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    _write(path)
    sheet = load_workbook(path)["台账"]
    assert sheet["A1"].value == "某某医院志愿服务台账" and sheet["A1"].font.sz == 16
    assert not sheet["A1"].border.left.style and sheet["A1"].alignment.horizontal == "center"
    assert [c.value for c in sheet[3]] == ["序号", "小时", "日期", "备注"]
    assert all(c.font.b and c.fill.fgColor.rgb == "00F2DCDB" for c in sheet[3])
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=7)]
    assert values == [
        [1, 2.5, datetime(2025, 1, 2), "=SUM(A1)"],
        ["-3", None, datetime(2025, 1, 2, 3, 4), datetime(2024, 2, 29)],
        ["@x", 7, None, datetime(2025, 5, 6, 7, 8)],
        ["+1", True, None, None],
    ]
    assert sheet["D4"].data_type == "s"  # formula-looking text stays text
    for row in sheet.iter_rows(min_row=4, max_row=8):
        for cell in row:  # every data cell framed, empty ones too
            assert cell.border.left.style == "thin" and cell.font.name == "宋体"
            assert cell.font.b == (cell.row == 8)
    assert [sheet.cell(4, c).number_format for c in (1, 2, 3)] == ["General", "0.0", "yyyy-mm-dd"]
    assert sheet["C5"].number_format == "yyyy-mm-dd"  # the column's date format wins
    assert sheet["D5"].number_format == "yyyy-mm-dd"  # dates in a text column: by their type
    assert sheet["D6"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["D7"].number_format == "General"  # back to the column's own style
    assert sheet["D8"].value == time(8, 30) and sheet["D8"].number_format == "h:mm:ss"
    assert sheet["B8"].number_format == "0.0" and sheet["A8"].value == "合计"
    second = load_workbook(path)["第二页"]
    assert [c.value for c in second[4]] == ["x", 1]
    assert second["B4"].number_format == "0.0" and second["A4"].border.left.style == "thin"
