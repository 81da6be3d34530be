"""Marking an abnormal result as followed up: the date, who did it, and a note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.services.checkups.checkups import FollowUp
from wenming_desktop.ui.dialogs.common import error_label, save_cancel_buttons, try_save
from wenming_desktop.ui.widgets.date_fields import DateEdit


class FollowUpDialog(QDialog):
    """`save(on, by, note)` records it; a UserError it raises stays in the dialog. `stored`: a
    follow-up already recorded, shown for editing."""

    def __init__(
        self,
        about: str,
        save: Callable[[date, str, str], None],
        by: str = "",
        parent: QWidget | None = None,
        stored: FollowUp | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("记录随访")
        self.setMinimumWidth(420)
        self._save = save
        today = date.today()
        self.on = DateEdit(QDate(today.year, today.month, today.day))
        self.by = QLineEdit(by)
        self.by.setPlaceholderText("随访人姓名")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("例如：电话随访，已到乡镇卫生院复查，血压控制良好")
        self.note.setFixedHeight(80)
        if stored is not None and stored.on is not None:  # already followed up: shown to edit
            self.on.setDate(QDate(stored.on.year, stored.on.month, stored.on.day))
            self.by.setText(stored.by)
            self.note.setPlainText(stored.note)
        heading = QLabel(about)
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow("随访日期", self.on)
        form.addRow("随访人 *", self.by)
        form.addRow("随访情况", self.note)
        self.error = error_label()
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        day = self.on.date()
        on = date(day.year(), day.month(), day.day())
        if try_save(
            self, self.error, lambda: self._save(on, self.by.text(), self.note.toPlainText())
        ):
            super().accept()
