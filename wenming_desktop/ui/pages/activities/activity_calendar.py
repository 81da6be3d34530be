"""A month calendar whose days with activities are marked (bold on a tinted background)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

MARK_COLOR = QColor("#f6d5d5")


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ActivityCalendar(QCalendarWidget):
    """`mark(days)` shows the given days bold on a tint; Chinese month and day names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.marked: dict[date, int] = {}

    def mark(self, days: dict[date, int]) -> None:
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clears every format
        self.marked = dict(days)
        style = QTextCharFormat()
        style.setFontWeight(QFont.Weight.Bold)
        style.setBackground(QBrush(MARK_COLOR))
        for day in days:
            self.setDateTextFormat(to_qdate(day), style)

    def is_marked(self, day: date) -> bool:
        fmt = self.dateTextFormat(to_qdate(day))
        return fmt.fontWeight() == QFont.Weight.Bold
