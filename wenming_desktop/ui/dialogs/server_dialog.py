"""单位服务器: the form to enter and test the office server's address, user and password.

`ServerForm` is shared by 设置 → 单位服务器 and the dialog the first-start window opens
("连接单位服务器"). 测试连接 runs on a worker (a connection may take up to the 10 s timeout).
The password field never shows a saved password back; leaving it empty keeps the saved one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings import server_connection
from wenming_desktop.services.settings.server_connection import DEFAULT_PORT, ServerAddress
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.tasks import TaskRunner


class ServerForm(QWidget):
    """Fields, 测试连接 and 保存; `saved` is True once the address was written."""

    def __init__(self, folder: DataFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.runner = TaskRunner(self)
        self.saved = False
        try:
            self._saved_address = server_connection.saved_address(folder)
        except UserError:
            self._saved_address = None
        current = self._saved_address
        self.host = QLineEdit(current.host if current else "")
        self.host.setPlaceholderText("例如：192.168.1.20 或服务器的计算机名")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port if current else DEFAULT_PORT)
        self.database = QLineEdit(current.database if current else "")
        self.database.setPlaceholderText("由服务器管理员提供，例如 wenming")
        self.user = QLineEdit(current.user if current else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("已保存，不修改请留空" if current else "")
        form = QFormLayout()
        form.addRow("服务器地址 *", self.host)
        form.addRow("端口", self.port)
        form.addRow("数据库名 *", self.database)
        form.addRow("用户名 *", self.user)
        form.addRow("密码", self.password)
        self.status = QLabel(
            f"当前连接：{current.host}:{current.port} 上的数据库“{current.database}”"
            if current
            else "当前使用本机数据文件（未连接单位服务器）。"
        )
        self.status.setWordWrap(True)
        self.test_button = QPushButton("测试连接")
        self.save_button = QPushButton("保存")
        self.local_button = QPushButton("改回使用本机数据")
        self.local_button.setVisible(current is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.local_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        note = QLabel(
            "多台电脑共用一个数据库时填写。密码只保存在本机本用户的配置文件中，不写入日志。"
            "保存后重新打开程序生效。"
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.test_button.clicked.connect(self.try_connection)
        self.save_button.clicked.connect(self.save)
        self.local_button.clicked.connect(self.use_local)

    def address(self) -> ServerAddress:
        password = self.password.text()
        if not password and self._saved_address is not None:
            password = self._saved_address.password
        return ServerAddress(
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            user=self.user.text(),
            password=password,
        )

    def _busy(self, busy: bool) -> None:
        for button in (self.test_button, self.save_button, self.local_button):
            button.setEnabled(not busy)

    def try_connection(self) -> None:
        address = self.address()
        self._busy(True)
        self.status.setText("正在连接服务器…（最长等待 10 秒）")
        op = Op(self, self.runner, lambda _p: server_connection.try_address(address))
        op.finally_(lambda: self._busy(False)).success(self.status.setText)
        op.failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(exc.message if isinstance(exc, UserError) else f"连接失败：{exc}")

    def save(self) -> None:
        try:
            server_connection.save_address(self.folder, self.address())
        except UserError as exc:
            self.status.setText(exc.message)
            return
        self.saved = True
        self.status.setText("已保存。请关闭并重新打开本程序，以连接单位服务器。")

    def use_local(self) -> None:
        try:
            server_connection.save_address(self.folder, None)
        except UserError as exc:
            self.status.setText(exc.message)
            return
        self.saved = True
        self.status.setText("已改回使用本机数据。请关闭并重新打开本程序。")


class ServerDialog(QDialog):
    """The form in a window of its own (first start); accepted once the address is saved."""

    def __init__(self, folder: DataFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("连接单位服务器")
        self.setMinimumWidth(520)
        self.form = ServerForm(folder, self)
        self.form.save_button.clicked.connect(self._after_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def _after_save(self) -> None:
        if self.form.saved:
            self.accept()
