"""Choosing the date range of a volunteer service certificate."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.ui.widgets.date_fields import DateEdit


def _edit(day: date) -> QDateEdit:
    edit = DateEdit(QDate(day.year, day.month, day.day))
    return edit


class CertificateDialog(QDialog):
    def __init__(self, volunteer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("开具志愿服务记录证明")
        today = date.today()
        self.date_from = _edit(date(today.year, 1, 1))
        self.date_to = _edit(today)
        form = QFormLayout()
        form.addRow("志愿者", QLabel(volunteer))
        form.addRow("起始日期", self.date_from)
        form.addRow("截止日期", self.date_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开具")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        a, b = self.date_from.date(), self.date_to.date()
        return date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
