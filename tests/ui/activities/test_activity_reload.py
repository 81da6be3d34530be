"""The activity dialog when another PC (or the command line) saved the activity meanwhile."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.activity_helpers import make_activity
from wenming_desktop.services.activities import activities
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.dialogs import common
from wenming_desktop.ui.dialogs.activity_dialog import ActivityDialog
from wenming_desktop.ui.pages.activities.activities import ActivitiesPage


def _other_pc_sets_the_place(window, activity_id: int, place: str) -> None:
    other = open_workspace(window.context.workspace.folder)
    try:
        seen = activities.open_activity(other.db, activity_id)
        activities.update_activity(
            other.db, activity_id, dataclasses.replace(seen.data, place=place), seen
        )
    finally:
        other.close()


@pytest.fixture
def aid(window) -> int:
    db = window.context.workspace.db
    return make_activity(db, "东兴村", datetime(2026, 3, 17, 9), title="理论宣讲", place="村委会")


@pytest.fixture
def page(window, aid: int) -> ActivitiesPage:
    page = window.show_page("活动")
    assert isinstance(page, ActivitiesPage)
    page.calendar.setCurrentPage(2026, 3)
    page.table.selectRow(0)
    assert page.selected() is not None
    return page


def test_reloading_reopens_the_dialog_on_the_other_pcs_values(
    window, page, aid, qtbot, when_dialog_opens, monkeypatch
) -> None:
    db = window.context.workspace.db
    offered: list[str] = []
    monkeypatch.setattr(common, "offer_reload", lambda _d, message: offered.append(message) or True)
    reopened: list[str] = []

    def edit(dialog: ActivityDialog) -> None:
        _other_pc_sets_the_place(window, aid, "文化广场")
        dialog.place.setText("村卫生室")
        when_dialog_opens(edit_again)
        dialog.accept()

    def edit_again(dialog: ActivityDialog) -> None:
        reopened.append(dialog.place.text())
        dialog.summary.setPlainText("宣讲后座谈")
        dialog.accept()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "活动“理论宣讲”在你打开之后已被别人修改" in offered[0]
    assert reopened == ["文化广场"]
    saved = activities.get_activity(db, aid)
    assert (saved.place, saved.summary) == ("文化广场", "宣讲后座谈")


def test_declining_keeps_the_typed_values_in_the_open_dialog(
    window, page, aid, qtbot, when_dialog_opens, monkeypatch
) -> None:
    db = window.context.workspace.db
    monkeypatch.setattr(common, "offer_reload", lambda _d, _m: False)
    after_refusal: list[tuple[bool, str, str]] = []

    def edit(dialog: ActivityDialog) -> None:
        _other_pc_sets_the_place(window, aid, "文化广场")
        dialog.place.setText("村卫生室")
        dialog.accept()
        after_refusal.append((dialog.isVisible(), dialog.place.text(), dialog.error.text()))
        QApplication.processEvents()
        dialog.grab().save("/work/wt/_shots/pg2/activity_refused.png")
        dialog.reject()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    [(visible, place, error)] = after_refusal
    assert visible and place == "村卫生室" and "已被别人修改" in error
    assert activities.get_activity(db, aid).place == "文化广场"
