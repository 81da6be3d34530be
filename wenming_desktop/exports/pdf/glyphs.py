"""Every character printed with a font that has it: the fallback chain for PDFs.

The main font (bundled WenQuanYi Micro Hei, or the clerk's chosen system font) lacks the rare
characters of some names (生僻字 such as 䶮 in CJK Extension A, 𠮷 in Extension B); reportlab
would draw them blank. Text is therefore split into runs by glyph coverage, each run drawn in the
first font of the chain that has all its characters: the main font, then the bundled font when a
system font is the main one, then the Hanazono Mincho subsets (resources/fonts/HanaMin*-sub.ttf).
A character no font of the chain has is refused with `UserError` naming the text and the
character, never printed as a blank.

Used by Paragraph text (`markup`, which emits `<font name=...>` tags) and by the page canvas
(document.py), which splits `drawString` calls — table cells, chart labels, footers — the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from wenming_desktop.domain.errors import UserError
from wenming_desktop.exports.pdf.fonts import FONT, register_fonts
from wenming_desktop.resources import fallback_font_paths, font_path

FALLBACK_NAMES = ("HanaMinA", "HanaMinB")
_CONTEXT = 8  # characters either side of a missing one, in the message


def _needs_no_glyph(ch: str) -> bool:
    """Spaces, line breaks and other controls: drawn as nothing whatever the font."""
    return unicodedata.category(ch) in {"Cc", "Cf", "Zs", "Zl", "Zp"}


def _cmap(name: str) -> Mapping[int, int]:
    font = pdfmetrics.getFont(name)
    face = getattr(font, "face", None)
    return getattr(face, "charToGlyph", {}) if face is not None else {}


@cache
def _fallbacks(main: str) -> tuple[tuple[str, Mapping[int, int]], ...]:
    """The fonts after `main`, registered on first need (reading them takes ~0.5 s)."""
    chain: list[tuple[str, Mapping[int, int]]] = []
    if main != FONT:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
        chain.append((FONT, _cmap(FONT)))
    for name, path in zip(FALLBACK_NAMES, fallback_font_paths(), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        chain.append((name, _cmap(name)))
    return tuple(chain)


def _missing(text: str, index: int) -> UserError:
    ch = text[index]
    start, end = max(0, index - _CONTEXT), min(len(text), index + _CONTEXT + 1)
    context = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return UserError(
        f"“{context}”中的字“{ch}”（U+{ord(ch):04X}）在所有可用字体中都没有字形，"
        "打印出来会是空白，因此没有生成文件。请核对该字（可改用通用写法并在备注中说明）后重试。"
    )


def font_runs(text: str, main: str | None = None) -> list[tuple[str, str]]:
    """`text` cut into (font name, run) pairs, consecutive characters sharing a font.

    Characters the main font has stay in it; others go to the first fallback that has them.
    Raises UserError when a character is in no font of the chain.
    """
    main = main or register_fonts()
    main_map = _cmap(main)
    runs: list[tuple[str, str]] = []
    for index, ch in enumerate(text):
        code = ord(ch)
        if code < 0x80 or code in main_map or _needs_no_glyph(ch):
            font = runs[-1][0] if runs and _needs_no_glyph(ch) else main
        else:
            font = next((name for name, cmap in _fallbacks(main) if code in cmap), "")
            if not font:
                raise _missing(text, index)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def check_printable(text: str) -> None:
    """Raise UserError if some character of `text` has no glyph in any PDF font."""
    font_runs(text)


def markup(value: object) -> str:
    """Paragraph markup for user text: escaped, with rare characters in a fallback font.

    None becomes ""; the result goes into a reportlab Paragraph (never into a plain cell).
    """
    text = "" if value is None else str(value)
    main = register_fonts()
    parts: list[str] = []
    for font, run in font_runs(text, main):
        escaped = escape(run)
        parts.append(escaped if font == main else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def runs_width(runs: list[tuple[str, str]], size: float) -> float:
    """Width in points of `runs` drawn at `size`."""
    return sum(float(pdfmetrics.stringWidth(run, font, size)) for font, run in runs)
