"""Telling the clerk when a name holds a character the window's fonts cannot show.

Rare characters of names (生僻字) outside the fonts show as empty boxes in lists and dialogs;
the hint under a name field says which character, so the clerk can check the spelling or note it.
The bundled Hanazono Mincho subsets are loaded with the other application fonts (ui/app.py), so
CJK Extension A and B show; what is left is truly missing.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit


def missing_in_window(text: str, font: QFont | None = None) -> list[str]:
    """Characters of `text` that no family of the application font (or `font`) has."""
    base = font or QApplication.font()
    metrics = [QFontMetrics(QFont(family)) for family in base.families() or [base.family()]]
    missing: list[str] = []
    for ch in dict.fromkeys(text):
        if unicodedata.category(ch) in {"Cc", "Cf", "Zs"}:
            continue
        if not any(m.inFontUcs4(ord(ch)) for m in metrics):
            missing.append(ch)
    return missing


def hint_text(text: str) -> str:
    """The hint for a name, or "" when every character shows."""
    missing = missing_in_window(text)
    if not missing:
        return ""
    chars = "、".join(f"“{ch}”（U+{ord(ch):04X}）" for ch in missing)
    return f"字 {chars} 在本机字体中没有，窗口中会显示为方框，打印时会提示无法生成。请核对写法。"


def attach_glyph_hint(edit: QLineEdit) -> QLabel:
    """A hint label kept up to date with `edit`'s text; empty while all is well."""
    label = QLabel("")
    label.setObjectName("hint")
    label.setWordWrap(True)

    def update(text: str) -> None:
        label.setText(hint_text(text))

    edit.textChanged.connect(update)
    update(edit.text())
    return label
