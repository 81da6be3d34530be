"""Reading messy sheets (HR rosters, resident lists, registry exports) into plain rows.

Real sheets have title rows and merged headers above the column names, column names in varying
wording, full-width characters, formulas, footer and note rows, hidden sheets and filtered rows.
`read_sheet` picks the first visible sheet whose header matches the fields (a hidden or very
hidden sheet only when no visible one does), finds the header row by matching each field's
aliases at any column, returns every data row with its Excel row number, and sets aside footer
and note rows (合计, 制表人, 填表说明, a merged notes block: see domain.sheet_notes). Judging the
values is left to the caller, who uses the cell helpers (services.workbooks.cells). .xlsx is read
by openpyxl (after ooxml_package repairs what it cannot open); .xls, .et, .xlsb and .ods by
calamine (calamine_book). No Qt here.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from wenming_desktop.domain.dates import month_only_format, month_only_text
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.sheet_notes import notes_row_text
from wenming_desktop.domain.text import INVISIBLE, clean_text, decode_ooxml_escapes
from wenming_desktop.services.workbooks.cells import (
    cell_date,
    cell_id_number,
    cell_mobile,
    cell_optional_text,
    cell_partial_date,
    cell_phones,
    cell_text,
)
from wenming_desktop.services.workbooks.ooxml_package import repaired
from wenming_desktop.services.workbooks.preview import (
    ACTION_ERROR,
    ACTION_NEW,
    ACTION_UPDATE,
    ImportPreview,
    PreviewRow,
    Problem,
    SheetFacts,
)
from wenming_desktop.services.workbooks.sheet_scan import scan_sheet
from wenming_desktop.services.workbooks.workbook_guard import BROKEN, check_workbook, translate

__all__ = [
    "ACTION_ERROR",
    "ACTION_NEW",
    "ACTION_UPDATE",
    "FieldSpec",
    "ImportPreview",
    "PreviewRow",
    "Problem",
    "SheetFacts",
    "SheetRows",
    "cell_date",
    "cell_id_number",
    "cell_mobile",
    "cell_optional_text",
    "cell_partial_date",
    "cell_phones",
    "cell_text",
    "read_sheet",
]

HEADER_SCAN_ROWS = 30  # title rows and merged headers sit above the column names
_INVISIBLE = str.maketrans("", "", INVISIBLE)


@dataclass(frozen=True)
class FieldSpec:
    """A field the caller wants: its key, its display label and the header wordings accepted."""

    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


@dataclass
class SheetRows:
    """The data rows of one sheet; `columns` maps field key → header text as found."""

    sheet: str
    header_row: int
    columns: dict[str, str]
    rows: list[tuple[int, dict[str, Any]]]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    facts: SheetFacts = field(default_factory=SheetFacts)

    def problem(self, row: int, key: str, reason: str) -> Problem:
        """A Problem at `row` in the column of field `key` (or with no column when key is "")."""
        return Problem(self.sheet, row, self.columns.get(key, key), reason)

    def is_hidden(self, row: int) -> bool:
        return row in self._hidden

    @functools.cached_property
    def _hidden(self) -> frozenset[int]:  # read once the reader has filled the facts
        return frozenset(self.facts.hidden_rows)


def normalize_header(text: str) -> str:
    """Header text for matching: NFKC, no whitespace, no marks like * or a trailing colon."""
    clean = unicodedata.normalize("NFKC", clean_text(text)).lower()
    return re.sub(r"[\s*:：_\-]+", "", clean)


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value) or None
    return value


class _UnsizedSheet(ReadOnlyWorksheet):
    """openpyxl's read-only sheet without its size probe: on a sheet with no <dimension> (as
    openpyxl's own write-only mode and many HR systems write them) the probe parses the whole
    sheet, since iterparse reports <sheetData> only at its end. read_sheet passes its own
    bounds."""

    def _get_size(self) -> None:
        return None


class _Reader(ExcelReader):
    """openpyxl's reader in read-only mode, making worksheets only (no chartsheets) unsized."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                ws = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state or "visible"  # the file format's default
                self.wb._sheets.append(ws)  # type: ignore[attr-defined]  # as openpyxl's reader does


def _open(path: Path, source: Path, stack: ExitStack, data_only: bool = True) -> Any:
    """The workbook `source` (`path` or its repaired copy), read-only, closed with `stack`; the
    file passed the guard's checks, so its name need not end in .xlsx."""
    try:
        handle = stack.enter_context(open(source, "rb"))  # noqa: SIM115  # closed by the stack
        reader = _Reader(handle, read_only=True, data_only=data_only, keep_links=False)
        reader.read()
    except BROKEN as exc:
        raise translate(path, exc) from None
    stack.callback(reader.wb.close)
    return reader.wb


class _Source(Protocol):
    def sheets(self) -> list[tuple[str, bool]]: ...

    def top(self, name: str, count: int) -> list[tuple[Any, ...]]: ...

    def data(
        self, name: str, header_row: int, max_col: int, max_rows: int
    ) -> tuple[Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]], list[int]]: ...


