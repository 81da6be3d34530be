"""Reading .xls, WPS .et, .xlsb and .ods workbooks with python-calamine (Rust's calamine).

openpyxl reads only .xlsx; HR systems still export the older formats. calamine gives each sheet's
name and visibility and its cell values (a date-formatted cell as a date or datetime, an empty
cell as ""); it does not give rows hidden by a filter nor formulas: hidden rows of .xls/.et and
.ods come from hidden_rows (none for .xlsb), and an .xls always stores a formula's result. The
file has passed the guard (workbook_guard: size and zip checks) before it is opened here. No Qt
here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.workbooks.hidden_rows import LAST_SERIAL
from wenming_desktop.services.workbooks.workbook_guard import BROKEN, translate

MIDNIGHT = str(time(0, 0))  # a time cell as _value gives it
UNSHOWABLE = "########"  # Excel's display of a date it cannot show
READ_ERRORS: tuple[type[BaseException], ...] = (CalamineError, *BROKEN)


def _value(value: Any) -> Any:
    if value == "":
        return None
    if isinstance(value, time | timedelta):
        return str(value)
    return value


def _maybe_unshowable(value: Any) -> bool:
    """What calamine gives for a date cell Excel shows as `########`: the number past
    9999-12-31, or midnight for a negative one."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return not 0 <= value <= LAST_SERIAL
    return isinstance(value, str) and value == MIDNIGHT


def _mark_unshowable_dates(
    path: Path, sheet: str, header_row: int, rows: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """`rows` with each date-formatted cell Excel cannot show replaced by `########`, what the
    clerk sees and what the .xlsx reader gives, so the date check says the same for both."""
    from wenming_desktop.services.workbooks.hidden_rows import xls_unshowable_dates

    suspects = [
        (header_row + i, c)
        for i, row in enumerate(rows)
        for c, value in enumerate(row)
        if _maybe_unshowable(value)
    ]
    bad = xls_unshowable_dates(path, sheet, suspects)
    if not bad:
        return rows
    marked = list(rows)
    for r, c in bad:
        i = r - header_row
        marked[i] = (*marked[i][:c], UNSHOWABLE, *marked[i][c + 1 :])
    return marked


class CalamineSource:
    """A workbook read by calamine, sheet by sheet, whole rows of values."""

    def __init__(self, path: Path, kind: str = "") -> None:
        """`kind` as workbook_guard.check_workbook named it ("xls", "ods", "xlsb")."""
        self.path = path
        self.kind = kind
        try:
            with open(path, "rb") as handle:
                self.book = CalamineWorkbook.from_filelike(handle)
        except UserError:
            raise
        except READ_ERRORS as exc:
            raise translate(path, exc) from None
        self._cache: dict[str, list[tuple[Any, ...]]] = {}

    def sheets(self) -> list[tuple[str, bool]]:
        """(name, visible) of each worksheet, in workbook order."""
        return [
            (m.name, m.visible == SheetVisibleEnum.Visible)
            for m in self.book.sheets_metadata
            if "chart" not in str(m.typ).lower()
        ]

    def _rows(self, name: str) -> list[tuple[Any, ...]]:
        if name not in self._cache:
            try:
                sheet = self.book.get_sheet_by_name(name)
                rows = sheet.to_python(skip_empty_area=False)
            except READ_ERRORS as exc:
                raise translate(self.path, exc) from None
            self._cache = {name: [tuple(_value(v) for v in row) for row in rows]}
        return self._cache[name]

    def top(self, name: str, count: int) -> list[tuple[Any, ...]]:
        return self._rows(name)[:count]

    def data(
        self, name: str, header_row: int, max_col: int, max_rows: int
    ) -> tuple[Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]], list[int]]:
        """(rows below the header as (values, raw formulas = ()), hidden rows): hidden rows
        of .xls/.et and .ods from hidden_rows, none for .xlsb."""
        from wenming_desktop.services.workbooks.hidden_rows import hidden_rows

        every = self._rows(name)
        rows = every[header_row:]
        filled = sum(1 for row in rows if any(v is not None for v in row))
        if filled > max_rows:
            raise UserError(
                f"无法导入“{self.path.name}”：工作表“{name}”表头以下有内容的行超过一次导入的上限 "
                f"{max_rows} 行。请删除表格末尾多余的行，或分成几个文件导入"
            )
        hidden = hidden_rows(self.path, self.kind, name, len(every))
        if self.kind == "xls":
            rows = _mark_unshowable_dates(self.path, name, header_row, rows)
        return ((row[:max_col], ()) for row in rows), hidden
