"""The print-ready ledger every Excel export uses (openpyxl write-only mode; docs/architecture.md,
"Libraries: what was measured").

A title row naming the hospital and period, a bold framed header, column widths, frozen header,
A4 landscape, header rows repeated on every printed page, page numbers in the footer. Text that
Excel would read as a formula (=, +, -, @) is written as text.

Speed: a write-only sheet writes each row out as soon as it is appended, so every
column keeps one cell object per style and carries each row's value in turn. Its style index is
looked up once, not hashed again for every cell, and the rows bypass openpyxl's conversion of
plain values, which handles a styled cell by raising and catching an exception per cell. Together
this made the checkup ledger ~2× faster; what remains is openpyxl's XML writing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell, get_time_format
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import WorkbookAlreadySaved
from openpyxl.worksheet.worksheet import Worksheet

from wenming_desktop.domain.text_clean import export_safe
from wenming_desktop.exports.files import atomic_output

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_HEADER_FONT = Font(name="宋体", size=11, bold=True)
_BODY_FONT = Font(name="宋体", size=10)
_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(vertical="center", wrap_text=False)
_TIME_TYPES = (date, time, timedelta)  # datetime is a date

R = TypeVar("R")


@dataclass(frozen=True)
class LedgerColumn:
    title: str
    width: float = 12
    number_format: str | None = None  # e.g. "0.0" for hours, "yyyy-mm-dd" for dates


@dataclass(frozen=True)
class LedgerField(Generic[R]):
    """A ledger column and how its cell is computed from a row of type R: header, width, value
    and number format stand together, so a column is added or moved in one place."""

    title: str
    width: float
    value: Callable[[R], object]
    number_format: str | None = None

    @property
    def column(self) -> LedgerColumn:
        return LedgerColumn(self.title, self.width, self.number_format)


SERIAL_COLUMN = LedgerColumn("序号", 6)


class _LedgerCell(Cell):
    """A cell with a fixed style, reused for every row of its column (see the module's note)."""

    __slots__ = ("_style_id", "dated")

    def __init__(self, sheet: Any, column: int, style: StyleArray, number_format: str) -> None:
        super().__init__(sheet, row=1, column=column, style_array=style)
        self._style_id: int = super().style_id  # registers the style in the workbook once
        # Dates bound to a cell without a date format would change its style: they get their own.
        self.dated = is_date_format(number_format)

    @property
    def style_id(self) -> int:  # openpyxl's name; asked once per written cell
        return self._style_id

    @property
    def has_style(self) -> bool:  # every ledger cell has a font
        return True


def _cells_as_row(cells: list[Cell], row: int) -> list[Cell]:
    """Replaces the sheet's conversion of appended values: ours are cells already."""
    for cell in cells:
        cell.row = row
    return cells


def _time_format(value: date | time | timedelta) -> str:
    if isinstance(value, datetime):
        return "yyyy-mm-dd hh:mm"
    if isinstance(value, date):
        return "yyyy-mm-dd"
    # openpyxl looks the format up by the value's type; its stub wants a value.
    return get_time_format(type(value))  # type: ignore[arg-type]


class LedgerSheet:
    """One sheet of a ledger; rows are appended as plain sequences."""

    def __init__(
        self, sheet: Worksheet, title: str, subtitle: str, columns: Sequence[LedgerColumn]
    ):
        self._sheet = sheet
        self._columns = list(columns)
        self._styles: dict[tuple[object, ...], StyleArray] = {}
        self._written = 0  # sheet rows written, title and header included
        self._time_cells: dict[tuple[int, str], _LedgerCell] = {}
        last = get_column_letter(len(columns))
        for i, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = column.width
        sheet.freeze_panes = "A4"
        sheet.print_title_rows = "1:3"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        fit = sheet.sheet_properties.pageSetUpPr
        footer = sheet.oddFooter
        assert fit is not None and footer is not None  # openpyxl makes both with every sheet
        fit.fitToPage = True
        sheet.print_options.horizontalCentered = True
        footer.center.text = "第 &P 页 共 &N 页"
        footer.center.size = 9
        sheet.merged_cells.add(f"A1:{last}1")
        sheet.merged_cells.add(f"A2:{last}2")
        # An openpyxl without this hook still writes our cells correctly, only more slowly.
        # _values_to_row is the write-only sheet's internal hook, absent from openpyxl's stubs.
        sheet._values_to_row = _cells_as_row  # type: ignore[attr-defined]
        self._write([self._cell(0, _TITLE_FONT, None, _CENTER, border=False)], [title])
        self._write([self._cell(0, _BODY_FONT, None, _CENTER, border=False)], [subtitle])
        header = [
            self._cell(i, _HEADER_FONT, None, _CENTER, fill=_HEADER_FILL)
            for i in range(len(columns))
        ]
        self._write(header, [c.title for c in columns])
        self._body = self._row_cells(_BODY_FONT)
        self._bold: list[_LedgerCell] = []  # the totals rows' cells, made when first needed
        self.rows = 0
        self._note: list[_LedgerCell] | None = None

    def _row_cells(self, font: Font) -> list[_LedgerCell]:
        return [self._cell(i, font, c.number_format) for i, c in enumerate(self._columns)]

    def _style(
        self,
        font: Font,
        alignment: Alignment,
        fill: PatternFill | None,
        border: bool,
        number_format: str | None,
    ) -> StyleArray:
        key = (id(font), id(alignment), id(fill), border, number_format)
        style = self._styles.get(key)
        if style is None:
            cell = WriteOnlyCell(self._sheet)
            cell.font = font
            cell.alignment = alignment
            if fill is not None:
                cell.fill = fill
            if border:
                cell.border = _BORDER
            if number_format:
                cell.number_format = number_format
            # Cell._style (openpyxl's style array) is not in its stubs; see the pin in pyproject.
            style = self._styles[key] = StyleArray(cell._style)  # type: ignore[attr-defined]
        return style

    def _cell(
        self,
        index: int,
        font: Font,
        number_format: str | None,
        alignment: Alignment = _LEFT,
        fill: PatternFill | None = None,
        border: bool = True,
    ) -> _LedgerCell:
        style = self._style(font, alignment, fill, border, number_format)
        return _LedgerCell(self._sheet, index + 1, style, number_format or "General")

    def _time_cell(self, cell: _LedgerCell, value: date | time | timedelta) -> _LedgerCell:
        """The cell of `cell`'s column and font for a date or time in a column without a date
        format: one formatted for the value's type."""
        fmt = _time_format(value)
        key = (id(cell), fmt)
        found = self._time_cells.get(key)
        if found is None:
            font = _HEADER_FONT if cell in self._bold else _BODY_FONT
            found = self._time_cells[key] = self._cell(cell.column - 1, font, fmt)
        return found

    def _write(self, cells: list[_LedgerCell], values: Sequence[Any]) -> None:
        row = []
        for cell, value in zip(cells, values, strict=True):
            if not cell.dated and isinstance(value, _TIME_TYPES):
                cell = self._time_cell(cell, value)
            cell.value = export_safe(value) if isinstance(value, str) else value
            if cell.data_type == "f":
                cell.data_type = "s"  # never a formula, whatever the text
            row.append(cell)
        self._sheet.append(row)
        self._written += 1

    def append(self, values: Sequence[Any], bold: bool = False) -> None:
        if bold and not self._bold:
            self._bold = self._row_cells(_HEADER_FONT)
        self._write(self._bold if bold else self._body, values)
        self.rows += 1

    def note(self, text: str) -> None:
        """A footnote under the table: one line across the sheet's width, without a frame."""
        if self._note is None:
            self._note = [self._cell(0, _BODY_FONT, None, _LEFT, border=False)]
        row = self._written + 1  # the sheet row this note goes to
        last = get_column_letter(len(self._columns))
        self._sheet.merged_cells.add(f"A{row}:{last}{row}")
        self._write(self._note, [text])

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.append(row)


class LedgerTable(Generic[R]):
    """A sheet whose rows are objects of type R: a 序号 column, then one cell per field."""

    def __init__(self, sheet: LedgerSheet, fields: Sequence[LedgerField[R]]) -> None:
        self.sheet = sheet
        self._values = [f.value for f in fields]

    @property
    def rows(self) -> int:
        """The number of rows added (a totals row excluded)."""
        return self.sheet.rows

    def add(self, row: R) -> None:
        self.sheet.append([self.sheet.rows + 1, *(value(row) for value in self._values)])

    def add_all(self, rows: Iterable[R], tick: Callable[[int], None] | None = None) -> int:
        """Adds every row; `tick(n)` is called every 200 rows. Returns the number of rows."""
        for row in rows:
            self.add(row)
            if tick is not None and self.sheet.rows % 200 == 0:
                tick(self.sheet.rows)
        return self.sheet.rows

    def totals(self, label: str, values: Sequence[object]) -> None:
        """A bold last row: `label` under 序号, then `values` for the fields."""
        self.sheet.append([label, *values], bold=True)
        self.sheet.rows -= 1


class Ledger:
    """A workbook of ledger sheets, saved atomically: `with Ledger(path) as book: ...`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._book = Workbook(write_only=True)

    def sheet(
        self, name: str, title: str, subtitle: str, columns: Sequence[LedgerColumn]
    ) -> LedgerSheet:
        return LedgerSheet(
            self._book.create_sheet(export_safe(name)[:31]), title, subtitle, columns
        )

    def table(
        self, name: str, title: str, subtitle: str, fields: Sequence[LedgerField[R]]
    ) -> LedgerTable[R]:
        """A sheet of rows of type R with the given fields after a 序号 column."""
        columns = [SERIAL_COLUMN, *(f.column for f in fields)]
        return LedgerTable(self.sheet(name, title, subtitle, columns), fields)

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
                sheet.close()  # write-only sheets have close()
