"""Telling the clerk when a name holds a character that will not print or not show.

Rare characters of names (生僻字) outside the fonts show as empty boxes in lists and dialogs and
stop the PDFs that print them; the hint under a name field says which character, so the clerk
can check the spelling or note it. What prints is the program's one rule
(`services.printable.unprintable_chars`, the PDF fonts' coverage); what the window shows is
asked of its own fonts. The bundled Hanazono Mincho subsets are loaded with the other
application fonts (ui/app.py), so CJK Extension A and B show and print.

The hint takes as many lines as it needs: a dialog already shown grows to fit it
(`grow_to_fit`); one not shown yet is sized with it when shown.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget


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
    """The hint for a name, or "" when every character prints and shows."""
    if text.isascii():
        return ""
    from wenming_desktop.services.printable import chars_text, unprintable_chars  # reportlab

    unprintable = unprintable_chars(text)
    unseen = [ch for ch in missing_in_window(text) if ch not in unprintable]
    parts = []
    if unprintable:
        parts.append(
            f"字 {chars_text(unprintable)} 打印字体中没有，窗口中可能显示为方框，"
            "打印证明、签到表等时会被拒绝。"
        )
    if unseen:
        parts.append(f"字 {chars_text(unseen)} 本机窗口字体中没有，会显示为方框（打印不受影响）。")
    return "".join(parts) + "请核对写法。" if parts else ""


def grow_to_fit(widget: QWidget) -> None:
    """Make `widget`'s window tall enough for its layout at its present width (a wrapped
    label that gained lines); a window not shown yet is sized when shown."""
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    need = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        need = max(need, layout.totalHeightForWidth(window.width()))
    if window.height() < need:
        window.resize(window.width(), need)


def attach_glyph_hint(edit: QLineEdit) -> QLabel:
    """A hint label kept up to date with `edit`'s text; empty while all is well. Put it in the
    dialog's layout under the field; the dialog grows when the hint needs more room."""
    label = QLabel("")
    label.setObjectName("hint")
    label.setWordWrap(True)

    def update(text: str) -> None:
        hint = hint_text(text)
        if hint != label.text():
            label.setText(hint)
            grow_to_fit(label)

    edit.textChanged.connect(update)
    update(edit.text())
    return label
