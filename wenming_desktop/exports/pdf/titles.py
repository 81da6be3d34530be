"""Titles of PDFs broken between their parts, never leaving a character alone on a line.

A title is given as its parts (hospital, period, document name — or one part, an activity's
title). It prints on one line when it fits; else each line holds as many whole parts as fit,
so "鹤岗市中医院2026年第二季度" / "新时代文明实践结对共建工作总结", never "…工作总" / "结". A
part longer than a line is cut into lines of equal length, none starting with a closing mark
and no number or Latin word cut. This is the rule of the Excel ledgers' titles
(`exports/excel/print_layout.title_text`), measured here in points with the PDF's font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from wenming_desktop.exports.pdf.glyphs import font_runs, markup, runs_width
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph

# build_pdf's frame: A4 less 15 mm margins and reportlab's 6 pt frame padding on each side
CONTENT_WIDTH = A4[0] - 30 * mm - 12
SLACK = 2.0  # points kept free on a line, so the paragraph's own wrapping never breaks it again
_CLOSING = "，。、；：？！）》」』”’…"


def _width(text: str, style: ParagraphStyle) -> float:
    return runs_width(font_runs(text, style.fontName), style.fontSize)


def title_lines(
    parts: Sequence[str], style: ParagraphStyle, width: float = CONTENT_WIDTH
) -> list[str]:
    """The lines `parts` print on at `style`'s font and size in `width` points."""
    room = width - SLACK
    lines: list[str] = []
    for part in filter(None, parts):
        if lines and _width(lines[-1] + part, style) <= room:
            lines[-1] += part
        else:
            lines.extend(even_lines(part, style, room))
    return lines


def even_lines(text: str, style: ParagraphStyle, room: float) -> list[str]:
    """`text` cut into as few lines of `room` points as it needs, of about equal length; a
    closing mark stays at the end of the line before, a run of digits or Latin letters whole."""
    count = math.ceil(_width(text, style) / room) if text else 1
    while True:
        lines = _cut(text, count)
        if all(_width(line, style) <= room for line in lines) or count >= len(text):
            return lines
        count += 1


def _cut(text: str, count: int) -> list[str]:
    lines: list[str] = []
    rest = text
    while count > 1 and rest:
        cut = math.ceil(len(rest) / count)
        while cut < len(rest) and (
            rest[cut] in _CLOSING or (rest[cut].isascii() and rest[cut - 1].isascii())
        ):
            cut += 1
        lines.append(rest[:cut])
        rest = rest[cut:]
        count -= 1
    if rest:
        lines.append(rest)
    return lines


def title_paragraph(
    parts: Sequence[str], style: ParagraphStyle, width: float = CONTENT_WIDTH
) -> Paragraph:
    """A title paragraph whose lines break between `parts` (see title_lines)."""
    return Paragraph("<br/>".join(markup(line) for line in title_lines(parts, style, width)), style)
