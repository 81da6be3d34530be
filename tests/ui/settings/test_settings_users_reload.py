"""设置 → 用户 → 修改角色… when another PC changed the same user's role meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from wenming_desktop.domain.access import ADMIN, CLERK, VIEWER
from wenming_desktop.services.safety import users
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.pages.settings import settings_users
from wenming_desktop.ui.pages.settings.settings import SettingsPage
from wenming_desktop.ui.pages.settings.settings_users import UsersSettingsTab


def test_a_role_changed_meanwhile_is_offered_for_reload(window, qtbot, monkeypatch) -> None:
    db = window.context.workspace.db
    users.add_user(db, "wang", "王主任", ADMIN, "admin-pass-1")
    li = users.add_user(db, "li", "李干事", VIEWER, "viewer-pass-1")
    page = window.show_page("设置")
    assert isinstance(page, SettingsPage)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("用户"))
    tab = page.tabs.currentWidget()
    assert isinstance(tab, UsersSettingsTab)
    tab.refresh()
    tab.table.selectRow([r.username for r in users.list_users(db)].index("li"))
    other = open_workspace(window.context.workspace.folder)
    try:
        users.set_role(other.db, li, CLERK, VIEWER)
    finally:
        other.close()
    asked: list[int] = []  # the row each question opened on
    answers = iter([("管理员", True), ("管理员", True)])

    def ask(_parent, _title, _text, _items, current, _editable) -> tuple[str, bool]:
        asked.append(current)
        return next(answers)

    offered: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", ask)
    monkeypatch.setattr(settings_users, "offer_reload", lambda _w, m: offered.append(m) or True)
    qtbot.mouseClick(tab.role_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "用户“li”的角色在你打开之后" in offered[0]
    labels = ["管理员", "录入员", "只读"]
    assert [labels[i] for i in asked] == ["只读", "录入员"]  # reopened on the newest role
    assert {r.username: r.role for r in users.list_users(db)}["li"] == "管理员"
