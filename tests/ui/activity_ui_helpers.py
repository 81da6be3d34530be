"""Driving the activity widgets as a clerk would: clicks on calendar days, typing in cells."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QTableView


def click_calendar_day(qtbot, calendar: QCalendarWidget, day: int) -> None:
    """Click the cell of `day` of the month shown (not a greyed day of a neighbour month)."""
    view = calendar.findChild(QTableView)
    model = view.model()
    seen_first = False
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            if text == "1":
                seen_first = True
            if seen_first and text == str(day):
                rect = view.visualRect(index)
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
    raise AssertionError(f"day {day} not shown")


def type_keys(qtbot, text: str) -> None:
    """ASCII keys to whichever widget has the focus now (an editor that opened, a cell)."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def press(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def double_click_row(qtbot, view: QTableView, row: int, column: int = 0) -> None:
    """A real double click: the press that selects, then the double click on the same cell."""
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
