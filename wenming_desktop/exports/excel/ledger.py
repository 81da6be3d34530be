"""The print-ready ledger every Excel export uses, written with XlsxWriter in constant-memory mode.

A title row naming the hospital and period, a bold framed header, column widths, frozen header,
A4 landscape, header rows repeated on every printed page, page numbers in the footer. User text
is always written as text (never a formula, a number or a link, whatever it starts with).

How a ledger reads on paper (the rules of `print_layout.py`): long text wraps inside its cell and
the row is made tall enough for it; header cells wrap with their row's height set, so they never
overlap the title; a column that holds numbers or dates is widened to its longest value (totals
included), so nothing prints as `###`; a sheet narrow enough is fitted to one page wide at no less
than 90 % (body text 10 pt prints at 9 pt or more), a wider one prints at 100 % split across
pages, left to right then down, with its first columns (序号 … 姓名) repeated on every page.

Constant-memory mode writes each row out when the next one starts, so memory stays flat for the
large ledgers; rows are therefore written strictly in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import count, groupby, islice, repeat
from operator import call, itemgetter
from pathlib import Path
from typing import Any, Generic, TypeVar

from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from wenming_desktop.domain.text_clean import export_safe
from wenming_desktop.exports.excel.ledger_columns import (  # the ledger's API, kept here
    SERIAL_COLUMN as SERIAL_COLUMN,
)
from wenming_desktop.exports.excel.ledger_columns import CellFormats as _Formats
from wenming_desktop.exports.excel.ledger_columns import LedgerColumn as LedgerColumn
from wenming_desktop.exports.excel.ledger_columns import LedgerField as LedgerField
from wenming_desktop.exports.excel.ledger_columns import format_runs as _runs
from wenming_desktop.exports.excel.print_layout import (
    DEFAULT_ROW_HEIGHT,
    HEADER_ROWS,
    PRINTED_PAGES,
    SPLIT_TITLE_SIZE,
    TITLE_SIZE,
    PrintPlan,
    ascii_key,
    banner_text,
    line_count,
    number_width,
    plan_print,
    printed_pages,
    row_height,
    title_text,
)
from wenming_desktop.exports.excel.row_shapes import (
    LINES_KEPT,
    MAX_SHAPES,
    ColumnFacts,
    LineCaches,
    RowShape,
    is_date_format,
)
from wenming_desktop.exports.files import atomic_output

_TITLE_HEIGHT, _SUBTITLE_HEIGHT = 27.0, 18.0
_BOLD = 1.1  # bold text is about a tenth wider than regular
_DATE_FORMATS = {datetime: "yyyy-mm-dd hh:mm", date: "yyyy-mm-dd", time: "h:mm:ss"}

_BATCH = 200  # rows checked together
R = TypeVar("R")
# A ledger's title: the text, or its parts in order (hospital, period, ledger name), printed
# joined; where the title must wrap (over the repeated columns of a split sheet), it breaks
# only between parts, so a name is never cut ("…活动台" / "账").
Title = str | Sequence[str]


class LedgerSheet:
    """One sheet of a ledger; rows are appended as plain sequences, in order."""

    def __init__(
        self,
        sheet: Worksheet,
        formats: _Formats,
        title: Title,
        subtitle: str,
        columns: Sequence[LedgerColumn],
    ) -> None:
        self._sheet = sheet
        self._formats = formats
        self._columns = list(columns)
        self._widths = [c.width for c in columns]
        self._needed = [0.0] * len(columns)  # width the numbers and dates of each column need
        self._dated = [is_date_format(c.number_format) for c in columns]
        self._body = [formats.get("body", c.number_format) for c in columns]
        self._bold = [formats.get("bold", c.number_format) for c in columns]
        # Worked out once for `append`: what the checks of a row need per column, and for
        # each shape of row met its checks and its runs of neighbouring columns that share a
        # body format, each run written with one call. A date in a date column does not break
        # a run: XlsxWriter hands it to `_write_date`, which gives it its column's format.
        sheet.add_write_handler(date, self._write_date)
        self._facts = ColumnFacts.of(self._widths, [c.number_format for c in columns])
        self._shapes: dict[tuple[type, ...], RowShape] = {}
        self._count = len(columns)
        self._line_caches = LineCaches.of(len(columns))
        self._known_lines = self._line_caches.text
        for i, width in enumerate(self._widths):
            sheet.set_column(i, i, width)
        # Decided now: the title rows are written before any row, and stream out with them.
        self._plan = plan_print([c.title for c in columns], self._widths)
        # The title over the whole sheet; or, when it prints across pages, over the columns
        # repeated on every page, so each page carries it whole.
        last = len(columns) - 1 if self._plan.fit_one_page_wide else self._plan.repeated_columns - 1
        width = sum(self._widths[: last + 1])
        # Heights before the cells: a row streams out as soon as the next one is written.
        if isinstance(title, str):
            title = (title,)
        if self._plan.fit_one_page_wide:  # on one line if it fits, else between its parts
            title_size = TITLE_SIZE
            title = title_text(title, width - 2, title_size * _BOLD)
        else:  # narrow: lines of whole parts, the title smaller
            title_size = SPLIT_TITLE_SIZE
            title = title_text(title, width - 2, title_size * _BOLD)
            subtitle = banner_text(subtitle, width - 2)
        title_lines = line_count(title, width - 2, title_size * _BOLD)  # a merged cell's padding
        subtitle_lines = line_count(subtitle, width - 2)
        self._heights: dict[int, float] = {}  # rows whose height is set (points)
        self._reach: dict[int, int] = {}  # rows short of the last column: their last column
        self._set_height(0, max(_TITLE_HEIGHT, row_height(title_lines, title_size)))
        self._set_height(1, max(_SUBTITLE_HEIGHT, row_height(subtitle_lines)))
        self._banner(0, title, formats.get("title", size=title_size), last)
        self._banner(1, subtitle, formats.get("subtitle"), last)
        if self._plan.pages_wide > 1:
            sheet.set_v_pagebreaks([first for first, _ in self._plan.groups[1:]])
        header = formats.get("header")
        for i, column in enumerate(columns):
            sheet.write_string(2, i, export_safe(column.title), header)
        lines = max(
            (line_count(c.title, w, 11) for c, w in zip(columns, self._widths, strict=True)),
            default=1,
        )
        self._set_height(2, row_height(lines, 11))
        self._next_row = HEADER_ROWS
        self.rows = 0

    def _set_height(self, row: int, height: float) -> None:
        self._sheet.set_row(row, height)
        self._heights[row] = height

    def printed_pages(self) -> int:
        """Pages this sheet prints on, as laid out (print_layout.printed_pages); after finish."""
        heights = self._heights
        repeated = [heights.get(r, DEFAULT_ROW_HEIGHT) for r in range(HEADER_ROWS)]
        body = [heights.get(r, DEFAULT_ROW_HEIGHT) for r in range(HEADER_ROWS, self._next_row)]
        reach = {row - HEADER_ROWS: last for row, last in self._reach.items()}
        return printed_pages(self._plan, self._widths, repeated, body, reach)

    def _banner(self, row: int, text: str, fmt: Format, last: int) -> None:
        text = export_safe(text)
        if last > 0:
            self._sheet.merge_range(row, 0, row, last, text, fmt)
        else:
            self._sheet.write_string(row, 0, text, fmt)

    def append(self, values: Sequence[Any], bold: bool = False) -> None:
        """Add a row of `values`, one per column (None or "" leaves a framed blank cell).

        A body row is checked by its shape (`row_shapes.py`: text for control characters and
        line count, numbers for the column's width), then written in runs of columns that
        share a format (`write_row`); the values a run cannot write as they are, and the
        totals row, go cell by cell (`_write_cell`).
        """
        if len(values) != self._count:
            raise ValueError(f"{len(values)} values for {self._count} columns")
        kinds = tuple(map(type, values))
        shape = None if bold else self._shapes.get(kinds)
        if shape is None:
            shape = None if bold else self._new_shape(kinds)
            if shape is None:
                self._append_each(values, bold)
                return
        row, lines = self._next_row, 1
        if shape.text_columns:
            texts = shape.texts(values)
            if "".join(texts).isprintable():  # no control character or line break: most rows
                known = self._known_lines
                for col, text in shape.long_texts(texts, any_break=False):
                    found = known[col].get(text)
                    if found is None:
                        found = self._lines(col, text, 10)
                    if found > lines:
                        lines = found
            else:
                values = [export_safe(v) if v.__class__ is str else v for v in values]
                for col, text in shape.long_texts(shape.texts(values), any_break=True):
                    lines = max(lines, self._lines(col, text, 10))
        if shape.number_columns:
            shape.track(values)
        for col in shape.measured:
            self._widen(col, number_width(values[col], self._columns[col].number_format))
        odd = shape.odd
        if odd:
            cells = list(values)
            for col in odd:
                cells[col] = None  # a framed blank for now, the cell itself below
                if isinstance(values[col], str) and values[col]:  # a str subclass
                    lines = max(lines, self._lines(col, export_safe(values[col]), 10))
            values, odd_values = cells, values
        if shape.whole_run is not None:  # one run: the row as it is
            self._sheet.write_row(row, 0, values, shape.whole_run)
        else:
            write_row = self._sheet.write_row
            for first, stop, fmt in shape.runs:
                write_row(row, first, values[first:stop], fmt)
        for col in odd:
            self._write_cell(row, col, odd_values[col], False)
        if lines > 1:
            self._set_height(row, row_height(lines, 10))
        self._next_row += 1
        self.rows += 1

    def append_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """`append` each of `rows` (body rows), checked together: the rows of each stretch of
        one shape are checked a column at a time (`RowShape.lines_of`, `track_all`), then
        each is written with one `write_row` a run. Rows of a shape with cells written one
        at a time, or with a control character or line break, go through `append`."""
        if any(len(values) != self._count for values in rows):
            for values in rows:
                self.append(values)  # says which row is wrong
            return
        kinds = map(tuple, map(map, repeat(type), rows))
        for kind, stretch in groupby(zip(kinds, rows, strict=True), key=itemgetter(0)):
            same = list(map(itemgetter(1), stretch))
            shape = self._shapes.get(kind) or self._new_shape(kind)
            lines = None
            if shape is not None and not shape.odd and not shape.measured:
                lines = shape.lines_of(same, self._widths, self._line_caches)
            if shape is None or shape.odd or shape.measured or lines is False:
                for values in same:
                    self.append(values)
                continue
            shape.track_all(same)
            self._write_rows(shape, same, lines)

    def _write_rows(
        self, shape: RowShape, rows: list[Sequence[Any]], lines: list[int] | bool | None
    ) -> None:
        """Rows of `shape` checked, written in order (a taller row's height first)."""
        first = self._next_row
        write_row, fmt = self._sheet.write_row, shape.whole_run
        if isinstance(lines, list):
            for row, count in enumerate(lines, first):
                if count > 1:
                    self._set_height(row, row_height(count, 10))
        if fmt is not None:
            for row, values in enumerate(rows, first):
                write_row(row, 0, values, fmt)
        else:
            for row, values in enumerate(rows, first):
                for start, stop, run in shape.runs:
                    write_row(row, start, values[start:stop], run)
        self._next_row += len(rows)
        self.rows += len(rows)

    def _new_shape(self, kinds: tuple[type, ...]) -> RowShape | None:
        """The checks of a new shape of row, kept for the next ones (None past MAX_SHAPES)."""
        if len(self._shapes) >= MAX_SHAPES:
            return None
        shape = self._shapes[kinds] = RowShape(kinds, self._facts)
        formats = list(self._body)
        for col in shape.dates:  # a date in its column's own format: always as wide
            self._widen(col, len(self._columns[col].number_format or "") + 2)
            if col > 0:  # written by `_write_date`: part of the run before it
                formats[col] = formats[col - 1]
        shape.runs = _runs(formats)
        shape.whole_run = shape.runs[0][2] if len(shape.runs) == 1 else None
        return shape

    def _write_date(self, sheet: Worksheet, row: int, col: int, value: date, _fmt: Any) -> int:
        """A `date` met by `write_row` (in a column whose format is a date format: a date
        elsewhere is written by `_write_cell`): written in its column's format."""
        if not self._dated[col]:
            self._write_time(row, col, value, False)
            return 0
        written: int = sheet.write_datetime(row, col, value, self._body[col])
        return written

    def _append_each(self, values: Sequence[Any], bold: bool) -> None:
        """A row written cell by cell (the totals row: bold, its own number widths)."""
        size = 11 if bold else 10
        lines = 1
        for col, value in enumerate(values):
            if isinstance(value, str) and value:
                value = export_safe(value)
                if len(value) * 2 > self._widths[col] - 1 or "\n" in value:
                    lines = max(lines, self._lines(col, value, size))
            self._write_cell(self._next_row, col, value, bold)
        if lines > 1:
            self._set_height(self._next_row, row_height(lines, size))
        self._next_row += 1
        self.rows += 1

    def _write_cell(self, row: int, col: int, value: Any, bold: bool) -> None:
        """One cell by its value's type: text always as text (never a formula, number or
        link), numbers and dates as such, widening the column for them."""
        sheet, fmt = self._sheet, (self._bold if bold else self._body)[col]
        if value is None or value == "":
            sheet.write_blank(row, col, None, fmt)
        elif isinstance(value, str):
            sheet.write_string(row, col, export_safe(value), fmt)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, fmt)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value, fmt)
            self._widen(col, number_width(value, self._columns[col].number_format, bold))
        elif isinstance(value, (date, time, timedelta)):
            self._write_time(row, col, value, bold)
        else:
            sheet.write_string(row, col, export_safe(str(value)), fmt)

    def _lines(self, col: int, text: str, size: float) -> int:
        """Lines `text` takes in column `col` at `size` pt. Body text's counts are remembered
        per column: by the text, or for one line of plain ASCII (an ID or phone number, a date)
        by what its width depends on (`ascii_key`)."""
        if size != 10:
            return line_count(text, self._widths[col], size)
        known = self._known_lines[col]
        found = known.get(text)
        if found is None:
            if text.isascii() and "\n" not in text:
                by_key = self._line_caches.ascii[col]
                key = ascii_key(text)
                found = by_key.get(key)
                if found is None:
                    found = by_key[key] = line_count(text, self._widths[col], size)
            else:
                found = line_count(text, self._widths[col], size)
            if len(known) < LINES_KEPT:
                known[text] = found
        return found

    def _widen(self, col: int, width: float) -> None:
        if width > self._needed[col]:
            self._needed[col] = width

    def _write_time(self, row: int, col: int, value: date | time | timedelta, bold: bool) -> None:
        """A date or time: in its column's format if that is a date format, else by its type."""
        number_format = self._columns[col].number_format
        if not self._dated[col]:
            number_format = _DATE_FORMATS.get(type(value), "[h]:mm:ss")
        fmt = self._formats.get("bold" if bold else "body", number_format)
        self._sheet.write_datetime(row, col, value, fmt)
        self._widen(col, len(number_format or "") + 2)

    def note(self, text: str) -> None:
        """A footnote under the table, without a frame: across the sheet's width; when the sheet
        prints across pages, over the columns repeated on every page (so each page carries it
        whole), broken into lines by its clauses."""
        text = export_safe(text)
        row, last = self._next_row, len(self._columns) - 1
        if not self._plan.fit_one_page_wide:
            last = self._plan.repeated_columns - 1
            text = banner_text(text, sum(self._widths[: last + 1]) - 2, clauses=True)
        self._set_height(row, row_height(line_count(text, sum(self._widths[: last + 1]) - 2)))
        self._banner(row, text, self._formats.get("note"), last)
        if last < len(self._columns) - 1:
            self._reach[row] = last
        self._next_row += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        iterator = iter(rows)
        while batch := list(islice(iterator, _BATCH)):
            self.append_rows(batch)

    def finish(self) -> PrintPlan:
        """Widen the number and date columns, then set up the printed pages; called on save."""
        for shape in self._shapes.values():  # the widest number is one of the extremes
            for col, number in shape.extremes():
                self._widen(col, number_width(number, self._columns[col].number_format))
        for i, needed in enumerate(self._needed):
            if needed > self._widths[i]:
                self._widths[i] = needed
                self._sheet.set_column(i, i, needed)
        plan = self._plan
        sheet = self._sheet
        sheet.freeze_panes(HEADER_ROWS, 0)
        sheet.repeat_rows(0, HEADER_ROWS - 1)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.center_horizontally()
        sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        sheet.set_footer("&C&9第 &P 页 共 &N 页")
        if plan.fit_one_page_wide:
            sheet.fit_to_pages(1, 0)
        else:
            sheet.set_print_scale(100)
            sheet.print_across()
            sheet.repeat_columns(0, plan.repeated_columns - 1)
        return plan


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
        self.sheet.append([self.sheet.rows + 1, *map(call, self._values, repeat(row))])

    def add_all(self, rows: Iterable[R], tick: Callable[[int], None] | None = None) -> int:
        """Adds every row, 200 at a time (`LedgerSheet.append_rows`); `tick(n)` is called
        after each 200. Returns the number of rows."""
        sheet, values = self.sheet, self._values
        cells = (
            [n, *map(call, values, repeat(row))] for n, row in zip(count(sheet.rows + 1), rows)
        )
        while batch := list(islice(cells, _BATCH)):
            sheet.append_rows(batch)
            if tick is not None and len(batch) == _BATCH:
                tick(sheet.rows)
        return sheet.rows

    def totals(self, label: str, values: Sequence[object]) -> None:
        """A bold last row: `label` under 序号, then `values` for the fields."""
        self.sheet.append([label, *values], bold=True)
        self.sheet.rows -= 1


