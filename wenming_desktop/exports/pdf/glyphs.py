"""Every character printed with a font that has it: the fallback chain for PDFs.

The main font (bundled WenQuanYi Micro Hei, or the clerk's chosen system font) lacks the rare
characters of some names (生僻字 such as 䶮 in CJK Extension A, 𠮷 in Extension B); reportlab
would draw them blank. Text is therefore split into runs by glyph coverage, each run drawn in the
first font of the chain that has all its characters: the main font, then the bundled font when a
system font is the main one, then the Hanazono Mincho subsets (resources/fonts/HanaMin*-sub.ttf).
A character no font of the chain has is never printed as a blank: the document is refused
naming every such text and character (refusals.py). `unprintable_chars` is the rule of what
prints, used also by the imports (a warning) and the window's name fields (a hint).

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

from wenming_desktop.exports.pdf.fonts import FONT, register_fonts
from wenming_desktop.exports.pdf.refusals import Unprintable, note_missing
from wenming_desktop.resources import fallback_font_paths, font_path

FALLBACK_NAMES = ("HanaMinA", "HanaMinB")


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


def _font_for(code: int, main: str, main_map: Mapping[int, int]) -> str:
    """The first font of the chain with a glyph for `code` ("" when none has one)."""
    if code < 0x80 or code in main_map:
        return main
    return next((name for name, cmap in _fallbacks(main) if code in cmap), "")


def unprintable_chars(text: str) -> list[str]:
    """The characters of `text` (each once, in order) that no PDF font of the chain has.

    The one rule of "prints" for the program: PDFs refuse such text, imports warn about it
    and name fields show it.
    """
    main = register_fonts()
    main_map = _cmap(main)
    return [
        ch
        for ch in dict.fromkeys(text)
        if not _needs_no_glyph(ch) and not _font_for(ord(ch), main, main_map)
    ]


def font_runs(text: str, main: str | None = None) -> list[tuple[str, str]]:
    """`text` cut into (font name, run) pairs, consecutive characters sharing a font.

    Characters the main font has stay in it; others go to the first fallback that has them.
    A character in no font of the chain is noted for the document being written
    (refusals.py), which is then refused naming every such text; outside a writer, raises
    `Unprintable` at once.
    """
    main = main or register_fonts()
    main_map = _cmap(main)
    runs: list[tuple[str, str]] = []
    for index, ch in enumerate(text):
        if _needs_no_glyph(ch):
            font = runs[-1][0] if runs else main
        else:
            font = _font_for(ord(ch), main, main_map)
            if not font:
                if not note_missing(text, index):
                    raise Unprintable([(text, ch)])
                font = main  # drawn as a blank in a document that will be refused
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def check_printable(text: str) -> None:
    """Raise `Unprintable` naming every character of `text` no PDF font has."""
    missing = unprintable_chars(text)
    if missing:
        raise Unprintable([(text, ch) for ch in missing])


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