class _OpenpyxlSource:
    """An .xlsx read by openpyxl in read-only mode, after the fast scan of the sheet's XML."""

    def __init__(self, path: Path, stack: ExitStack) -> None:
        self.path = path
        self.stack = stack
        self.source = repaired(path, stack)
        self.book = _open(path, self.source, stack)

    def sheets(self) -> list[tuple[str, bool]]:
        return [(ws.title, ws.sheet_state == "visible") for ws in self.book.worksheets]

    def _rows(self, book: Any, name: str, **bounds: Any) -> Iterator[tuple[Any, ...]]:
        try:
            yield from book[name].iter_rows(values_only=True, **bounds)
        except BROKEN as exc:
            raise translate(self.path, exc) from None

    def _cells(self, book: Any, name: str, **bounds: Any) -> Iterator[tuple[Any, ...]]:
        try:
            yield from book[name].iter_rows(**bounds)
        except BROKEN as exc:
            raise translate(self.path, exc) from None

    def top(self, name: str, count: int) -> list[tuple[Any, ...]]:
        return list(self._rows(self.book, name, max_row=count))

    def data(
        self, name: str, header_row: int, max_col: int, max_rows: int
    ) -> tuple[Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]], list[int]]:
        part = self.book[name]._worksheet_path
        scan = scan_sheet(self.path, part, name, header_row, max_rows, self.source)
        if scan.last_row <= header_row:
            return iter(()), []
        bounds = {"min_row": header_row + 1, "max_row": scan.last_row, "max_col": max_col}
        if _has_month_only_formats(self.book):  # only then read the cells' formats
            values = _month_only_as_text(self._cells(self.book, name, **bounds))
        else:
            values = self._rows(self.book, name, **bounds)
        raw: Iterator[tuple[Any, ...]] = itertools.repeat(())
        if scan.has_formulas:  # only then look for formulas whose result was never saved
            formulas = _open(self.path, self.source, self.stack, data_only=False)
            raw = self._rows(formulas, name, **bounds)
        return zip(values, raw, strict=False), list(scan.hidden_rows)


def _has_month_only_formats(book: Any) -> bool:
    """True when a cell style of the workbook uses a year-month date format (yyyy.mm)."""
    custom = list(book._number_formats)
    for style in book._cell_styles:
        number = style.numFmtId
        code = BUILTIN_FORMATS.get(number, "") if number < 164 else custom[number - 164]
        if month_only_format(code):
            return True
    return False


