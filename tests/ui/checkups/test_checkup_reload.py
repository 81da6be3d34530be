"""The resident dialog, the checkup entry form and the follow-up dialog when another PC (or the
command line) saved the same record meanwhile: 重新载入 offered, or the typed values kept."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.checkup_support import World, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.ui.dialogs import common
from wenming_desktop.ui.dialogs.follow_up_dialog import FollowUpDialog
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.pages.checkups import checkup_entry
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage


@pytest.fixture
def world(workspace: Workspace) -> World:
    return make_world(workspace.db)


@pytest.fixture
def resident(workspace: Workspace, world: World) -> int:
    data = ResidentData(world.village_id, "王桂兰", address="东兴村一组")
    return residents.add_resident(workspace.db, data)


@pytest.fixture
def checkup(workspace: Workspace, world: World, resident: int) -> int:
    data = CheckupData(resident, world.day, world.day_id, systolic=150, diastolic=90)
    return checkups.save_checkup(workspace.db, data)


@pytest.fixture
def page(window, world: World) -> CheckupsPage:
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    return page


@pytest.fixture
def other_pc(window):
    other = open_workspace(window.context.workspace.folder)
    yield other
    other.close()


@pytest.fixture
def offered(monkeypatch) -> list[str]:
    """Every 重新载入 offer's message; the clerk answers 重新载入."""
    messages: list[str] = []

    def agree(_parent, message: str) -> bool:
        messages.append(message)
        return True

    monkeypatch.setattr(common, "offer_reload", agree)
    monkeypatch.setattr(checkup_entry, "offer_reload", agree)
    return messages


def test_resident_dialog_reloads_on_the_other_pcs_values(
    page, resident, other_pc, offered, qtbot, when_dialog_opens, workspace
) -> None:
    page.tabs.setCurrentWidget(page.registry)
    page.registry.table.selectRow(0)
    reopened: list[str] = []

    def edit(dialog: ResidentDialog) -> None:
        seen = residents.open_resident(other_pc.db, resident)
        changed = dataclasses.replace(seen.data, address="东兴村三组")
        residents.update_resident(other_pc.db, resident, changed, seen)
        dialog.address.setText("东兴村二组")
        when_dialog_opens(edit_again)
        dialog.accept()

    def edit_again(dialog: ResidentDialog) -> None:
        reopened.append(dialog.address.text())
        dialog.notes.setText("已核对住址")
        dialog.accept()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.registry.edit_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "村民“王桂兰”在你打开之后已被别人修改" in offered[0]
    assert reopened == ["东兴村三组"]
    saved = residents.get_resident(workspace.db, resident)
    assert (saved.address, saved.notes) == ("东兴村三组", "已核对住址")


def test_resident_dialog_declined_keeps_what_was_typed(
    page, resident, other_pc, qtbot, when_dialog_opens, workspace, monkeypatch
) -> None:
    monkeypatch.setattr(common, "offer_reload", lambda _p, _m: False)
    page.tabs.setCurrentWidget(page.registry)
    page.registry.table.selectRow(0)
    after: list[tuple[bool, str]] = []

    def edit(dialog: ResidentDialog) -> None:
        seen = residents.open_resident(other_pc.db, resident)
        changed = dataclasses.replace(seen.data, address="东兴村三组")
        residents.update_resident(other_pc.db, resident, changed, seen)
        dialog.address.setText("东兴村二组")
        dialog.accept()
        after.append((dialog.isVisible(), dialog.address.text()))
        QApplication.processEvents()
        dialog.grab().save("/work/wt/_shots/pg2/resident_refused.png")
        dialog.reject()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.registry.edit_button, Qt.MouseButton.LeftButton)
    assert after == [(True, "东兴村二组")]
    assert residents.get_resident(workspace.db, resident).address == "东兴村三组"


def _entry_with(page, qtbot, workspace, resident: int):
    entry = page.entry
    page.tabs.setCurrentWidget(entry)
    qtbot.waitUntil(lambda: not entry.loading and entry.day is not None)
    entry.choose(residents.get_resident_row(workspace.db, resident))
    assert entry.checkup_id is not None
    return entry


