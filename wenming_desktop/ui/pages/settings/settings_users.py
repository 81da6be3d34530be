"""设置 → 用户: optional sign-in, users with roles (管理员 / 录入员 / 只读), passwords.

Every rule (管理员 only, the last 管理员 kept, password length, lock-out) lives in services/users;
this tab only asks and shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.access import ROLE_LABELS, VIEWER
from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.services.safety import users
from wenming_desktop.services.safety.users import UserRow
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, offer_reload
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel

COLUMNS = [
    Column("用户名", UserRow._fields.index("username"), width=140),
    Column("姓名", UserRow._fields.index("display_name"), width=120),
    Column("角色", UserRow._fields.index("role"), width=90),
    Column("状态", UserRow._fields.index("locked"), lambda v: "已锁定" if v else "正常"),
]


def _code(label: str) -> str:
    """The role code of a role's Chinese label (as listed)."""
    return next(c for c, text in ROLE_LABELS.items() if text == label)


class PasswordDialog(QDialog):
    """A new password typed twice; `save(password)` may refuse with a UserError."""

    def __init__(
        self, title: str, save: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.form = QFormLayout()
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        buttons.addButton("确定", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def add_password_rows(self) -> None:
        self.form.addRow("密码", self.password)
        self.form.addRow("再输一次", self.again)

    def accept(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText("两次输入的密码不一致")
            return
        try:
            self._save(self.password.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()


class NewUserDialog(PasswordDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__("新增用户", self._add, parent)
        self.context = context
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for code, label in ROLE_LABELS.items():
            self.role.addItem(label, code)
        self.role.setCurrentIndex(self.role.findData(VIEWER))
        self.form.addRow("用户名", self.username)
        self.form.addRow("姓名", self.display_name)
        self.form.addRow("角色", self.role)
        self.add_password_rows()

    def _add(self, password: str) -> None:
        users.add_user(
            self.context.workspace.db,
            self.username.text(),
            self.display_name.text(),
            self.role.currentData(),
            password,
        )


class UsersSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("用户")
        self.context = context
        layout = QVBoxLayout(self)
        self.required = QCheckBox("开启登录（开启后每次打开程序都要输入用户名和密码）")
        layout.addWidget(self.required)
        hint = QLabel(
            "管理员：全部功能；录入员：录入和导出，不能管理用户、不能恢复备份；只读：只能查看和导出。"
            f"密码连续输错 {users.MAX_FAILURES} 次锁定 {users.LOCK_MINUTES} 分钟，"
            "管理员重置密码即可解锁。"
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("新增用户…")
        self.add_button.setObjectName("add")
        self.role_button = QPushButton("修改角色…")
        self.password_button = QPushButton("重置密码…")
        self.delete_button = QPushButton("删除")
        for button in (self.add_button, self.role_button, self.password_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table)
        self.required.toggled.connect(self._toggle_required)
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.reset_password)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self) -> None:
        # A handful of users and one setting: read on the GUI thread, like 结对村.
        self.required.blockSignals(True)
        self.required.setChecked(users.sign_in_required(self.db))
        self.required.blockSignals(False)
        self.model.set_rows(users.list_users(self.db))
        self._update_buttons()

    def selected(self) -> UserRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.role_button, self.password_button, self.delete_button):
            button.setEnabled(has)

    def _attempt(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as exc:
            self.context.show_error(self, exc)
        self.refresh()

    def _toggle_required(self, on: bool) -> None:
        self._attempt(lambda: users.set_sign_in_required(self.db, on))

    def add(self) -> None:
        if NewUserDialog(self.context, self).exec():
            self.refresh()

    def change_role(self) -> None:
        row = self.selected()
        if row is None:
            return
        labels = list(ROLE_LABELS.values())
        shown = label = row.role
        while True:
            label, ok = QInputDialog.getItem(
                self, "修改角色", f"“{row.username}”的角色：", labels, labels.index(label), False
            )
            if not ok:
                return
            try:
                users.set_role(self.db, row.id, _code(label), _code(shown))
            except StaleRecord as exc:
                # 重新载入: ask again on the newest role; 留在此处: ask again with the choice
                if offer_reload(self, exc.message):
                    self.refresh()
                    newest = next((r for r in users.list_users(self.db) if r.id == row.id), None)
                    if newest is None:
                        return
                    shown = label = newest.role
                continue
            except UserError as exc:
                self.context.show_error(self, exc)
            self.refresh()
            return

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = PasswordDialog(
            f"重置“{row.username}”的密码", lambda p: users.reset_password(self.db, row.id, p), self
        )
        dialog.add_password_rows()
        if dialog.exec():
            self.refresh()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if confirm(self, "删除用户", f"确定删除用户“{row.username}”吗？"):
            self._attempt(lambda: users.delete_user(self.db, row.id))
