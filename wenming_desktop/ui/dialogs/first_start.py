"""首次使用: on an empty data folder, ask for the hospital, the office and the paired villages,
open the demo data (in their own folder) to look around, or connect to the office server."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.first_start import open_demo, set_up, split_village_names
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class FirstStartDialog(QDialog):
    """Accepted after the set-up (choice "setup"), with the demo workspace opened (choice
    "demo", `demo_workspace` set; the caller owns it) or after the office server's address was
    saved (choice "server": the folder is to be opened again); rejected for 以后再说."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("欢迎使用")
        self.setMinimumWidth(520)
        self.workspace = workspace
        self.runner = TaskRunner(self)
        self.choice = ""  # "setup" or "demo" once done
        self.demo_workspace: Workspace | None = None
        self.intro = QLabel(
            "这是一个新的数据文件夹。请先填写单位信息和结对村，以后可在“设置”和“结对村”中修改。"
            "也可以先载入演示数据看看：演示数据另存一处，不会写入您的数据文件夹。"
            f"\n数据保存在：{workspace.folder.root}"
        )
        self.intro.setWordWrap(True)
        self.hospital = QLineEdit()
        self.hospital.setPlaceholderText("例如：鹤岗市中医院")
        self.office = QLineEdit("文明办")
        self.villages = QPlainTextEdit()
        self.villages.setPlaceholderText(
            "每行一个村名，例如：\n萝北县肇兴镇东兴村\n萝北县肇兴镇胜利村"
        )
        self.villages.setFixedHeight(110)
        form = QFormLayout()
        form.addRow("医院名称 *", self.hospital)
        form.addRow("科室/部门", self.office)
        form.addRow("结对村", self.villages)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.start_button = QPushButton("开始使用")
        self.start_button.setDefault(True)
        self.demo_button = QPushButton("载入演示数据看看")
        self.demo_button.setToolTip(
            "演示数据保存在单独的文件夹中，不会写入您的数据文件夹；下次打开程序时仍会出现本窗口"
        )
        self.server_button = QPushButton("连接单位服务器…")
        self.server_button.setToolTip("本单位已有多台电脑共用的服务器数据库时，填写其地址")
        self.later_button = QPushButton("以后再说")
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.server_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.accept)
        self.demo_button.clicked.connect(self.load_demo)
        self.server_button.clicked.connect(self.connect_server)
        self.later_button.clicked.connect(self.reject)

    def accept(self) -> None:
        try:
            set_up(
                self.workspace.db,
                self.hospital.text(),
                self.office.text(),
                split_village_names(self.villages.toPlainText()),
            )
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.choice = "setup"
        super().accept()

    def load_demo(self) -> None:
        self._busy(True)
        self.error.setText("正在准备演示数据，请稍候…")
        folder = self.workspace.folder
        op = Op(self, self.runner, lambda _progress: open_demo(folder))
        op.success(self._demo_done).failure(self._failed).run()  # the error shown in the dialog

    def connect_server(self) -> None:
        from wenming_desktop.ui.dialogs.server_dialog import ServerDialog

        if ServerDialog(self.workspace.folder, self).exec():
            self.choice = "server"
            super().accept()

    def _demo_done(self, workspace: Workspace) -> None:
        self.choice = "demo"
        self.demo_workspace = workspace
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, UserError):
            self.error.setText(exc.message)
        else:
            log.error("demo data failed", exc_info=(type(exc), exc, exc.__traceback__))
            self.error.setText(f"写入演示数据失败：{type(exc).__name__}: {exc}")

    def _busy(self, busy: bool) -> None:
        for button in (self.start_button, self.demo_button, self.server_button, self.later_button):
            button.setEnabled(not busy)

    def reject(self) -> None:
        if self.start_button.isEnabled():  # not while the demo data are being written
            super().reject()
