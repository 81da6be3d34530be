"""F1: a short Chinese help page for the page on screen, read from `resources/help/`.

Each navigation page has one HTML file named after its module (`activities.html` for
`ui/pages/activities/activities.py`); a test keeps every page covered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from wenming_desktop.resources import resources_dir


def help_path(page_module: str) -> Path:
    """The help file of a page given its module under `ui/pages` ("roster.volunteers")."""
    return resources_dir() / "help" / f"{page_module.rsplit('.', 1)[-1]}.html"


def help_html(page_module: str, title: str) -> str:
    path = help_path(page_module)
    if path.exists():
        return path.read_text(encoding="utf-8")
    return f"<h3>{title}</h3><p>本页暂无帮助说明。</p>"


class HelpDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"帮助 — {title}")
        self.resize(560, 440)
        self.text = QTextBrowser()
        self.text.setHtml(html)
        self.text.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
