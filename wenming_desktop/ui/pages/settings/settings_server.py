"""设置 → 单位服务器: enter and test the office server's address (ui/dialogs/server_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.server_dialog import ServerForm


class ServerSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("单位服务器")
        self.context = context
        self.form = ServerForm(context.workspace.folder, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
