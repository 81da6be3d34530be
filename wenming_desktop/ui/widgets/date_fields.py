"""Date and date-time fields that take typed digits wherever the clerk clicked.

Qt's own fields ignore a digit typed into a section that is already full (a click puts the cursor
inside "2025", and typing "2026" does nothing until an arrow key selects the section). Here a
digit typed with nothing selected first selects the section under the cursor, so typing
replaces it and Qt moves on to the next section, as in a spreadsheet: "20260315".
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


class _TypedDigits(QObject):
    """The first digit after a click (or focus) replaces the section under the cursor; watches
    the field's line edit, which receives the clicks."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.fresh = True
        edit.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self.fresh = True
        return False

    def before_key(self, edit: QDateTimeEdit, event: QKeyEvent) -> None:
        if event.text().isdigit():
            if self.fresh and not edit.lineEdit().hasSelectedText():
                edit.setSelectedSection(edit.currentSection())
            self.fresh = False
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
            self.fresh = True  # the cursor moved to another section: typing starts it anew


class DateEdit(QDateEdit):
    """A date field (calendar pop-up, yyyy-MM-dd) that takes typed digits."""

    def __init__(self, value: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = _TypedDigits(self)
        if value is not None:
            self.setDate(value)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._digits.before_key(self, event)
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._digits.fresh = True
        super().focusInEvent(event)


class DateTimeEdit(QDateTimeEdit):
    """A date and time field (calendar pop-up, yyyy-MM-dd HH:mm) that takes typed digits."""

    def __init__(self, value: QDateTime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = _TypedDigits(self)
        if value is not None:
            self.setDateTime(value)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._digits.before_key(self, event)
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._digits.fresh = True
        super().focusInEvent(event)
