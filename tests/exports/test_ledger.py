"""The shared Ledger read back cell by cell: every row's own values and styles, although each
column's cell objects are reused from row to row."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook

from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
from wenming_desktop.exports.excel.print_layout import (
    DEFAULT_ROW_HEIGHT,
    PrintPlan,
    line_count,
    printed_pages,
    row_height,
    title_text,
)
from wenming_desktop.exports.excel.row_shapes import MAX_SHAPES

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
    """Too wide for one page at 90 %: printed at 100 %, columns up to 姓名 (and on to 35 width
    units, for the title) repeated on each page with the title over them, breaks between
    column groups; long text makes its row taller; numbers widen their column so totals never
    show ###."""
    columns = [LedgerColumn("序号", 6), LedgerColumn("日期", 11), LedgerColumn("姓名", 9)]
    columns += [LedgerColumn(f"项目{i}", 20) for i in range(8)] + [LedgerColumn("小时", 5, "0.0")]
    path = tmp_path / "宽表.xlsx"
    with Ledger(path) as book:
        sheet = book.sheet("宽表", ("黑龙江省某某市某某医院", "宽表台账"), "2025年", columns)
        sheet.append([1, "2025-01-02", "张三", "很长的文字" * 12, *[""] * 7, 1.5])
        sheet.append([2, "2025-01-03", "李四", "短", *[""] * 7, 2.0])
        sheet.append(["合计", "", "", "", *[""] * 7, 123456.5], bold=True)
    ws = load_workbook(path)["宽表"]
    assert ws.print_title_cols == "$A:$D" and ws.print_title_rows == "$1:$3"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # 100 %, the default scale
    breaks = [b.id for b in ws.col_breaks.brk]
    assert breaks and ws.page_setup.pageOrder == "overThenDown"
    # Over the three repeated columns the title wraps between its parts, never inside a word
    assert ws["A1"].value == "黑龙江省某某市某某医院\n宽表台账" and "A1:D1" in ws.merged_cells
    assert abs(ws.row_dimensions[1].height - row_height(2, 14)) < 0.75  # whole pixels
    assert ws["A1"].font.size == 14
    assert ws.row_dimensions[5].height is None  # one line (a date fits in 11): the default
    assert ws.row_dimensions[4].height > 3 * DEFAULT_ROW_HEIGHT  # wrapped: taller
    assert ws.column_dimensions["L"].width >= len("123456.5") + 2  # widened for the total


def test_a_narrow_sheet_fits_one_page_wide(tmp_path: Path) -> None:
    path = tmp_path / "窄表.xlsx"
    with Ledger(path) as book:
        book.sheet("窄表", ("某某医院", "窄表"), "", COLUMNS).append(
            [1, 2.0, date(2025, 1, 1), "x"]
        )
    ws = load_workbook(path)["窄表"]
    assert ws["A1"].value == "某某医院窄表"  # the parts joined on one line
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1: default
    assert ws.print_title_cols is None and not ws.col_breaks.brk


class _Label(str):
    """A str subclass (as a StrEnum member is): written as its text, wrapped like text."""


CHECKED = [
    LedgerColumn("序号", 6),
    LedgerColumn("名称", 13),
    LedgerColumn("数值", 8, "0.0"),
    LedgerColumn("整数", 6),
    LedgerColumn("小数", 8),
    LedgerColumn("日期", 11, "yyyy-mm-dd"),
    LedgerColumn("备注", 20),
]


