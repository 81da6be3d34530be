"""A ledger's columns (`LedgerColumn`, `LedgerField`: title, width, number format, and how a
row's cell is computed) and the workbook's cell formats (`CellFormats`): the body, header,
bold totals, title, subtitle and note, framed in grey, 宋体; `format_runs` for writing
neighbouring columns of one format with one call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from wenming_desktop.exports.excel.print_layout import TITLE_SIZE

_FONT = "宋体"
_BORDER_COLOUR = "#808080"
_HEADER_FILL = "#F2DCDB"

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


class CellFormats:
    """The workbook's cell formats, each made once: (role, number format, size) → Format."""

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._made: dict[tuple[str, str | None, float], Format] = {}

    def get(self, role: str, number_format: str | None = None, size: float = 0) -> Format:
        """The format of `role` (title, subtitle, note, header, bold, body); `size` sets the
        title's size in points."""
        key = (role, number_format, size)
        found = self._made.get(key)
        if found is None:
            props = self._properties(role, number_format)
            if size:
                props["font_size"] = size
            found = self._made[key] = self._book.add_format(props)
        return found

    @staticmethod
    def _properties(role: str, number_format: str | None) -> dict[str, object]:
        props: dict[str, object] = {"font_name": _FONT, "valign": "vcenter"}
        if role == "title":
            props.update(font_size=TITLE_SIZE, bold=True, align="center", text_wrap=True)
        elif role == "subtitle":
            props.update(font_size=10, align="center", text_wrap=True)
        elif role == "note":
            props.update(font_size=10, text_wrap=True)
        else:
            props.update(border=1, border_color=_BORDER_COLOUR, text_wrap=True)
            props.update(font_size=11 if role in ("header", "bold") else 10)
            props["bold"] = role in ("header", "bold")
            if role == "header":
                props.update(align="center", bg_color=_HEADER_FILL, pattern=1)
        if number_format:
            props["num_format"] = number_format
        return props


def format_runs(formats: Sequence[Format]) -> tuple[tuple[int, int, Format], ...]:
    """(first, stop, format) for each run of neighbouring columns with the same format."""
    runs: list[tuple[int, int, Format]] = []
    first = 0
    for col in range(1, len(formats) + 1):
        if col == len(formats) or formats[col] is not formats[first]:
            runs.append((first, col, formats[first]))
            first = col
    return tuple(runs)
