"""Date fields take digits typed after a click; an activity's end follows its start."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QPoint, Qt

from wenming_desktop.services.activities.activities import ActivityData, CategoryChoice, Choice
from wenming_desktop.ui.dialogs.activity_dialog import ActivityDialog
from wenming_desktop.ui.widgets.date_fields import DateEdit, DateTimeEdit


def _click_then_type(qtbot, edit, x: int, keys: str) -> None:
    edit.show()
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    line = edit.lineEdit()
    line.setCursorPosition(10)  # elsewhere first, as after earlier typing
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # a key that is not a digit: nothing fresh now
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    qtbot.keyClicks(edit, keys)


def test_digits_typed_after_a_click_replace_the_date(qtbot) -> None:
    edit = DateEdit(QDate(2025, 1, 1))
    qtbot.addWidget(edit)
    edit.resize(200, 30)
    _click_then_type(qtbot, edit, 4, "20260315")
    assert edit.date() == QDate(2026, 3, 15)


def test_digits_typed_into_a_date_and_time(qtbot) -> None:
    edit = DateTimeEdit()
    qtbot.addWidget(edit)
    edit.resize(220, 30)
    _click_then_type(qtbot, edit, 4, "202603150830")
    assert edit.text() == "2026-03-15 08:30"


def test_activity_end_follows_its_start(qtbot) -> None:
    data = ActivityData(
        title="义诊",
        category_id=1,
        village_id=1,
        start_at=datetime(2026, 3, 17, 8, 30),
        end_at=datetime(2026, 3, 17, 11, 30),
    )
    dialog = ActivityDialog(
        lambda _d: None,
        [CategoryChoice(id=1, name="教育培训", is_health=False)],
        [Choice(id=1, name="东兴村")],
        data,
        editing=False,
    )
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 4, 21))
    assert dialog.end.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-04-21 11:30"
    dialog.start.setTime(dialog.start.time().addSecs(3600))  # 09:30: three hours still
    assert dialog.end.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-04-21 12:30"
