"""The sign-in dialog shown at start when sign-in is on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.access import Actor
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import users
from wenming_desktop.storage.database import Database


class LoginDialog(QDialog):
    """Asks until the password is right (or the clerk gives up); `actor` is the signed-in user."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("登录")
        self.db = db
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("用户名", self.username)
        form.addRow("密码", self.password)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        buttons.addButton("登录", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("退出", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        try:
            self.actor = users.authenticate(self.db, self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()