def _month_only_as_text(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Cell values, with a date on the 1st in a year-month format given as the year-month the
    clerk sees (`1985年3月`, domain.dates.month_only_text)."""
    for row in rows:
        yield tuple(
            month_only_text(value)
            if isinstance(value, date) and value.day == 1 and month_only_format(cell.number_format)
            else value
            for cell in row
            for value in (getattr(cell, "value", None),)
        )


def _match_columns(
    header: Sequence[str | None], fields: Sequence[FieldSpec]
) -> dict[str, tuple[int, str]]:
    """field key → (column index, header text): exact alias matches first, then containment."""
    normalized = [normalize_header(h) if h else "" for h in header]
    taken: set[int] = set()
    found: dict[str, tuple[int, str]] = {}
    for exact in (True, False):
        for spec in fields:
            if spec.key in found:
                continue
            aliases = sorted((normalize_header(a) for a in spec.aliases), key=len, reverse=True)
            for index, text in enumerate(normalized):
                if not text or index in taken:
                    continue
                hit = text in aliases if exact else any(a in text for a in aliases)
                if hit:
                    found[spec.key] = (index, str(header[index]))
                    taken.add(index)
                    break
    return found


def _header_text(value: Any) -> str | None:
    """A header cell as written (escapes decoded, invisible characters gone, trimmed)."""
    if not isinstance(value, str):
        return None
    return decode_ooxml_escapes(value).translate(_INVISIBLE).strip() or None


def _header_candidates(top: list[tuple[Any, ...]]) -> list[tuple[int, list[str | None]]]:
    """Each row as a header, its empty cells filled from the row above (a merged header cell)."""
    candidates = []
    width = max((len(row) for row in top), default=0)  # rows end at their last cell
    top = [tuple(row) + (None,) * (width - len(row)) for row in top]
    for i, row in enumerate(top):
        above = top[i - 1] if i > 0 else ()
        cells: list[str | None] = []
        for j, value in enumerate(row):
            text = _header_text(value)
            if text is None and j < len(above):
                text = _header_text(above[j])
            cells.append(text)
        candidates.append((i + 1, cells))
    return candidates


def _find_header(
    rows: list[tuple[Any, ...]], fields: Sequence[FieldSpec]
) -> tuple[int, dict[str, tuple[int, str]]] | None:
    best: tuple[int, dict[str, tuple[int, str]]] | None = None
    for row_number, cells in _header_candidates(rows):
        found = _match_columns(cells, fields)
        if len(found) >= 2 and (best is None or len(found) > len(best[1])):
            best = (row_number, found)
    return best


def read_sheet(
    path: Path | str,
    fields: Sequence[FieldSpec],
    sheet_name: str | None = None,
    max_rows: int = 100_000,
) -> SheetRows:
    """Read the first visible sheet (or `sheet_name`) whose header matches `fields`.

    Raises UserError when the file is not a workbook (or is damaged, locked, a zip or XML bomb:
    see workbook_guard), the sheet is missing, no header row matches, a required column is
    absent, or more than `max_rows` rows below the header hold anything. The reader's own
    warnings (openpyxl's about unknown extensions, odd dates) are not shown: what matters
    reaches the clerk as problems and warnings.
    """
    path = Path(path)
    kind = check_workbook(path)
    with ExitStack() as stack, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source: _Source
        if kind == "xlsx":
            source = _OpenpyxlSource(path, stack)
        else:  # .xls, .et, .xlsb, .ods: loaded only when such a file comes
            from wenming_desktop.services.workbooks.calamine_book import CalamineSource

            source = CalamineSource(path, kind)
        sheets = source.sheets()
        names = [n for n, _v in sheets]
        if not names:
            raise UserError(
                f"“{path.name}”中没有工作表（只有图表或为空），请选择人员名单所在的工作簿"
            )
        if sheet_name is not None and sheet_name not in names:
            raise UserError(f"“{path.name}”中没有名为“{sheet_name}”的工作表")
        order = [sheet_name] if sheet_name else [n for n, v in sheets if v]
        hidden = [n for n, v in sheets if not v and n != sheet_name]
        chosen = _choose_sheet(path, source, order, fields, hidden if not sheet_name else [])
        name, header_row, found = chosen
        missing = [f.label for f in fields if f.required and f.key not in found]
        if missing:
            raise UserError(
                f"工作表“{name}”第{header_row}行的表头缺少必需的列：{'、'.join(missing)}"
            )
        facts = SheetFacts(name, header_row, file_kind=kind)
        facts.ignored_sheets = [n for n in hidden if n != name] if not sheet_name else []
        result = SheetRows(
            name, header_row, {k: text for k, (_i, text) in found.items()}, [], facts=facts
        )
        if name in hidden:
            result.warnings.append(
                Problem(name, header_row, "", "读取的是隐藏的工作表（没有可见的工作表含表头）")
            )
        max_col = max(i for i, _t in found.values()) + 1
        rows, hidden_rows = source.data(name, header_row, max_col, max_rows)
        _collect(result, rows, found, max_rows)
        data_rows = {r for r, _v in result.rows}
        facts.hidden_rows = sorted(r for r in hidden_rows if r in data_rows)
        return result


def _choose_sheet(
    path: Path,
    source: _Source,
    names: Sequence[str],
    fields: Sequence[FieldSpec],
    hidden: Sequence[str],
) -> tuple[str, int, dict[str, tuple[int, str]]]:
    """The first sheet (visible ones first, hidden ones only when no visible one matches) whose
    top rows hold a header matching `fields`; UserError if none."""
    for name in [*names, *hidden]:
        header = _find_header(source.top(name, HEADER_SCAN_ROWS), fields)
        if header is not None:
            return (name, *header)
    labels = "、".join(f.label for f in fields)
    sheets = "、".join(f"“{n}”" for n in [*names, *hidden])
    raise UserError(
        f"“{path.name}”中找不到表头行：工作表{sheets}的前{HEADER_SCAN_ROWS}行里都没有一行"
        f"包含以下列名中的至少两个：{labels}。请确认选择的是正确的文件和工作表"
    )


def _collect(
    result: SheetRows,
    rows: Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]],
    found: dict[str, tuple[int, str]],
    max_rows: int,
) -> None:
    """Append each non-blank data row to `result`, footer and note rows to its facts; a
    formula without a saved result is a problem."""
    name = result.sheet
    name_column = found["name"][0] if "name" in found else None
    for offset, (values, raw) in enumerate(rows):
        excel_row = result.header_row + 1 + offset
        cleaned = [_clean_value(v) for v in values]
        if all(v is None for v in cleaned) and not any(
            isinstance(s, str) and s.startswith("=") for s in raw
        ):
            continue  # blank (often trailing) rows
        note = notes_row_text(cleaned, name_column)
        if note is not None:
            result.facts.skipped.append((excel_row, note))
            continue
        record: dict[str, Any] = {}
        for key, (index, _text) in found.items():
            value = cleaned[index] if index < len(cleaned) else None
            source = raw[index] if index < len(raw) else None
            if value is None and isinstance(source, str) and source.startswith("="):
                result.problems.append(
                    Problem(
                        name,
                        excel_row,
                        result.columns[key],
                        "公式没有保存计算结果，请在 Excel 中打开该文件并保存后再导入",
                    )
                )
            record[key] = value
        if all(v is None for v in record.values()) and not any(
            p.row == excel_row for p in result.problems[-len(found) :]
        ):
            continue  # values only outside the matched columns (a side note)
        if len(result.rows) >= max_rows:
            raise UserError(f"工作表“{name}”的数据超过 {max_rows} 行，请分批导入")
        result.rows.append((excel_row, record))
