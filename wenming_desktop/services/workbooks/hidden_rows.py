"""Rows hidden in an .xls / WPS .et or an .ods sheet (by a filter or by hand), which calamine
does not expose; the .xlsx reader finds them in its own sheet scan (sheet_scan).

- .xls, .et: xlrd, the long-standing .xls reader, with `formatting_info=True` gives each row's
  `hidden` flag (the fDyZero bit of the BIFF ROW record). It loads the one sheet asked for
  (`on_demand`); 50,000 rows × 12 columns take about 1.7 s on the project's machine.
- .ods: `table:visibility="collapse"` or `"filter"` on a `table:table-row` of content.xml,
  counting `table:number-rows-repeated`; streamed with defusedxml (no DTD or entities), stopping
  at the end of the sheet asked for.

- .xls, .et date cells Excel cannot show (`xls_unshowable_dates`): a date-formatted number that is
  negative or past 9999-12-31 shows as `########` in Excel, but calamine gives the bare number
  (or midnight for a negative one); xlrd's cell type says whether the cell is date-formatted.
  Asked only for the few cells calamine gave such a value.

Both run only after the guard (workbook_guard) passed the file. A file these cannot read gives
no hidden rows: marking them is a help to the clerk, the values come from calamine either way.
No Qt here.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path
from typing import Any

from defusedxml.common import DefusedXmlException

from wenming_desktop.services.workbooks.workbook_guard import entity_declarations

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE = f"{{{TABLE_NS}}}table"
_ROW = f"{{{TABLE_NS}}}table-row"
_NAME = f"{{{TABLE_NS}}}name"
_REPEAT = f"{{{TABLE_NS}}}number-rows-repeated"
_VISIBILITY = f"{{{TABLE_NS}}}visibility"


def hidden_rows(path: Path, kind: str, sheet: str, limit: int) -> list[int]:
    """Excel row numbers (1-based) of the hidden rows of `sheet`, up to row `limit`; [] for a
    kind without hidden-row information here or a file these readers cannot parse. UserError
    for an .ods whose content.xml declares entities (as for .xlsx)."""
    try:
        if kind == "xls":
            return _xls(path, sheet, limit)
        if kind == "ods":
            return _ods(path, sheet, limit)
    except DefusedXmlException:
        raise entity_declarations(path) from None
    except _UNREADABLE:
        return []
    return []


def _xls(path: Path, sheet: str, limit: int) -> list[int]:
    import xlrd  # loaded only for an .xls / .et

    log = io.StringIO()  # xlrd writes its warnings to a log file; they never reach the clerk
    book = xlrd.open_workbook(
        str(path), formatting_info=True, on_demand=True, logfile=log, verbosity=0
    )
    try:
        found = book.sheet_by_name(sheet)
        return sorted(r + 1 for r, info in found.rowinfo_map.items() if info.hidden and r < limit)
    finally:
        book.release_resources()


LAST_SERIAL = 2958465  # 9999-12-31, the last date Excel shows


def xls_unshowable_dates(
    path: Path, sheet: str, cells: list[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Of `cells` ((row, column), 0-based) of an .xls/.et sheet, those formatted as dates whose
    number is no date Excel can show (negative, or past 9999-12-31: `########`); an empty set
    when xlrd cannot parse the file."""
    if not cells:
        return set()
    try:
        import xlrd

        log = io.StringIO()
        book = xlrd.open_workbook(
            str(path), formatting_info=True, on_demand=True, logfile=log, verbosity=0
        )
        try:
            found = book.sheet_by_name(sheet)
            return {
                (r, c)
                for r, c in cells
                if r < found.nrows
                and c < found.row_len(r)
                and found.cell_type(r, c) == xlrd.XL_CELL_DATE
                and not 0 <= float(found.cell_value(r, c)) <= LAST_SERIAL
            }
        finally:
            book.release_resources()
    except _UNREADABLE:
        return set()


def _ods(path: Path, sheet: str, limit: int) -> list[int]:
    from defusedxml.ElementTree import iterparse

    hidden: list[int] = []
    with zipfile.ZipFile(path) as archive, archive.open(_content_name(archive)) as content:
        stack: list[Any] = []
        inside, row = False, 0
        for event, element in iterparse(content, events=("start", "end")):
            if event == "start":
                stack.append(element)
                if element.tag == _TABLE and element.get(_NAME) == sheet:
                    inside = True
                continue
            stack.pop()
            if element.tag == _TABLE and inside:
                break
            if element.tag == _ROW:
                if inside:
                    count = int(element.get(_REPEAT) or 1)
                    if element.get(_VISIBILITY) in ("collapse", "filter") and row < limit:
                        hidden.extend(range(row + 1, min(row + count, limit) + 1))
                    row += count
                element.clear()
                if stack:
                    stack[-1].remove(element)  # the parsed rows are not kept in memory
    return hidden


def _content_name(archive: zipfile.ZipFile) -> str:
    """content.xml, whatever the letter case or slashes of its name."""
    for name in archive.namelist():
        if name.replace("\\", "/").lstrip("/").lower() == "content.xml":
            return name
    raise KeyError("content.xml")


def _xlrd_errors() -> tuple[type[BaseException], ...]:
    from xlrd.biffh import XLRDError
    from xlrd.compdoc import CompDocError

    return XLRDError, CompDocError


_UNREADABLE: tuple[type[BaseException], ...] = (
    *_xlrd_errors(),
    zipfile.BadZipFile,
    struct.error,
    KeyError,
    IndexError,
    ValueError,
    EOFError,
    OSError,
    AssertionError,  # xlrd asserts on some malformed records
    SyntaxError,  # ElementTree.ParseError
)
