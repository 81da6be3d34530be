"""Registering the CJK font with reportlab (embedded, so text shows and can be copied).

The bundled WenQuanYi Micro Hei is the default; on Windows the clerk may choose a system font
file instead (设置 → 单位信息). reportlab's font registry is process-wide, so the choice is too.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from wenming_desktop.exports.pdf.font_choice import chosen_font_file
from wenming_desktop.resources import font_path

FONT = "WenQuanYiMicroHei"
SYSTEM_FONT = "SystemCJK"

log = logging.getLogger(__name__)


def register_fonts() -> str:
    """The reportlab name of the chosen font, registered on first use."""
    return _register(chosen_font_file())


@cache
def _register(chosen: Path | None) -> str:
    if chosen is not None:
        try:
            _add(SYSTEM_FONT, chosen)
            return SYSTEM_FONT
        except Exception:  # unreadable or CFF-outlined: every PDF must still come out
            log.exception("font %s cannot be embedded; using the bundled font", chosen)
    _add(FONT, font_path())
    return FONT


def _add(name: str, path: Path) -> None:
    pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the CJK font; wordWrap CJK so Chinese lines break anywhere."""
    font = register_fonts()
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=16, alignment=1),
        # A heading never ends a page: it moves to the next one with what follows it.
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=13, leading=20, spaceBefore=8, keepWithNext=1
        ),
        # A caption (of a table or chart) stays with what it names, like a heading.
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=9, leading=12, spaceBefore=4, keepWithNext=1
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12),
    }
