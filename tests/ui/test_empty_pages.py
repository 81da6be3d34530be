"""A new office's pages say how to start, with the button that starts, and fit the screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QTabWidget

from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.villages import villages
from wenming_desktop.ui.main_window import PAGES


def _settle(window, qtbot) -> None:
    window.context.runner.wait(30_000)
    qtbot.wait(30)


def _opened_by(button, when_dialog_opens, qtbot) -> str:
    titles: list[str] = []

    def close(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(close)
    button.click()
    qtbot.waitUntil(lambda: bool(titles))
    return titles[0]


def test_villages_page_of_a_new_office(window, qtbot, when_dialog_opens) -> None:
    page = window.show_page("结对村")
    _settle(window, qtbot)
    assert page.empty.isVisible() and "新增结对村" in page.empty.label.text()
    assert "结对村" in _opened_by(page.empty.buttons[0], when_dialog_opens, qtbot)
    villages.add_village(window.context.workspace.db, VillageData(name="东兴村"))
    page.refresh()
    assert not page.empty.isVisible()


def _button(hint, title: str):
    return next(b for b in hint.buttons if b.text() == title)


def test_activities_page_sends_to_villages_then_to_the_first_activity(
    window, qtbot, when_dialog_opens
) -> None:
    page = window.show_page("活动")
    _settle(window, qtbot)
    assert page.empty.isVisible() and "请先在“结对村”页" in page.empty.label.text()
    assert not _button(page.empty, "新增活动…").isVisible()
    _button(page.empty, "打开结对村页").click()
    _settle(window, qtbot)
    assert window.stack.currentWidget() is window.pages["结对村"]
    villages.add_village(window.context.workspace.db, VillageData(name="东兴村"))
    window.show_page("活动")
    _settle(window, qtbot)
    assert page.empty.isVisible() and "还没有活动" in page.empty.label.text()
    assert not _button(page.empty, "打开结对村页").isVisible()
    add = _button(page.empty, "新增活动…")
    assert add.isVisible()
    assert "活动" in _opened_by(add, when_dialog_opens, qtbot)


def test_checkup_pages_of_a_new_office(window, qtbot, when_dialog_opens) -> None:
    page = window.show_page("健康体检")
    _settle(window, qtbot)
    registry = page.registry
    page.tabs.setCurrentWidget(registry)
    _settle(window, qtbot)
    assert registry.empty.isVisible() and "结对村" in registry.empty.label.text()
    assert [b.text() for b in registry.empty.buttons if b.isVisible()] == ["打开结对村页"]
    page.tabs.setCurrentWidget(page.entry)
    _settle(window, qtbot)
    entry = page.entry.empty
    # no village yet: an activity could not be added, so the village comes first
    assert entry.isVisible() and "还没有结对村" in entry.label.text()
    assert [b.text() for b in entry.buttons if b.isVisible()] == ["打开结对村页"]
    _button(entry, "打开结对村页").click()
    _settle(window, qtbot)
    assert window.stack.currentWidget() is window.pages["结对村"]
    villages.add_village(window.context.workspace.db, VillageData(name="东兴村"))
    window.show_page("健康体检")
    page.refresh()
    _settle(window, qtbot)
    assert entry.isVisible() and "还没有体检活动" in entry.label.text()
    assert [b.text() for b in entry.buttons if b.isVisible()] == ["打开活动页", "打开村民名册"]
    _button(entry, "打开活动页").click()
    _settle(window, qtbot)
    assert window.stack.currentWidget() is window.pages["活动"]
    window.show_page("健康体检")
    _settle(window, qtbot)
    _button(entry, "打开村民名册").click()
    _settle(window, qtbot)
    assert page.tabs.currentWidget() is registry
    assert "本村还没有登记村民" in registry.empty.label.text()
    shown = [b.text() for b in registry.empty.buttons if b.isVisible()]
    assert shown == ["从Excel导入…", "新增村民…"]
    assert "村民" in _opened_by(_button(registry.empty, "新增村民…"), when_dialog_opens, qtbot)


def test_office_pages_of_a_new_office(window, qtbot, when_dialog_opens) -> None:
    page = window.show_page("创建工作")
    _settle(window, qtbot)
    tabs = page.findChild(QTabWidget)
    hints = []
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        _settle(window, qtbot)
        tab = tabs.currentWidget()
        assert tab.empty.isVisible(), tabs.tabText(i)
        hints.append(tab.empty)
    titles = [_opened_by(hint.buttons[0], when_dialog_opens, qtbot) for hint in hints]
    assert "小组" in titles[0] and "检查" in titles[1] and "表彰" in titles[2]


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_no_page_of_a_new_office_widens_the_window(window, qtbot, size) -> None:
    window.resize(*size)
    for entry in PAGES:
        page = window.show_page(entry.title)
        _settle(window, qtbot)
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _settle(window, qtbot)
                assert window.width() == size[0], (entry.title, tabs.tabText(i))
        assert window.width() == size[0], entry.title


def test_a_read_only_user_gets_the_hint_without_the_writing_buttons(
    qtbot, prepared_app, workspace
) -> None:
    from wenming_desktop.domain.access import VIEWER, Actor
    from wenming_desktop.ui.app import build_window

    villages.add_village(workspace.db, VillageData(name="东兴村"))
    workspace.db.actor = Actor("someone", "某人", VIEWER)
    window = build_window(workspace)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("活动")
    _settle(window, qtbot)
    assert page.empty.isVisible() and "还没有活动" in page.empty.label.text()
    assert not _button(page.empty, "新增活动…").isVisible()
    checkups = window.show_page("健康体检")
    checkups.tabs.setCurrentWidget(checkups.registry)
    _settle(window, qtbot)
    assert checkups.registry.empty.isVisible()
    assert not any(b.isVisible() for b in checkups.registry.empty.buttons)
    window.context.runner.wait(10_000)