def test_each_row_is_checked_by_its_shape(tmp_path: Path) -> None:
    """Rows of the same types go the fast way (checked by their shape, written in runs of
    columns); what they cannot hold as is goes cell by cell. Either way: control characters
    removed, line breaks and long text make the row taller (an ASCII text's lines by its
    length, a Chinese one's by its characters), each number column as wide as its widest
    number (the largest or the most negative), dates and times in their formats."""
    rows = [
        [1, "139123456789", 5.0, 7, 0.1234567891, date(2025, 1, 2), "a\x07b"],
        [2, "13912345678", -123456789.0, -1234567, 100.0, datetime(2025, 1, 2, 3, 4), True],
        [3, "一二三四五六七八九十", None, "", None, None, time(8, 0)],
        [4, "第一行\n第二行\n第三行", 2.5, 3, 1.5, date(2025, 1, 3), _Label("很长的标签" * 6)],
        [5, "2345678901", 1.0, 1, None, date(2025, 1, 4), "x\ty"],
    ]
    path = tmp_path / "检查.xlsx"
    with Ledger(path) as book:
        sheet = book.sheet("检查", "检查", "", CHECKED)
        for row in rows:
            sheet.append(row)
    ws = load_workbook(path)["检查"]
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=8)]
    assert got == [
        [1, "139123456789", 5, 7, 0.1234567891, datetime(2025, 1, 2), "ab"],
        [2, "13912345678", -123456789, -1234567, 100, datetime(2025, 1, 2, 3, 4), True],
        [3, "一二三四五六七八九十", None, None, None, None, time(8, 0)],
        [4, "第一行\n第二行\n第三行", 2.5, 3, 1.5, datetime(2025, 1, 3), "很长的标签" * 6],
        [5, "2345678901", 1, 1, None, datetime(2025, 1, 4), "x\ty"],
    ]
    assert ws["F5"].number_format == "yyyy-mm-dd"  # a datetime in a date column: its format
    assert ws["G6"].number_format == "h:mm:ss" and ws["G5"].data_type == "b"
    assert all(c.border.left.style == "thin" for row in ws["A4:G8"] for c in row)
    heights = [ws.row_dimensions[r].height for r in range(4, 9)]
    two, three = row_height(2), row_height(3)
    # 12 digits wrap in a 13-wide column, 11 (a phone number) fit (as LibreOffice prints them,
    # docs/printing.md); 10 Chinese characters wrap; three lines; a 30-character label in a
    # 20-wide column.
    label_lines = line_count("很长的标签" * 6, 20)
    assert heights == [two, None, two, row_height(max(3, label_lines)), None]
    assert three == row_height(3) and label_lines > 3
    # Widths as stored (XlsxWriter rounds them to whole pixels, up to ~0.7 units more).
    for column, widest in (("C", "-123456789.0"), ("D", "-1234567"), ("E", "0.1234567891")):
        needed = len(widest) * 1.1 + 2  # C: the most negative; E: measured one by one
        assert needed <= ws.column_dimensions[column].width < needed + 1


def test_rows_of_too_many_shapes_are_written_cell_by_cell(tmp_path: Path) -> None:
    """Past MAX_SHAPES kinds of row, rows go cell by cell: the same cells and heights."""
    columns = [LedgerColumn(f"列{i}", 6) for i in range(10)]
    rows = [
        [("长文字" * 3 if (n >> i) & 1 else None) for i in range(10)]
        for n in range(MAX_SHAPES + 40)
    ]
    path = tmp_path / "多样.xlsx"
    with Ledger(path) as book:
        sheet = book.sheet("多样", "多样", "", columns)
        for row in rows:
            sheet.append(row)
    ws = load_workbook(path, read_only=False)["多样"]
    for n, row in enumerate(rows):
        assert [c.value for c in ws[4 + n]] == row
        tall = any(row)
        expected = row_height(line_count("长文字" * 3, 6)) if tall else None
        assert ws.row_dimensions[4 + n].height == expected


