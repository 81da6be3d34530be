"""Correcting a volunteer's hours by hand: the new hours, the reason (required) and who."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours


class CorrectionDialog(QDialog):
    """`save(minutes, reason, by)`; a UserError (e.g. no reason) is shown in the dialog."""

    def __init__(
        self,
        name: str,
        recorded_minutes: int | None,
        save: Callable[[int, str, str], None],
        by: str,
        parent: QWidget | None = None,
        corrected_minutes: int | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("修正服务时长")
        self.setMinimumWidth(380)
        self._save = save
        recorded = (
            "未记录" if recorded_minutes is None else f"{format_hours(recorded_minutes)} 小时"
        )
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(" 小时")
        start = corrected_minutes if corrected_minutes is not None else recorded_minutes
        self.hours.setValue((start or 0) / 60)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("必填，例如：签退漏记，按活动记录更正")
        self.reason.setText(reason)
        self.by = QLineEdit(by)
        form = QFormLayout()
        form.addRow("志愿者", QLabel(name))
        form.addRow("签到签退记录的时长", QLabel(recorded))
        form.addRow("修正后时长", self.hours)
        form.addRow("修正原因 *", self.reason)
        form.addRow("修正人", self.by)
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
            self._save(round(self.hours.value() * 60), self.reason.text(), self.by.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
