"""Add or edit a paired village; validation errors show in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.ui.dialogs.common import (
    RELOAD,
    error_label,
    offer_reload,
    save_cancel_buttons,
)
from wenming_desktop.ui.widgets.date_fields import DateEdit
from wenming_desktop.ui.widgets.glyph_hint import attach_glyph_hint


def _to_qdate(value: date | None) -> QDate:
    day = value or date.today()
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDate(QWidget):
    """A date with a check box: unchecked means "not set"."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.edit = DateEdit()
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(_to_qdate(value))

    def value(self) -> date | None:
        return _from_qdate(self.edit.date()) if self.enabled.isChecked() else None


class VillageDialog(QDialog):
    """`save` is called with the entered data; a UserError it raises is shown in the dialog."""

    def __init__(
        self,
        save: Callable[[VillageData], object],
        initial: VillageData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("编辑结对村" if initial else "新增结对村")
        self.setMinimumWidth(460)
        self._save = save
        self.name = QLineEdit()
        self.name.setPlaceholderText("例如：萝北县肇兴镇东兴村")
        self.station = QLineEdit()
        self.station.setPlaceholderText("例如：东兴村新时代文明实践站")
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("手机号或带区号的固定电话")
        self.start = OptionalDate("已填写")
        self.end = OptionalDate("已填写")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        form = QFormLayout()
        form.addRow("村名 *", self.name)
        self.name_hint = attach_glyph_hint(self.name)
        form.addRow("", self.name_hint)
        form.addRow("实践站名称", self.station)
        form.addRow("联系人", self.contact)
        form.addRow("联系电话", self.phone)
        form.addRow("结对开始日期", self.start)
        form.addRow("结对结束日期", self.end)
        form.addRow("备注", self.notes)
        self.error = error_label()
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        data = initial or VillageData(name="")
        self.name.setText(data.name)
        self.station.setText(data.station_name)
        self.contact.setText(data.contact_person)
        self.phone.setText(data.contact_phone)
        self.start.set_value(data.pairing_start)
        self.end.set_value(data.pairing_end)
        self.notes.setPlainText(data.notes)

    def data(self) -> VillageData:
        return VillageData(
            name=self.name.text(),
            station_name=self.station.text(),
            contact_person=self.contact.text(),
            contact_phone=self.phone.text(),
            pairing_start=self.start.value(),
            pairing_end=self.end.value(),
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        try:
            self._save(self.data())
        except StaleRecord as exc:
            self.error.setText(exc.message)
            if offer_reload(self, exc.message):
                self.done(RELOAD)
            return
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
