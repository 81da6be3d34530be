"""Editing a volunteer whose birth is known only to the month (只知年月) keeps it a year-month;
the 只知年月 box turns a full date into one on purpose."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from wenming_desktop.domain.roster import VolunteerData
from wenming_desktop.services.roster import roster
from wenming_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog
from wenming_desktop.ui.pages.roster.volunteers import VolunteersPage

SHOTS = os.environ.get("WENMING_SHOTS")  # a folder: the dialog is saved there as a PNG


def _row_of(page: VolunteersPage, name: str) -> int:
    return next(i for i in range(page.model.rowCount()) if page.model.row_at(i).name == name)


def test_editing_keeps_a_year_month(window, qtbot, when_dialog_opens) -> None:
    db = window.context.workspace.db
    vid = roster.add_volunteer(
        db,
        VolunteerData(
            name="张三丰", staff_no="1001", birth_date=date(1985, 3, 1), birth_precision="month"
        ),
    )
    page = window.show_page("志愿者")
    window.context.runner.wait(30_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(_row_of(page, "张三丰"))
    seen: list[tuple[bool, str]] = []

    def edit(dialog: VolunteerDialog) -> None:
        birth = dialog.birth
        seen.append((birth.month_only.isChecked(), birth.edit.text()))
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "volunteer_dialog_month_only.png"))
        dialog.title.setText("主治医师")
        dialog.accept()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    window.context.runner.wait(30_000)
    assert seen == [(True, "1985-03")]
    data = roster.get_volunteer(db, vid)
    assert (data.title, data.birth_date, data.birth_precision) == (
        "主治医师",
        date(1985, 3, 1),
        "month",
    )


def test_month_only_box_makes_and_unmakes_a_year_month(qtbot) -> None:
    saved: list[VolunteerData] = []
    initial = VolunteerData(name="李四", birth_date=date(1990, 7, 15))
    dialog = VolunteerDialog(saved.append, {}, initial)
    qtbot.addWidget(dialog)
    assert not dialog.birth.month_only.isChecked()
    assert dialog.birth.edit.text() == "1990-07-15"
    dialog.birth.month_only.setChecked(True)
    assert dialog.birth.edit.text() == "1990-07"
    dialog.accept()
    assert (saved[-1].birth_date, saved[-1].birth_precision) == (date(1990, 7, 1), "month")
    dialog.birth.enabled.setChecked(False)
    assert not dialog.birth.month_only.isEnabled()
    dialog.accept()
    assert (saved[-1].birth_date, saved[-1].birth_precision) == (None, "day")
