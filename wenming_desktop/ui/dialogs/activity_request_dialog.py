"""Recording a village's request for a service (点单)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities.activities import Choice
from wenming_desktop.services.activities.requests import RequestData
from wenming_desktop.ui.dialogs.village_dialog import OptionalDate


class RequestDialog(QDialog):
    def __init__(
        self,
        save: Callable[[RequestData], None],
        villages: list[Choice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("登记群众点单")
        self.setMinimumWidth(440)
        self._save = save
        self.village = QComboBox()
        for v in villages:
            self.village.addItem(v.name, v.id)
        self.requested_by = QLineEdit()
        self.requested_by.setPlaceholderText("例如：村党支部书记 王某某")
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText("需要什么服务，例如：为村里老人开展一次中医义诊")
        self.content.setFixedHeight(80)
        self.wanted = OptionalDate("指定日期")
        self.wanted.set_value(None)
        form = QFormLayout()
        form.addRow("结对村", self.village)
        form.addRow("提出人", self.requested_by)
        form.addRow("需求内容 *", self.content)
        form.addRow("希望日期", self.wanted)
        self.error = QLabel("")
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            if self.village.currentData() is None:
                raise UserError("请先在“结对村”页添加结对村")
            self._save(
                RequestData(
                    village_id=int(self.village.currentData()),
                    content=self.content.toPlainText(),
                    requested_by=self.requested_by.text(),
                    wanted_on=self.wanted.value(),
                    received_on=date.today(),
                )
            )
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
