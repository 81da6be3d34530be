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
    assert all(c.font.b and c.fill.fgColor.rgb[-6:] == "F2DCDB" for c in sheet[3])
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


def test_a_wide_sheet_splits_across_pages_and_text_wraps(tmp_path: Path) -> None:
    """Too wide for one page at 90 %: printed at 100 %, columns up to 姓名 repeated on each
    page with the title over them, breaks between column groups; long text makes its row taller;
    numbers widen their column so totals never show ###."""
    columns = [LedgerColumn("序号", 6), LedgerColumn("日期", 11), LedgerColumn("姓名", 9)]
    columns += [LedgerColumn(f"项目{i}", 20) for i in range(8)] + [LedgerColumn("小时", 5, "0.0")]
    path = tmp_path / "宽表.xlsx"
    with Ledger(path) as book:
        sheet = book.sheet("宽表", "某某医院宽表台账", "2025年", columns)
        sheet.append([1, "2025-01-02", "张三", "很长的文字" * 12, *[""] * 7, 1.5])
        sheet.append([2, "2025-01-03", "李四", "短", *[""] * 7, 2.0])
        sheet.append(["合计", "", "", "", *[""] * 7, 123456.5], bold=True)
    ws = load_workbook(path)["宽表"]
    assert ws.print_title_cols == "$A:$C" and ws.print_title_rows == "$1:$3"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # 100 %, the default scale
    breaks = [b.id for b in ws.col_breaks.brk]
    assert breaks and ws.page_setup.pageOrder == "overThenDown"
    assert ws["A1"].value == "某某医院宽表台账" and "A1:C1" in ws.merged_cells
    assert ws.row_dimensions[1].height > 30  # wrapped over the three repeated columns
    assert ws.row_dimensions[4].height > 3 * ws.row_dimensions[5].height - 1  # wrapped: taller
    assert ws.column_dimensions["L"].width >= len("123456.5") + 2  # widened for the total


def test_a_narrow_sheet_fits_one_page_wide(tmp_path: Path) -> None:
    path = tmp_path / "窄表.xlsx"
    with Ledger(path) as book:
        book.sheet("窄表", "窄表", "", COLUMNS).append([1, 2.0, date(2025, 1, 1), "x"])
    ws = load_workbook(path)["窄表"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1: default
    assert ws.print_title_cols is None and not ws.col_breaks.brk
