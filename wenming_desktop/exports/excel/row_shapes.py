"""How the body rows of a ledger sheet are checked before XlsxWriter writes them: row shapes.

A ledger receives tens of thousands of rows whose cells keep their types from row to row (a
name is text, an age a number, a checkup date a date, a value not measured None). The types of
a row's values, in column order, are its *shape*. For each shape met, a `RowShape` is worked
out once: which cells are text (to be checked for control characters, and for length, which
sets the row's height), which are numbers (their column is widened to the widest, so nothing
prints `###`), which dates are in their column's own date format, and which values the plain
`Worksheet.write_row` of XlsxWriter cannot write as they are (a time, a date in a text column,
a bool, another type): those go through the ledger's cell-by-cell path.

Checking a row then takes a few calls that loop in C (picking the text cells, one
`str.isprintable` over them joined, their lengths against each column's one-line limit, the
extremes of the numbers) instead of a Python loop over its cells; checking many rows of one
shape (`lines_of`, `track_all`) goes a column at a time over all of them, so a column whose
texts all fit on one line costs one `max` of their lengths.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress
from operator import gt, itemgetter
from typing import Any

from wenming_desktop.exports.excel.print_layout import ascii_key, line_count

MAX_SHAPES = 256  # shapes kept per sheet; rows of further shapes are written cell by cell
LINES_KEPT = 4096  # line counts remembered per column


@dataclass(frozen=True)
class LineCaches:
    """Line counts of a sheet's body text remembered per column: `text` by the text (at most
    LINES_KEPT a column), `ascii` for lines of ASCII by `ascii_key` (few per column)."""

    text: list[dict[str, int]]
    ascii: list[dict[tuple[int, int, int], int]]

    @classmethod
    def of(cls, columns: int) -> LineCaches:
        return cls([{} for _ in range(columns)], [{} for _ in range(columns)])


Picker = Callable[[Sequence[Any]], tuple[Any, ...]]


@dataclass(frozen=True)
class ColumnFacts:
    """What the checks need of each column of a sheet, in column order.

    one_line: the longest text sure to print on one line (of the widest characters, Chinese
    ones); ascii_one_line: the same for text of ASCII characters only (one line, no break),
    both asked of `line_count`, so the checks and it never disagree; dated: the column's
    number format is a date format; exact: the column's numbers show a fixed number of
    decimals ("0.0"), so the widest number is the largest or the smallest (whole numbers
    are, whatever the format).
    """

    one_line: tuple[int, ...]
    ascii_one_line: tuple[int, ...]
    dated: tuple[bool, ...]
    exact: tuple[bool, ...]

    @classmethod
    def of(cls, widths: Sequence[float], number_formats: Sequence[str | None]) -> ColumnFacts:
        return cls(
            one_line=tuple(_one_line(width, "中") for width in widths),
            ascii_one_line=tuple(_one_line(width, "0") for width in widths),
            dated=tuple(is_date_format(f) for f in number_formats),
            exact=tuple(bool(f and "0.0" in f) for f in number_formats),
        )


def _one_line(width: float, widest: str) -> int:
    """The longest line of `widest` characters (a Chinese character; a digit, as wide as any
    ASCII character `line_count` counts) that it puts on one line in a column of `width`."""
    length = 0
    while line_count(widest * (length + 1), width) == 1:
        length += 1
    return length


def is_date_format(number_format: str | None) -> bool:
    return bool(number_format) and any(ch in (number_format or "") for ch in "ymdhs")


def _picker(columns: Sequence[int]) -> Picker:
    """A function giving the values of these columns of a row, as a tuple."""
    if not columns:
        return lambda _values: ()
    if len(columns) == 1:
        only = columns[0]
        return lambda values: (values[only],)
    return itemgetter(*columns)


class RowShape:
    """How the rows of one shape (the types of their values, in column order) are checked.

    text_columns / texts / text_limits: the text cells, a function picking them from a row,
    and their one-line limits; numbers: picks the numbers whose width follows their extremes,
    kept in `high` and `low` (aligned with `number_columns`); measured: number columns whose
    every value is measured (decimals shown as they come); dates: date cells in their
    column's date format; odd: cells written one at a time; runs: (first, stop, format) of
    the runs of columns the writer writes with one call each, and whole_run the format of
    the only one when one run holds the whole row (both set by the writer).
    """

    __slots__ = (
        "ascii_limits",
        "dates",
        "high",
        "low",
        "measured",
        "number_columns",
        "numbers",
        "odd",
        "runs",
        "text_columns",
        "text_limits",
        "texts",
        "whole_run",
    )

    def __init__(self, kinds: tuple[type, ...], facts: ColumnFacts) -> None:
        texts: list[int] = []
        numbers: list[int] = []
        measured: list[int] = []
        dates: list[int] = []
        odd: list[int] = []
        for col, kind in enumerate(kinds):
            if kind is str:
                texts.append(col)
            elif kind is int or kind is float:  # not bool: a bool is written as a bool
                (numbers if kind is int or facts.exact[col] else measured).append(col)
            elif kind is type(None):
                continue
            elif kind is date and facts.dated[col]:
                dates.append(col)
            else:
                odd.append(col)
        self.text_columns = tuple(texts)
        self.texts = _picker(texts)
        self.text_limits = tuple(facts.one_line[col] for col in texts)
        self.ascii_limits = tuple(facts.ascii_one_line[col] for col in texts)
        self.number_columns = tuple(numbers)
        self.numbers = _picker(numbers)
        self.high: list[float] = [-math.inf] * len(numbers)
        self.low: list[float] = [math.inf] * len(numbers)
        self.measured = tuple(measured)
        self.dates = tuple(dates)
        self.odd = tuple(odd)
        self.runs: tuple[tuple[int, int, Any], ...] = ()
        self.whole_run: Any = None  # the format, when one run holds the whole row

    def long_texts(self, texts: tuple[str, ...], any_break: bool) -> list[tuple[int, str]]:
        """(column, text) of the texts that may need more than one line: longer than their
        column's one-line limit (and, if plain ASCII, than its ASCII limit), or (when
        `any_break`: some text holds a line break) with a line break."""
        columns = self.text_columns
        if any_break:
            return [
                (col, text)
                for col, text, limit in zip(columns, texts, self.text_limits, strict=True)
                if len(text) > limit or "\n" in text
            ]
        longer = map(gt, map(len, texts), self.text_limits)  # most rows: few or none
        candidates = zip(columns, texts, self.ascii_limits, strict=True)
        return [
            (col, text)
            for col, text, ascii_limit in compress(candidates, longer)
            if len(text) > ascii_limit or not text.isascii()
        ]

    def lines_of(
        self, rows: Sequence[Sequence[Any]], widths: Sequence[float], caches: LineCaches
    ) -> list[int] | bool | None:
        """The lines of each of `rows` (all of this shape) as `line_count` gives them, worked
        out a column at a time: a column whose texts are all within its one-line limits is
        skipped; the others' line counts are looked up in `caches` (by the text, or for a
        column of ASCII by `ascii_key`), each new text or key counted once. None when every
        row takes one line; False when a text holds a control character or a line break
        (such rows are checked one by one)."""
        texts = list(map(self.texts, rows))
        if not "".join(map("".join, texts)).isprintable():
            return False
        counted: list[list[int]] = []
        columns = zip(
            self.text_columns,
            zip(*texts, strict=True),
            self.text_limits,
            self.ascii_limits,
            strict=True,
        )
        for col, column, limit, ascii_limit in columns:
            longest = max(map(len, column))
            if longest <= limit:
                continue
            width = widths[col]
            if "".join(column).isascii():
                if longest <= ascii_limit:
                    continue
                keys = list(map(ascii_key, column))
                by_key = caches.ascii[col]
                new_keys = set(keys).difference(by_key)
                for key, text in zip(keys, column, strict=True):
                    if not new_keys:
                        break
                    if key in new_keys:
                        by_key[key] = line_count(text, width)
                        new_keys.discard(key)
                counted.append(list(map(by_key.__getitem__, keys)))
                continue
            known = caches.text[col]
            new = set(column).difference(known)
            if new:
                found = {t: 1 if len(t) <= limit else line_count(t, width) for t in new}
                if len(known) + len(found) <= LINES_KEPT:
                    known.update(found)
                else:  # too many distinct texts to keep: these rows' own
                    known = {**known, **found}
            counted.append(list(map(known.__getitem__, column)))
        if not counted:
            return None
        lines = counted[0] if len(counted) == 1 else list(map(max, *counted))
        return lines if max(lines) > 1 else None

    def track_all(self, rows: Sequence[Sequence[Any]]) -> None:
        """`track` for many rows at once."""
        if not self.number_columns:
            return
        picked = list(zip(*map(self.numbers, rows), strict=True))
        self.high = list(map(max, self.high, map(max, picked)))
        self.low = list(map(min, self.low, map(min, picked)))

    def track(self, values: Sequence[Any]) -> None:
        """Keep the largest and smallest number of each number column."""
        numbers = self.numbers(values)
        self.high = list(map(max, self.high, numbers))
        self.low = list(map(min, self.low, numbers))

    def extremes(self) -> list[tuple[int, float]]:
        """(column, number) of the largest and smallest number seen in each number column."""
        found: list[tuple[int, float]] = []
        for col, high, low in zip(self.number_columns, self.high, self.low, strict=True):
            if high >= low:
                found += [(col, high), (col, low)]
        return found
