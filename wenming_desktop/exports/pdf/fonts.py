"""Registering the bundled CJK font with reportlab (embedded, so text shows and can be copied)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from wenming_desktop.resources import font_path

FONT = "WenQuanYiMicroHei"


@cache
def register_fonts() -> str:
    """Register WenQuanYi Micro Hei once (subfontIndex=0 of the .ttc); return its name."""
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the CJK font; wordWrap CJK so Chinese lines break anywhere."""
    font = register_fonts()
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=16, alignment=1),
        "heading": ParagraphStyle("heading", parent=base, fontSize=13, leading=20, spaceBefore=8),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12),
    }