def test_a_page_at_100_percent_holds_rows_in_whole_pixels() -> None:
    # LibreOffice puts 13 rows of 28.5 pt under 117 pt of repeated rows on a page, not the 14
    # that the points alone allow (117 + 14 × 28.5 = 516.0 < 516.1): it counts whole pixels.
    plan = PrintPlan(False, 1, ((1, 1),))
    repeated = [45.0, 55.5, 16.5]
    assert printed_pages(plan, [10.0, 10.0], repeated, [28.5] * 13) == 1
    assert printed_pages(plan, [10.0, 10.0], repeated, [28.5] * 14) == 2
    assert printed_pages(plan, [10.0, 10.0], repeated, [28.5] * 13 + [26.5]) == 1
    assert printed_pages(plan, [10.0, 10.0], repeated, [28.5] * 13 + [26.75]) == 2


def test_a_long_title_over_a_sheet_fitted_to_the_width_breaks_between_parts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "窄表.xlsx"
    hospital = "黑龙江省鹤岗市中医医院（鹤岗市中西医结合医院）"
    columns = [LedgerColumn("序号", 6), LedgerColumn("内容", 90)]
    with Ledger(path) as book:
        sheet = book.sheet("窄表", (hospital, "2026年7月", "健康体检汇总"), "", columns)
        sheet.append([1, "x"])
    ws = load_workbook(path)["窄表"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws["A1"].value == f"{hospital}\n2026年7月健康体检汇总"


def test_a_title_breaks_between_its_parts() -> None:
    size = 16 * 1.1
    assert (
        title_text(["鹤岗市中医院", "文明实践活动台账"], 34, size)
        == "鹤岗市中医院\n文明实践活动台账"
    )
    assert title_text(["鹤岗市中医院", "2026年度", "志愿服务时长台账"], 40, size) == (
        "鹤岗市中医院2026年度\n志愿服务时长台账"
    )
    assert title_text(["某院", "台账"], 34, size) == "某院台账"  # fits: one line
    # A part longer than a line: cut into lines of equal length
    long = title_text(["黑龙江省鹤岗市萝北县中医医院", "台账"], 34, size)
    assert long == "黑龙江省鹤岗市\n萝北县中医医院台账"
    assert all(line_count(line, 34, size) == 1 for line in long.split("\n"))


def test_a_band_of_only_a_note_prints_its_first_page_alone() -> None:
    # LibreOffice leaves out a page whose own columns hold nothing: the note over the repeated
    # columns, alone on the last band, prints on that band's first page only.
    plan = PrintPlan(False, 1, ((1, 1), (2, 2)))
    widths = [10.0, 120.0, 120.0]
    body = [400.0, 300.0]
    assert printed_pages(plan, widths, [30.0], body) == 4
    assert printed_pages(plan, widths, [30.0], body, reach={1: 0}) == 3
    assert printed_pages(plan, widths, [30.0], body, reach={1: 1}) == 3
    assert printed_pages(plan, widths, [30.0], body, reach={0: 0, 1: 0}) == 2


def test_a_split_sheet_prints_its_subtitle_and_note_whole_on_every_page(tmp_path: Path) -> None:
    """Across pages, the note lies over the repeated columns like the title (a note over the
    whole width would be cut at each page break), its rows as tall as its lines; a subtitle
    that wraps is broken between its parts, not inside them."""
    columns = [LedgerColumn("序号", 6), LedgerColumn("日期", 11), LedgerColumn("姓名", 9)]
    # the repeated columns stay at 26 units: with the next one they would pass 55
    columns += [LedgerColumn(f"项目{i}", 30) for i in range(8)]
    subtitle = "2026年度 · 全部结对村\u3000共 244 人次\u3000（身份证号、电话已脱敏）"
    note = "注：服务时长以分钟记录；表中各小时数由分钟数折算后四舍五入，合计可能相差零点几小时。"
    path = tmp_path / "宽表.xlsx"
    with Ledger(path) as book:
        sheet = book.sheet("宽表", "某某医院宽表台账", subtitle, columns)
        sheet.append([1, "2025-01-02", "张三", *["短"] * 8])
        sheet.note(note)
    ws = load_workbook(path)["宽表"]
    assert ws.print_title_cols == "$A:$C"
    assert "A5:C5" in ws.merged_cells  # the note, over the repeated columns only
    lines = str(ws["A5"].value).split("\n")
    assert "".join(lines) == note and len(lines) > 3
    assert all(line_count(line, 26 - 2) == 1 for line in lines)  # whole lines, no wrapping left
    assert not any(line[0] in "，。；）" for line in lines)
    assert ws.row_dimensions[5].height >= row_height(len(lines))
    parts = str(ws["A2"].value).split("\n")
    assert parts == ["2026年度 · 全部结对村", "共 244 人次", "（身份证号、电话已脱敏）"]
    assert ws.row_dimensions[2].height >= row_height(3)


def test_rows_checked_together_make_the_same_sheet_as_one_by_one(tmp_path: Path) -> None:
    """`extend` (rows checked 200 at a time, a column at a time) writes exactly what `append`
    row by row writes: cells, formats, heights, widths; across shapes, long and short text,
    ASCII dates and IDs, a control character, a line break, a text subclass, numbers."""
    rows: list[list[object]] = []
    for n in range(530):
        rows.append(
            [
                n + 1,
                "1948-06-26" if n % 3 else "1948-06",
                "第3村民小组" if n % 5 else "萝北县肇兴镇胜利村村民小组",
                f"2301{n:014d}",
                None if n % 7 == 0 else n * 0.25,
                date(2025, 1, 1 + n % 28) if n % 11 else None,
                ("长文字" * (n % 9))
                + ("a\x07b" if n == 200 else "")
                + ("\n下一行" if n == 300 else ""),
                _Label("标签") if n == 400 else str(n),
            ]
        )
    columns = [
        LedgerColumn("序号", 6),
        LedgerColumn("出生日期", 11),
        LedgerColumn("村民小组", 11),
        LedgerColumn("身份证号", 21),
        LedgerColumn("小时", 8, "0.0"),
        LedgerColumn("日期", 11, "yyyy-mm-dd"),
        LedgerColumn("备注", 20),
        LedgerColumn("其他", 9),
    ]
    for how in ("each", "together"):
        with Ledger(tmp_path / f"{how}.xlsx") as book:
            sheet = book.sheet("表", "表", "", columns)
            if how == "each":
                for row in rows:
                    sheet.append(row)
            else:
                sheet.extend(rows)
    each, together = (
        zipfile.ZipFile(tmp_path / f"{how}.xlsx").read("xl/worksheets/sheet1.xml")
        for how in ("each", "together")
    )
    assert each == together
    assert each.count(b'customHeight="1"') > 100  # the checks had rows to make taller


# The most digits / Chinese characters LibreOffice printed on one line of a 10 pt body cell,
# by column width 5…30 (scripts/line_fits.py; docs/printing.md, "Lines on paper").
_DIGITS_FIT = [4, 5, 6, 7, 8, 8, 9, 10, 11, 12, 13, 14, 15, 15, 16, 17, 18, 19, 20, 21, 21, 22,
               23, 24, 25, 26]  # fmt: skip
_CHINESE_FIT = [2, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 14, 14, 15,
                15, 16, 16]  # fmt: skip


def test_one_line_never_holds_more_than_paper_does() -> None:
    """For every width measured, `line_count` puts on one line at most what printed on one
    line, and counts at least as many lines as print for longer text; a masked phone in 13, a
    date in 11, an ID in 21 take one line, as on paper."""
    for width, digits, chinese in zip(range(5, 31), _DIGITS_FIT, _CHINESE_FIT, strict=True):
        for text, fit in (("1", digits), ("中", chinese)):
            for length in range(1, 4 * width):
                printed = -(-length // fit)  # lines on paper: `fit` a line
                assert line_count(text * length, width) >= printed, (width, text, length)
    assert line_count("139****1234", 13) == 1 and line_count("1948-06-26", 11) == 1
    assert line_count("230421********1234", 21) == 1 and line_count("第3村民小组", 11) == 1
