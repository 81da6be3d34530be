"""设置 → 报送期限 when another PC saved the same deadline meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wenming_desktop.services.filing import deadlines
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.pages.settings import settings_deadlines
from wenming_desktop.ui.pages.settings.settings import SettingsPage
from wenming_desktop.ui.pages.settings.settings_deadlines import DeadlineSettingsTab


def open_deadlines_tab(window) -> DeadlineSettingsTab:
    page = window.show_page("设置")
    assert isinstance(page, SettingsPage)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("报送期限"))
    tab = page.tabs.currentWidget()
    assert isinstance(tab, DeadlineSettingsTab)
    tab.refresh()
    return tab


def change_on_another_pc(window, month_day: str) -> None:
    other = open_workspace(window.context.workspace.folder)
    try:
        row = next(r for r in deadlines.list_deadlines(other.db) if r.name == "工作小结")
        deadlines.save_deadline(other.db, row.id, row.name, month_day, deadlines.seen_of(row))
    finally:
        other.close()


@pytest.mark.parametrize("reload", [True, False])
def test_a_deadline_saved_meanwhile_is_offered_for_reload(
    window, qtbot, monkeypatch, tmp_path, reload: bool
) -> None:
    tab = open_deadlines_tab(window)
    names = [tab.model.index(i, 0).data() for i in range(tab.model.rowCount())]
    tab.table.selectRow(names.index("工作小结"))
    assert tab.month_day.text() == "10-20"
    offered: list[str] = []
    monkeypatch.setattr(
        settings_deadlines, "offer_reload", lambda _w, m: offered.append(m) or reload
    )
    change_on_another_pc(window, "09-30")
    tab.month_day.setText("11-15")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "报送事项“工作小结”在你打开之后" in offered[0]
    stored = {r.name: r.month_day for r in deadlines.list_deadlines(window.context.workspace.db)}
    assert stored["工作小结"] == "09-30"  # the refused save wrote nothing
    if reload:
        assert tab.month_day.text() == "09-30"  # the form shows the newest values
        assert tab.message.text() == "已重新载入最新内容"
        tab.month_day.setText("11-15")
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
        stored = {
            r.name: r.month_day for r in deadlines.list_deadlines(window.context.workspace.db)
        }
        assert stored["工作小结"] == "11-15"
    else:
        assert tab.month_day.text() == "11-15"  # what the clerk typed stays
        assert "已被别人修改" in tab.message.text()
    window.resize(1366, 768)
    window.grab().save(str(tmp_path / f"deadlines-reload-{reload}.png"))
