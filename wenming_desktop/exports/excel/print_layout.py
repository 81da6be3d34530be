"""How a ledger sheet is laid out on A4 paper: text lines per cell, row heights, column widths
for numbers, and whether the sheet is fitted to one page wide or split across pages.

Units are Excel's: a column width counts the default font's digits (about 1.9 mm each at 100 %),
a row height is in points. A Chinese character of the 10 pt body font takes about two digits
of width; a Latin letter or digit ASCII_WIDTH (measured: docs/printing.md, "Lines on paper").

The rule that keeps printed text readable: body text is 10 pt, so fitting a sheet to the page
must not scale below 90 % (9 pt printed). A4 landscape with 10 mm side margins holds about
`PAGE_WIDTH` width units at 100 %; a sheet up to PAGE_WIDTH / MIN_SCALE units is fitted to one
page wide, a wider one prints at 100 % across several pages, in the order left to right, then
down (each row's columns on consecutive pages), with its first columns up to 姓名 (and on to at
least MIN_REPEATED_WIDTH units) repeated on every page so each page says whose row it is, and
the title over them, at SPLIT_TITLE_SIZE.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from wenming_desktop.exports.title_breaks import cut_evenly, parts_in_lines

HEADER_ROWS = 3  # title, subtitle, column headers
PAGE_WIDTH = (
    118.0  # width units on A4 landscape at 100 % within the margins (as LibreOffice prints)
)
# Printed at 100 % and split, a page holds more: LibreOffice's fit-to-width keeps a margin of
# error that its page breaks at 100 % do not (measured: ~121 units fitted, ~138 at 100 %).
SPLIT_PAGE_WIDTH = 130.0
MIN_SCALE = 0.9  # 10 pt body text printed at 9 pt at least
KEY_TITLES = ("姓名", "活动名称", "结对村名称", "结对村")  # the column naming a row
MAX_REPEATED_WIDTH = 55.0  # repeated columns leave most of each page to the rest
# The repeated columns are at least this wide (whole columns, up to MAX_REPEATED_WIDTH): the
# title lies over them, and at SPLIT_TITLE_SIZE (bold) a title part of eight characters
# (文明实践活动台账) or a hospital's name and a year (鹤岗市中医院2026年度) takes one line.
MIN_REPEATED_WIDTH = 35.0
TITLE_SIZE = 16  # points, bold
SPLIT_TITLE_SIZE = 14  # points: the title over the repeated columns of a split sheet
_NARROW = re.compile(r"[\x00-\u2e80]")  # a character of one width unit (CJK ones take two)
# Width units of a Latin letter, digit or sign of the 10 pt body font.
ASCII_WIDTH = 1.15
# Whether text fits on ONE line of a 10 pt body cell, measured with LibreOffice (docs/printing.md,
# "Lines on paper"): a line fits while its width, counted as below, is within the column's
# whole width (no padding kept; wrapping lines keep one unit, see line_count). A column of
# width w holds floor(w / 1.9) Chinese characters and floor(w / 1.15) digits or more on one
# line for every w from 5 to 30, and floor(w / 0.95) asterisks (a masked number); a space,
# `-`, `.`, `:`, `/`, `,`, `;`, `(`, `)` takes at most 0.75 (a date `1948-06-26` fits in 11,
# not in 10).
_ONE_LINE_CJK = 1.9  # any character past ASCII, counted as wide as a Chinese one
_ONE_LINE_STAR = 0.95
_ONE_LINE_THIN = 0.75  # the thin ASCII signs
_THIN = str.maketrans("", "", " -.:/,;()")


def text_width(text: str, size: float = 10) -> float:
    """Width units `text` takes on one line at `size` pt."""
    wide = 0 if text.isascii() else len(_NARROW.sub("", text))  # characters past U+2E80
    return (2 * wide + ASCII_WIDTH * (len(text) - wide)) * size / 10


def one_line_width(text: str) -> float:
    """Width units `text` (one line, the 10 pt body font) needs to print on one line."""
    length, stars = len(text), text.count("*")
    thin = length - len(text.translate(_THIN))
    other = 0 if text.isascii() else length - len(text.encode("ascii", "ignore"))
    return (
        ASCII_WIDTH * (length - other - thin - stars)
        + _ONE_LINE_STAR * stars
        + _ONE_LINE_THIN * thin
        + _ONE_LINE_CJK * other
    )


def ascii_key(text: str) -> tuple[int, int, int]:
    """What the line count of a line of ASCII text depends on: its length, how many of its
    characters are thin signs, how many asterisks."""
    return len(text), len(text.translate(_THIN)), text.count("*")


def line_count(text: str, column_width: float, size: float = 10) -> int:
    """Lines `text` wraps to in a column of `column_width`: one per line of it that fits
    (`one_line_width`, 10 pt body text, measured); a longer line is counted against the width
    less a unit of padding, its characters as wide as `text_width` says."""
    room = max(column_width - 1.0, 1.0)
    lines = 0
    for part in text.split("\n"):
        if size == 10 and one_line_width(part) <= column_width:
            lines += 1
        else:
            lines += max(1, math.ceil(text_width(part, size) / room))
    return lines


def row_height(lines: int, size: float = 10) -> float:
    """Points a row needs for `lines` lines at `size` pt (Excel's 13.5 pt for one 10 pt line)."""
    return round(lines * size * 1.35 + 1.5, 1)


def number_width(value: float, number_format: str | None, bold: bool = False) -> float:
    """The column width a number needs to show without `###`."""
    if number_format and "0.0" in number_format:
        shown = f"{value:.{number_format.count('0') - 1}f}"
    elif isinstance(value, int):
        shown = str(value)
    else:
        shown = f"{value:.10g}"
    return len(shown) * (1.2 if bold else 1.1) + 2


@dataclass(frozen=True)
class PrintPlan:
    """fit_one_page_wide: scale the sheet to one page wide (at MIN_SCALE or more); otherwise
    print at 100 % with the first `repeated_columns` columns on every page and the others in
    `groups`, one page wide each ((first, last) column indexes), breaks set between them."""

    fit_one_page_wide: bool
    repeated_columns: int
    groups: tuple[tuple[int, int], ...]

    @property
    def pages_wide(self) -> int:
        return len(self.groups)


def plan_print(titles: list[str], widths: list[float], slack: float = 6.0) -> PrintPlan:
    """The print plan of a sheet with these column titles and widths; `slack` width units per
    page are kept free for columns widened later (numbers, totals)."""
    last = len(widths) - 1
    total = sum(widths)
    if total <= PAGE_WIDTH / MIN_SCALE - slack:
        return PrintPlan(True, 0, ((0, last),))
    repeated = 0
    for key in KEY_TITLES:  # in order of preference
        if key in titles and sum(widths[: titles.index(key) + 1]) <= MAX_REPEATED_WIDTH:
            repeated = titles.index(key) + 1
            break
    # Without a naming column, the leading columns (序号, 日期 …); either way wide enough for
    # the title that lies over them.
    repeated = max(repeated, 1)
    while (
        repeated < len(widths) - 1
        and sum(widths[:repeated]) < MIN_REPEATED_WIDTH
        and sum(widths[: repeated + 1]) <= MAX_REPEATED_WIDTH
    ):
        repeated += 1
    room = SPLIT_PAGE_WIDTH - slack
    groups: list[tuple[int, int]] = []
    first, used = repeated, sum(widths[:repeated])
    kept = used
    for i in range(repeated, last + 1):
        if used + widths[i] > room and i > first:
            groups.append((first, i - 1))
            first, used = i, kept
        used += widths[i]
    groups.append((first, last))
    return PrintPlan(False, repeated, tuple(groups))


# The printed page count, computed from the layout (no spreadsheet program needed), the way
# LibreOffice paginates: A4 landscape is 595.3 pt high, the body lies between the top and
# bottom margins (ledger.py: 0.5 and 0.6 inch), the footer within the bottom one. Across, a
# column takes its width in pixels as XlsxWriter stores it (7 a digit, plus 5 of padding); a
# page holds SPLIT_ROOM pixels at 100 %; fitting to one page wide scales to FIT_ROOM pixels
# (LibreOffice keeps a margin there), in whole per cent, never up; a group of columns between
# manual breaks that has grown too wide (numbers widened on saving) is broken again where it
# no longer fits. Measured against LibreOffice 7 (tests/exports/test_ledgers_on_paper.py).
PAGE_HEIGHT = 595.3 - (0.5 + 0.6) * 72
# At 100 % LibreOffice breaks pages on rows measured in whole screen pixels (96 per inch, each
# row's height rounded on its own), and the body holds PAGE_PIXELS of them, a little less
# than PAGE_HEIGHT: rows of 28.5 pt under 117 pt of repeated rows fit 13 a page, not 14
# (117 + 14 × 28.5 = 516.0 pt < PAGE_HEIGHT). Measured against LibreOffice 7 by the largest
# last row that still fits, with repeated rows of 117 and 70 pt and body rows of 7.5 and
# 28.5 pt: all agree on 685 pixels (docs/printing.md).
PAGE_PIXELS = 685
SPLIT_ROOM = 993
FIT_ROOM = 922
DEFAULT_ROW_HEIGHT = 15.0  # a row whose height is not set: one line of 10 pt text
# The workbook's custom document property holding its printed page count (ledger.py writes
# it, the packet's index reads it: exports/packet.py).
PRINTED_PAGES = "PrintedPages"


def _pixels(width: float) -> int:
    return int(width * 7 + 0.5) + 5


def row_pixels(height: float) -> int:
    """A row's height in points as the screen pixels (96 per inch) LibreOffice
    counts at 100 %, rounded half up."""
    return math.floor(height * 96 / 72 + 0.5)


def fit_scale(widths: list[float]) -> float:
    """The scale a sheet fitted to one page wide prints at (1.0 when it fits at 100 %)."""
    total = sum(_pixels(w) for w in widths)
    if total <= FIT_ROOM:
        return 1.0
    return math.floor(100 * FIT_ROOM / total) / 100


def page_columns(plan: PrintPlan, widths: list[float]) -> list[tuple[int, int]]:
    """The columns of each page side by side, left to right, as (first, last) indexes: the
    first page's from column 0 (the repeated columns are its own), the others' without the
    repeated columns they also show."""
    if plan.fit_one_page_wide:
        return [(0, len(widths) - 1)]
    kept = sum(_pixels(w) for w in widths[: plan.repeated_columns])
    pages: list[tuple[int, int]] = []
    for first, last in plan.groups:
        start, used = first, kept
        for i in range(first, last + 1):
            if i > start and used + _pixels(widths[i]) > SPLIT_ROOM:
                pages.append((start, i - 1))
                start, used = i, kept
            used += _pixels(widths[i])
        pages.append((start, last))
    return [(0, pages[0][1]), *pages[1:]]


def pages_across(plan: PrintPlan, widths: list[float]) -> int:
    """Pages side by side for each band of rows."""
    return len(page_columns(plan, widths))


def printed_pages(
    plan: PrintPlan,
    widths: list[float],
    repeated: list[float],
    body: list[float],
    reach: dict[int, int] | None = None,
) -> int:
    """Pages a sheet prints on: `widths` as saved, `repeated` the heights (points) of the rows
    repeated at the top of every page (title, subtitle, header), `body` the heights (points) of
    the other rows in order; `reach` the last column holding anything for the body rows (by
    index in `body`) that do not reach the last column (a note over the repeated columns).
    Rows are never split across pages. A page whose own columns hold nothing in its band of
    rows is not printed (LibreOffice leaves out empty pages; the repeated rows and columns do
    not count; a framed blank does): a band of only a note over the repeated columns prints its
    first page alone."""
    if not plan.fit_one_page_wide:  # whole pixels, as LibreOffice paginates printing at 100 %
        room = float(PAGE_PIXELS - sum(row_pixels(height) for height in repeated))
        body = [float(row_pixels(height)) for height in body]
    else:  # fitted to the width, in points, even when the fit leaves it at 100 %
        room = PAGE_HEIGHT / fit_scale(widths) - sum(repeated)
    bands: list[list[int]] = [[]]
    used = 0.0
    for i, height in enumerate(body):
        if used > 0 and used + height > room:
            bands.append([])
            used = 0.0
        bands[-1].append(i)
        used += height
    across = page_columns(plan, widths)
    last = len(widths) - 1
    reach = reach or {}
    pages = 0
    for band in bands:
        furthest = max((reach.get(i, last) for i in band), default=last)
        pages += sum(1 for first, _ in across if first <= furthest)
    return pages


# Where a banner's line may end: before an ideographic space (kept with the part after it);
# in a note also after a `；` or `，` and before a `（`. No line starts with a closing mark
# (GB/T 15834-2011).
_PART_BREAKS = re.compile(r"(?=\u3000)")
_CLAUSE_BREAKS = re.compile(r"(?=\u3000)|(?<=[；，])|(?=（)")


def banner_text(text: str, width: float, size: float = 10, clauses: bool = False) -> str:
    """`text` for a merged subtitle or note cell `width` units wide, broken into lines where it
    wraps: between its parts (split before an ideographic space; with `clauses` also after a
    `；` or `，` and before a `（`), each line as many whole parts as fit. With `clauses` a
    part longer than a line is cut into lines of equal length, none starting with a closing
    mark and no number cut; without, the spreadsheet wraps it. Text that fits on one line
    comes back as is."""
    if line_count(text, width, size) <= 1:
        return text
    lines: list[str] = []
    spaced = False
    for piece in (_CLAUSE_BREAKS if clauses else _PART_BREAKS).split(text):
        # parts apart by a space keep it within a line
        spaced = spaced or piece.startswith("\u3000")
        part = piece.removeprefix("\u3000")
        if not part:
            continue
        joined = f"{lines[-1]}{chr(0x3000) if spaced else ''}{part}" if lines else ""
        if lines and line_count(joined, width, size) <= 1:
            lines[-1] = joined
        elif clauses:
            lines.extend(_even_lines(part, width, size))
        else:
            lines.append(part)
        spaced = False
    return "\n".join(lines)


def title_text(parts: Sequence[str], width: float, size: float) -> str:
    """A title made of `parts` (hospital, period, ledger name) for a merged cell `width` units
    wide at `size`: on one line if it fits, else broken only between parts, each line as many
    whole parts as fit; a part longer than a line is cut into lines of equal length."""
    lines = parts_in_lines(
        parts,
        lambda line: line_count(line, width, size) <= 1,
        lambda part: _even_lines(part, width, size),
    )
    return "\n".join(lines)


def _even_lines(text: str, width: float, size: float) -> list[str]:
    return cut_evenly(text, line_count(text, width, size))
