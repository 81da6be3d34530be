"""Chinese line breaking in PDF paragraphs: `CJKParagraph` is the paragraph every PDF draws.

The rules (行首行尾禁则, written up in docs/printing.md): no line starts with a closing or
pausing mark (，。、；：？！）》」”…), no line ends with an opening mark (（《「“…), and a
doubled dash or ellipsis (——, ……) stays on one line. When the place a line must end breaks a
rule, the line ends earlier, carrying its last characters to the next line; nothing hangs into
the margin, so a table cell's text stays inside its cell.

reportlab's own `wordWrap="CJK"` breaks between any two characters and only lets one mark of
`reportlab.lib.textsplit.ALL_CANNOT_START` hang in the margin; that table has no full-width
comma, colon, semicolon, question or exclamation mark, and its opening marks are not used at
all (`kinsokuShoriSplit` is unfinished). So `CJKParagraph` replaces the line breaking of
reportlab's `Paragraph.breakLinesCJK` (a public method, overridden in the subclass) for a
paragraph with a CJK style, using reportlab's tables extended by the Chinese marks below and
reportlab's own line-building functions. Paragraphs that reportlab treats specially (bullets,
leader dots, inline images, the second half of a split paragraph) keep reportlab's breaking.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # see below
    Paragraph,
    ParaLines,
    cjkU,  # reportlab's own CJK line pieces; absent from the types-reportlab stubs
    makeCJKParaLine,
)

# Marks that never start a line: reportlab's table and the Chinese full-width marks.
CANNOT_START = ALL_CANNOT_START + "，。．、；：？！）］｝〕〉》」』】〗〙”’…‥·・％‰℃"
# Marks that never end a line.
CANNOT_END = ALL_CANNOT_END + "（［｛〔〈《「『【〖〘“‘("
# Marks written doubled (——, ……) that are never split between two lines.
UNSPLIT_PAIRS = "—…"

_FUZZ = 1e-6  # widths are floats: a line exactly full still fits


def may_break(text: Sequence[str], at: int) -> bool:
    """Whether a line may end before `text[at]` (0 < at < len(text))."""
    before, after = text[at - 1], text[at]
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (before == after and before in UNSPLIT_PAIRS)


def _between_words(text: Sequence[str], at: int) -> bool:
    """Latin letters and digits inside Chinese text ("2026-01-19", "PDF") are not cut: a line
    ends before such a run, at a space or a Chinese character."""
    before, after = text[at - 1], text[at]
    return before.isspace() or ord(before) >= 0x3000 or ord(after) >= 0x3000


def line_end(text: Sequence[str], start: int, overflow: int) -> int:
    """Where the line that starts at `start` ends when `text[overflow]` no longer fits: the
    latest break at or before `overflow` that keeps the rules, never an empty line."""
    at = overflow
    if not _between_words(text, at):
        floor = (start + at) // 2  # a very long Latin word is cut after all
        for candidate in range(at - 1, max(floor, start), -1):
            if _between_words(text, candidate):
                at = candidate
                break
    for candidate in range(at, start, -1):
        if may_break(text, candidate):
            return candidate
    return max(at, start + 1)  # a line of nothing but marks: cut where it overflows


def kinsoku_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> Any:
    """Lines (reportlab's ParaLines, kind 1) of the paragraph's fragments in `max_widths`
    points (one per line, the last repeated), broken by the rules of this module."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if text:
            units.extend(cjkU(char, frag, "utf8") for char in text)
        else:
            units.append(cjkU(text, frag, "utf8"))
    lines: list[Any] = []
    start = 0
    while start < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        end = start
        forced = False
        widths: list[float] = []  # of this line's units, from `start`
        while end < len(units):
            widths.append(_width(units[end], max_width))
            used += widths[-1]
            end += 1
            if hasattr(units[end - 1].frag, "lineBreak"):
                forced = True
                break
            if used > max_width + _FUZZ:
                end = line_end(units, start, end - 1)
                break
        used = sum(widths[: end - start])
        lines.append(
            makeCJKParaLine(
                units[start:end], max_width, used, max_width - used, forced, calc_bounds
            )
        )
        start = end
    return ParaLines(kind=1, lines=lines)


def _width(unit: Any, max_width: float) -> float:
    width = unit.width
    if hasattr(width, "normalizedValue"):  # a width given as a share of the line
        width._normalizer = max_width
        width = width.normalizedValue(max_width)
    return float(width)


def _fits_one_line(frags: Sequence[Any], max_width: float) -> bool:
    """Whether a paragraph of one plain fragment fits on its first line as it is (most table
    cells): reportlab's own breaking then gives that one line, more cheaply than splitting it
    into characters."""
    if len(frags) != 1:
        return False
    text = getattr(frags[0], "text", None)
    if not isinstance(text, str) or "\n" in text:
        return False
    return stringWidth(text, frags[0].fontName, frags[0].fontSize) <= max_width + _FUZZ


class CJKParagraph(Paragraph):
    """reportlab's Paragraph; with a `wordWrap="CJK"` style its lines follow the Chinese rules
    of this module."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        style = self.style
        special = (
            not self.frags
            or self.bulletText
            or getattr(style, "endDots", None)
            or (hasattr(self, "blPara") and getattr(self, "_splitpara", 0))
            or any(hasattr(frag, "cbDefn") for frag in self.frags)
        )
        if special or _fits_one_line(self.frags, widths[0]):
            return super().breakLinesCJK(maxWidths)  # a single line has no break to rule on
        self.height = 0
        leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return kinsoku_split(self.frags, widths, leading not in ("", "off"))
