"""A 提醒 for imported text that will not print: a character no PDF font has.

What belongs here: turning the one rule of what prints (`exports/pdf/glyphs.unprintable_chars`,
also behind the PDF refusals and the window's name-field hint) into import warnings. Such a
name is still imported (the clerk may correct it later), but the clerk hears about it now, by
sheet, row and column, rather than when a certificate or sign-in sheet is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wenming_desktop.services.workbooks.preview import Problem
from wenming_desktop.services.workbooks.sheet_reader import SheetRows


def unprintable_warnings(
    sheet: SheetRows, row: int, cells: Mapping[str, Any], keys: Iterable[str]
) -> list[Problem]:
    """One warning per cell among `keys` of `cells` (field key → value as imported) whose text
    holds a character no PDF font has, naming the text and each character (U+XXXX)."""
    from wenming_desktop.exports.pdf.glyphs import unprintable_chars  # reportlab: on use

    warnings: list[Problem] = []
    for key in keys:
        value = cells.get(key)
        if not isinstance(value, str) or value.isascii():
            continue
        missing = unprintable_chars(value)
        if missing:
            chars = "、".join(f"“{ch}”（U+{ord(ch):04X}）" for ch in missing)
            warnings.append(
                sheet.problem(
                    row,
                    key,
                    f"“{value}”中的字{chars}在所有可用字体中都没有字形：窗口中会显示为方框，"
                    "打印证明、签到表等 PDF 时会被拒绝。已照常导入，请核对写法后在名册中改正",
                )
            )
    return warnings
