"""Titles of PDFs broken between their parts, never leaving a character alone on a line.

A title is given as its parts (hospital, period, document name — or one part, an activity's
title). It prints on one line when it fits; else each line holds as many whole parts as fit,
so "鹤岗市中医院2026年第二季度" / "新时代文明实践结对共建工作总结", never "…工作总" / "结". A
part longer than a line is cut into lines of equal length, none starting with a closing mark
and no number or Latin word cut. The rule is shared with the Excel ledgers' titles
(`exports/title_breaks.py`); here it is measured in points with the PDF's font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from wenming_desktop.exports.pdf.glyphs import font_runs, markup, runs_width, unprintable_chars
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.title_breaks import cut_evenly, parts_in_lines

# build_pdf's frame: A4 less 15 mm margins and reportlab's 6 pt frame padding on each side
CONTENT_WIDTH = A4[0] - 30 * mm - 12
SLACK = 2.0  # points kept free on a line, so the paragraph's own wrapping never breaks it again


def text_width(text: str, font: str, size: float) -> float:
    """Points `text` takes on one line, drawn with the fallback chain (glyphs.py). Only
    measures: a character no font has is left out here, and refused where the text is drawn
    (not noted again for every trial line)."""
    missing = set(unprintable_chars(text))
    if missing:
        text = "".join(ch for ch in text if ch not in missing)
    return runs_width(font_runs(text, font), size)


def _width(text: str, style: ParagraphStyle) -> float:
    return text_width(text, style.fontName, style.fontSize)


def title_lines(
    parts: Sequence[str], style: ParagraphStyle, width: float = CONTENT_WIDTH
) -> list[str]:
    """The lines `parts` print on at `style`'s font and size in `width` points."""
    room = width - SLACK
    return parts_in_lines(
        parts, lambda line: _width(line, style) <= room, lambda part: even_lines(part, style, room)
    )


def even_lines(text: str, style: ParagraphStyle, room: float) -> list[str]:
    """`text` cut into as few lines of `room` points as it needs, of about equal length
    (title_breaks.cut_evenly)."""
    count = math.ceil(_width(text, style) / room) if text else 1
    while True:
        lines = cut_evenly(text, count)
        if all(_width(line, style) <= room for line in lines) or count >= len(text):
            return lines
        count += 1


def title_paragraph(
    parts: Sequence[str], style: ParagraphStyle, width: float = CONTENT_WIDTH
) -> Paragraph:
    """A title paragraph whose lines break between `parts` (see title_lines)."""
    return Paragraph("<br/>".join(markup(line) for line in title_lines(parts, style, width)), style)
