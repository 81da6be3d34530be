"""设置 → 活动类别与义诊项目 when another PC renamed the same category meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wenming_desktop.services.activities import activity_lists
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.pages.settings.settings import SettingsPage
from wenming_desktop.ui.pages.settings.settings_activity_lists import ActivityListsSettingsTab
from wenming_desktop.ui.widgets import list_editor


def open_lists_tab(window) -> ActivityListsSettingsTab:
    page = window.show_page("设置")
    assert isinstance(page, SettingsPage)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("活动类别与义诊项目"))
    tab = page.tabs.currentWidget()
    assert isinstance(tab, ActivityListsSettingsTab)
    tab.refresh()
    return tab


def rename_on_another_pc(window, category_id: int, name: str) -> None:
    other = open_workspace(window.context.workspace.folder)
    try:
        item = next(c for c in activity_lists.list_categories(other.db) if c.id == category_id)
        seen = activity_lists.seen_as_listed(item.name, item.is_health, item.version)
        activity_lists.save_category(other.db, item.id, name, item.is_health, seen)
    finally:
        other.close()


@pytest.mark.parametrize("reload", [True, False])
def test_a_category_renamed_meanwhile_is_offered_for_reload(
    window, qtbot, monkeypatch, tmp_path, reload: bool
) -> None:
    editor = open_lists_tab(window).categories
    editor.table.selectRow(0)
    first = editor.selected()
    assert first is not None and editor.name.text() == first.name
    offered: list[str] = []
    monkeypatch.setattr(list_editor, "offer_reload", lambda _w, m: offered.append(m) or reload)
    rename_on_another_pc(window, first.id, "另一台电脑改的名称")
    editor.name.setText("这台电脑改的名称")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and f"活动类别“{first.name}”在你打开之后" in offered[0]
    names = {c.id: c.name for c in activity_lists.list_categories(window.context.workspace.db)}
    assert names[first.id] == "另一台电脑改的名称"  # the refused save wrote nothing
    if reload:
        assert editor.name.text() == "另一台电脑改的名称"  # the form shows the newest name
        assert editor.message.text() == "已重新载入最新内容"
        editor.name.setText("这台电脑改的名称")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        names = {c.id: c.name for c in activity_lists.list_categories(window.context.workspace.db)}
        assert names[first.id] == "这台电脑改的名称"
    else:
        assert editor.name.text() == "这台电脑改的名称"  # what the clerk typed stays
        assert "已被别人修改" in editor.message.text()
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / f"categories-reload-{reload}.png"))
