"""The print-ready ledger every Excel export uses (openpyxl write-only mode, DESIGN §5).

A title row naming the hospital and period, a bold framed header, column widths, frozen header,
A4 landscape, header rows repeated on every printed page, page numbers in the footer. Text that
Excel would read as a formula (=, +, -, @) is written as text.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import WorkbookAlreadySaved
from openpyxl.worksheet.worksheet import Worksheet

from ..files import atomic_output

_FORMULA_START = ("=", "+", "-", "@")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_HEADER_FONT = Font(name="宋体", size=11, bold=True)
_BODY_FONT = Font(name="宋体", size=10)
_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(vertical="center", wrap_text=False)


@dataclass(frozen=True)
class LedgerColumn:
    title: str
    width: float = 12
    number_format: str | None = None  # e.g. "0.0" for hours, "yyyy-mm-dd" for dates


class LedgerSheet:
    """One sheet of a ledger; rows are appended as plain sequences."""

    def __init__(
        self, sheet: Worksheet, title: str, subtitle: str, columns: Sequence[LedgerColumn]
    ):
        self._sheet = sheet
        self._columns = list(columns)
        self._styles: dict[tuple[object, ...], StyleArray] = {}
        last = get_column_letter(len(columns))
        for i, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = column.width
        sheet.freeze_panes = "A4"
        sheet.print_title_rows = "1:3"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
        sheet.oddFooter.center.size = 9
        sheet.merged_cells.add(f"A1:{last}1")
        sheet.merged_cells.add(f"A2:{last}2")
        sheet.append([self._cell(title, _TITLE_FONT, _CENTER, border=False)])
        sheet.append([self._cell(subtitle, _BODY_FONT, _CENTER, border=False)])
        sheet.append(
            [self._cell(c.title, _HEADER_FONT, _CENTER, fill=_HEADER_FILL) for c in columns]
        )
        self.rows = 0

    def _cell(
        self,
        value: Any,
        font: Font,
        alignment: Alignment,
        fill: PatternFill | None = None,
        border: bool = True,
        number_format: str | None = None,
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet, value=value)
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            cell.data_type = "s"  # never a formula, whatever the text
        key = (id(font), id(alignment), id(fill), border, number_format)
        style = self._styles.get(key)
        if style is None:
            # Registering a style hashes every font/border object: do it once per combination
            # and give later cells a copy of the resulting style indexes (4× faster ledgers).
            cell.font = font
            cell.alignment = alignment
            if fill is not None:
                cell.fill = fill
            if border:
                cell.border = _BORDER
            if number_format:
                cell.number_format = number_format
            self._styles[key] = StyleArray(cell._style)
        else:
            cell._style = StyleArray(style)
        return cell

    def append(self, values: Sequence[Any], bold: bool = False) -> None:
        font = _HEADER_FONT if bold else _BODY_FONT
        cells = []
        for column, value in zip(self._columns, values, strict=True):
            fmt = column.number_format
            if fmt is None and isinstance(value, datetime):
                fmt = "yyyy-mm-dd hh:mm"
            elif fmt is None and isinstance(value, date):
                fmt = "yyyy-mm-dd"
            cells.append(self._cell(value, font, _LEFT, number_format=fmt))
        self._sheet.append(cells)
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.append(row)


class Ledger:
    """A workbook of ledger sheets, saved atomically: `with Ledger(path) as book: ...`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._book = Workbook(write_only=True)

    def sheet(
        self, name: str, title: str, subtitle: str, columns: Sequence[LedgerColumn]
    ) -> LedgerSheet:
        return LedgerSheet(self._book.create_sheet(name[:31]), title, subtitle, columns)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            try:
                with atomic_output(self.path) as temp:
                    self._book.save(temp)
            except BaseException:
                self._close_quietly()  # a failed save leaves write-only sheets' temp files open
                raise
        else:
            self._close_quietly()

    def _close_quietly(self) -> None:
        for sheet in self._book.worksheets:
            # Already closed when the save got as far as writing it.
            with contextlib.suppress(ValueError, OSError, WorkbookAlreadySaved):
                sheet.close()  # type: ignore[union-attr]  # write-only sheets have close()
