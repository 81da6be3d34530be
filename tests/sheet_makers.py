"""Workbooks as offices actually have them, generated for the import tests: openpyxl sheets
rewritten at the XML level (escapes, Strict namespaces, odd part names), .xls (xlwt), .ods (odfpy).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from wenming_desktop.services.workbooks.ooxml_package import _STRICT_TO_TRANSITIONAL

HR_HEADER = ["序号", "工号", "姓名", "性别", "科室", "手机号码", "身份证号", "出生年月"]


def hr_book(path: Path, rows: Sequence[Sequence[Any]], header: Sequence[str] = HR_HEADER) -> Path:
    """A title row, the header on row 2, then `rows` from row 3."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["职工花名册"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def rewrite(path: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    """Rewrite every member of the package through `change(name, data) → (name, data)`."""
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            name, data = change(item.filename, source.read(item))
            out.writestr(name, data)
    shutil.move(temp, path)
    return path


def to_strict(path: Path) -> Path:
    """The same workbook in Strict Open XML namespaces (as Excel's "Strict Open XML" save)."""

    def change(name: str, data: bytes) -> tuple[str, bytes]:
        for strict, transitional in _STRICT_TO_TRANSITIONAL:
            data = data.replace(transitional, strict)
        return name, data

    return rewrite(path, change)


def rename_parts(path: Path, renames: dict[str, str]) -> Path:
    """Zip entries renamed (references left as they are)."""
    return rewrite(path, lambda name, data: (renames.get(name, name), data))


def with_backslashes(path: Path) -> Path:
    return rewrite(path, lambda name, data: (name.replace("/", "\\"), data))


def replace_in_strings(path: Path, old: str, new: str) -> Path:
    """Text replaced in the shared strings and the sheets' XML (e.g. to add `_x000D_`)."""

    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name.endswith(".xml"):
            data = data.replace(old.encode(), new.encode())
        return name, data

    return rewrite(path, change)


def hide_rows(path: Path, rows: Sequence[int], part: str = "xl/worksheets/sheet1.xml") -> Path:
    """Rows marked hidden as an AutoFilter leaves them."""

    def change(name: str, data: bytes) -> tuple[str, bytes]:
        if name == part:
            text = data.decode()
            for row in rows:
                text = re.sub(rf'<row r="{row}"', f'<row r="{row}" hidden="1"', text)
            data = text.encode()
        return name, data

    return rewrite(path, change)


def xls_book(
    path: Path,
    sheets: Sequence[tuple[str, bool, Sequence[Sequence[Any]]]],
    hidden_rows: dict[str, Sequence[int]] | None = None,
) -> Path:
    """An Excel 97-2003 workbook: (name, visible, rows) per sheet; dates get a date format;
    `hidden_rows` are the Excel row numbers (1-based) hidden in a sheet, as a filter hides them."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for name, visible, rows in sheets:
        sheet = book.add_sheet(name)
        if not visible:
            sheet.visibility = 1
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, date | datetime):
                    sheet.write(r, c, value, date_style)
                elif value is not None:
                    sheet.write(r, c, value)
        for number in (hidden_rows or {}).get(name, ()):
            sheet.row(number - 1).hidden = True
    book.save(str(path))
    return path


def ods_book(path: Path, rows: Sequence[Sequence[Any]], hidden_first: bool = True) -> Path:
    """An OpenDocument spreadsheet: a hidden old list first (when asked), then `rows`."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    hidden = Style(name="hiddenTable", family="table")
    hidden.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden)

    def table(name: str, data: Sequence[Sequence[Any]], style: Style | None) -> Table:
        sheet = Table(name=name, stylename=style) if style else Table(name=name)
        for row in data:
            tr = TableRow()
            for value in row:
                if value is None:
                    tr.addElement(TableCell())
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                    tr.addElement(cell)
            sheet.addElement(tr)
        return sheet

    if hidden_first:
        doc.spreadsheet.addElement(
            table("旧名单", [HR_HEADER[1:4], ["OLD1", "旧人", "男"]], hidden)
        )
    doc.spreadsheet.addElement(table("在职", rows, None))
    doc.save(str(path))
    return path