def test_checkup_form_reloads_on_the_other_pcs_values(
    page, checkup, resident, other_pc, offered, qtbot, workspace
) -> None:
    entry = _entry_with(page, qtbot, workspace, resident)
    seen = checkups.open_checkup(other_pc.db, checkup)
    checkups.save_checkup(other_pc.db, dataclasses.replace(seen.data, systolic=145), checkup, seen)
    entry.form.systolic.setText("160")
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "王桂兰" in offered[0] and "已被别人修改" in offered[0]
    assert entry.form.systolic.text() == "145"  # the form shows the newest values
    assert "已重新载入" in entry.error.text()
    entry.form.advice.setText("低盐饮食")
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert entry.status.text().startswith("已更新：王桂兰")
    saved = checkups.get_checkup(workspace.db, checkup)
    assert (saved.systolic, saved.advice) == (145, "低盐饮食")


def test_checkup_form_declined_keeps_what_was_typed(
    page, checkup, resident, other_pc, qtbot, workspace, monkeypatch
) -> None:
    monkeypatch.setattr(checkup_entry, "offer_reload", lambda _p, _m: False)
    entry = _entry_with(page, qtbot, workspace, resident)
    seen = checkups.open_checkup(other_pc.db, checkup)
    checkups.save_checkup(other_pc.db, dataclasses.replace(seen.data, systolic=145), checkup, seen)
    entry.form.systolic.setText("160")
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
    assert entry.form.systolic.text() == "160"
    assert "已被别人修改" in entry.error.text()
    assert checkups.get_checkup(workspace.db, checkup).systolic == 145
    entry.window().resize(1366, 768)
    QApplication.processEvents()
    entry.window().grab().save("/work/wt/_shots/pg2/checkup_refused.png")


def test_follow_up_recorded_meanwhile_is_offered_for_reload(
    page, checkup, other_pc, offered, qtbot, when_dialog_opens, workspace
) -> None:
    tab = page.follow_ups
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    yesterday = date.today() - timedelta(days=1)
    reopened: list[str] = []

    def mark(dialog: FollowUpDialog) -> None:
        seen = checkups.open_follow_up(other_pc.db, checkup)
        checkups.mark_followed_up(other_pc.db, checkup, yesterday, "刘护士", "电话随访", seen)
        dialog.by.setText("张医生")
        when_dialog_opens(again)
        dialog.accept()

    def again(dialog: FollowUpDialog) -> None:
        reopened.append(f"{dialog.by.text()}:{dialog.note.toPlainText()}")
        dialog.note.setPlainText("电话随访；已约下周复查")
        dialog.accept()

    when_dialog_opens(mark)
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "随访在你打开之后已被别人修改" in offered[0]
    assert reopened == ["刘护士:电话随访"]
    now = checkups.open_follow_up(workspace.db, checkup).data
    assert (now.on, now.by, now.note) == (yesterday, "刘护士", "电话随访；已约下周复查")


def test_the_command_line_imports_while_the_window_edits(
    page, world, workspace, qtbot, when_dialog_opens, monkeypatch, tmp_path
) -> None:
    """One SQLite folder: `wenming import residents` changes a resident whose dialog is open in
    the window; the window's save of the same field is refused, not written over it."""
    from tests.checkup_support import id_number
    from tests.helpers import run_cli
    from tests.services.checkups.test_resident_import import messy_sheet

    number = id_number(date(1950, 1, 2), 901)
    rid = residents.add_resident(
        workspace.db, ResidentData(world.village_id, "张三丰", number, group_name="第1组")
    )
    sheet = messy_sheet(tmp_path / "名单.xlsx", [[1, "张三丰", "男", number, "", "第3组", "", ""]])
    offered: list[str] = []
    monkeypatch.setattr(common, "offer_reload", lambda _p, m: offered.append(m) or False)
    page.tabs.setCurrentWidget(page.registry)
    page.registry.load()
    page.registry.table.selectRow(0)
    after: list[tuple[bool, str]] = []
    cli: list = []
    args = ("import", "residents", str(sheet), "--village", "东兴")

    def edit(dialog: ResidentDialog) -> None:
        try:  # an assertion here must not leave the modal dialog open
            cli.append(run_cli(*args, "--data-dir", str(workspace.folder.root), timeout=120))
            dialog.group.setText("第2组")
            dialog.accept()
            after.append((dialog.isVisible(), dialog.group.text()))
        finally:
            dialog.reject()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.registry.edit_button, Qt.MouseButton.LeftButton)
    [done] = cli
    assert done.returncode == 0 and "更新 1 人" in done.stdout, done.stderr
    assert after == [(True, "第2组")] and len(offered) == 1
    assert residents.get_resident(workspace.db, rid).group_name == "第3组"