class Ledger:
    """A workbook of ledger sheets, saved atomically: `with Ledger(path) as book: ...`.

    One sheet is written at a time: constant-memory mode flushes a sheet's rows as they come.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._book = Workbook(
            str(self.path),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self._formats = _Formats(self._book)
        self._sheets: list[LedgerSheet] = []

    def sheet(
        self, name: str, title: Title, subtitle: str, columns: Sequence[LedgerColumn]
    ) -> LedgerSheet:
        worksheet = self._book.add_worksheet(export_safe(name)[:31])
        sheet = LedgerSheet(worksheet, self._formats, title, subtitle, columns)
        self._sheets.append(sheet)
        return sheet

    def table(
        self, name: str, title: Title, subtitle: str, fields: Sequence[LedgerField[R]]
    ) -> LedgerTable[R]:
        """A sheet of rows of type R with the given fields after a 序号 column."""
        columns = [SERIAL_COLUMN, *(f.column for f in fields)]
        return LedgerTable(self.sheet(name, title, subtitle, columns), fields)

    def __enter__(self) -> Ledger:
        # The temporary file beside the target first: a folder that cannot be written to is
        # reported before any row is computed.
        self._output = atomic_output(self.path)
        self._book.filename = str(self._output.__enter__())  # XlsxWriter writes it on close()
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if kind is None:
            try:
                for sheet in self._sheets:
                    sheet.finish()
                pages = sum(sheet.printed_pages() for sheet in self._sheets)
                self._book.set_custom_property(PRINTED_PAGES, pages)
                try:
                    self._book.close()
                except FileCreateError as error:  # it wraps the OSError (disk full, ...)
                    cause = error.args[0] if error.args else None
                    raise (cause if isinstance(cause, OSError) else OSError(str(error))) from None
            except BaseException as error:
                self._discard()
                if not self._output.__exit__(type(error), error, error.__traceback__):
                    raise
                return
            self._output.__exit__(None, None, None)
        else:
            self._discard()
            self._output.__exit__(kind, exc, tb)

    def _discard(self) -> None:
        """Remove constant-memory temp files without writing the workbook."""
        for worksheet in self._book.worksheets():
            handle = getattr(worksheet, "row_data_fh", None)
            if handle is not None and not handle.closed:
                handle.close()
            name = getattr(worksheet, "row_data_filename", None)
            if name:
                Path(name).unlink(missing_ok=True)
        self._book.fileclosed = True  # XlsxWriter would otherwise warn at exit
