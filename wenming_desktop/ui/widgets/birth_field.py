"""A birth date field that can hold a year-month: a 已填写 box, the date, and a 只知年月 box.

With 只知年月 ticked the date shows and keeps only year and month (`1985-03`); the value is the
month's first day with precision `month` (domain/birth.py), so opening and saving a person whose
sheet gave only 出生年月 never turns it into a full date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from wenming_desktop.domain.birth import (
    MONTH_ONLY_LABEL,
    PRECISION_DAY,
    PRECISION_MONTH,
    as_month,
)
from wenming_desktop.ui.widgets.date_fields import DateEdit

DAY_FORMAT = "yyyy-MM-dd"
MONTH_FORMAT = "yyyy-MM"


class BirthDateField(QWidget):
    """`value()` → (date or None, precision); `set_value(date, precision)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox("已填写")
        self.edit = DateEdit()
        self.month_only = QCheckBox(MONTH_ONLY_LABEL)
        self.month_only.setToolTip("表格只写了出生年月（如 1985.03）时勾选，日不填")
        self.enabled.toggled.connect(self._enable)
        self.month_only.toggled.connect(self._show_precision)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.month_only)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.month_only.setEnabled(on)

    def _show_precision(self, month_only: bool) -> None:
        self.edit.setDisplayFormat(MONTH_FORMAT if month_only else DAY_FORMAT)

    def set_value(self, value: date | None, precision: str = PRECISION_DAY) -> None:
        day = value or date.today()
        self.enabled.setChecked(value is not None)
        self.month_only.setChecked(value is not None and precision == PRECISION_MONTH)
        self.edit.setDate(QDate(day.year, day.month, day.day))
        self._enable(value is not None)

    def value(self) -> tuple[date | None, str]:
        if not self.enabled.isChecked():
            return None, PRECISION_DAY
        picked = self.edit.date()
        day = date(picked.year(), picked.month(), picked.day())
        if self.month_only.isChecked():
            return as_month(day), PRECISION_MONTH
        return day, PRECISION_DAY
