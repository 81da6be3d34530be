"""Which text will not print, for the imports and the window: a character no PDF font has.

What belongs here: the one rule of what prints (`exports/pdf/glyphs.unprintable_chars`, also
behind the PDF refusals) passed on to the window's name fields (a hint) and turned into import
warnings. Such a name is still imported (the clerk may correct it later), but the clerk hears
about it at once, by sheet, row and column, rather than when a certificate or sign-in sheet
is refused. reportlab loads on the first text that is not plain ASCII.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wenming_desktop.services.workbooks.preview import Problem
from wenming_desktop.services.workbooks.sheet_reader import SheetRows


def unprintable_chars(text: str) -> list[str]:
    """The characters of `text` (each once, in order) that no PDF font has."""
    if text.isascii():
        return []
    from wenming_desktop.exports.pdf.glyphs import unprintable_chars as rule  # reportlab

    return rule(text)


def chars_text(chars: Iterable[str]) -> str:
    """“\ue000”（U+E000）、“𰀀”（U+30000）: characters as the clerk reads them."""
    return "、".join(f"“{ch}”（U+{ord(ch):04X}）" for ch in chars)


def unprintable_warnings(
    sheet: SheetRows, row: int, cells: Mapping[str, Any], keys: Iterable[str]
) -> list[Problem]:
    """One warning per cell among `keys` of `cells` (field key → value as imported) whose text
    holds a character no PDF font has, naming the text and each character (U+XXXX)."""
    warnings: list[Problem] = []
    for key in keys:
        value = cells.get(key)
        missing = unprintable_chars(value) if isinstance(value, str) else []
        if missing:
            warnings.append(
                sheet.problem(
                    row,
                    key,
                    f"“{value}”中的字{chars_text(missing)}在打印所用的字体中都没有字形："
                    "窗口中可能显示为方框，打印证明、签到表等 PDF 时会被拒绝。"
                    "已照常导入，请核对写法后在名册中改正",
                )
            )
    return warnings
