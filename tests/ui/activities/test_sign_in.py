from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from wenming_desktop.domain.access import ADMIN, CLERK, VIEWER
from wenming_desktop.services.safety import users
from wenming_desktop.ui import startup
from wenming_desktop.ui.dialogs.login_dialog import LoginDialog
from wenming_desktop.ui.pages.settings.settings import SettingsPage
from wenming_desktop.ui.pages.settings.settings_users import NewUserDialog, UsersSettingsTab


def test_no_dialog_while_sign_in_is_off(workspace, qapp) -> None:
    assert startup.sign_in(workspace)
    assert workspace.db.actor is None


def test_the_login_dialog_asks_until_the_password_is_right(
    workspace, qapp, qtbot, when_dialog_opens
) -> None:
    users.add_user(workspace.db, "admin", "王主任", ADMIN, "admin-pass")
    users.set_sign_in_required(workspace.db, True)
    seen: list[str] = []

    def type_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.username, "admin")
        qtbot.keyClicks(dialog.password, "wrong")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        seen.append(dialog.error.text())
        assert dialog.isVisible() and dialog.password.text() == ""
        qtbot.keyClicks(dialog.password, "admin-pass")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_dialog_opens(type_in)
    assert startup.sign_in(workspace)
    assert seen[0] == "用户名或密码不正确"
    assert workspace.db.actor is not None and workspace.db.actor.label == "王主任（管理员）"


def test_giving_up_at_the_login_dialog_opens_nothing(workspace, qapp, when_dialog_opens) -> None:
    users.add_user(workspace.db, "admin", "", ADMIN, "admin-pass")
    users.set_sign_in_required(workspace.db, True)
    when_dialog_opens(lambda dialog: dialog.reject())
    assert not startup.sign_in(workspace)
    assert workspace.db.actor is None


def open_users_tab(window) -> UsersSettingsTab:
    page = window.show_page("设置")
    assert isinstance(page, SettingsPage)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("用户"))
    tab = page.tabs.currentWidget()
    assert isinstance(tab, UsersSettingsTab)
    return tab


def test_users_tab_adds_users_changes_roles_and_turns_sign_in_on(
    window, qtbot, qtmodeltester, when_dialog_opens, monkeypatch, tmp_path: Path
) -> None:
    tab = open_users_tab(window)
    db = window.context.workspace.db
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: errors.append(text))
    tab.required.setChecked(True)  # refused: no administrator yet
    assert "至少一个管理员" in errors[-1] and not tab.required.isChecked()

    def fill(dialog: NewUserDialog) -> None:
        qtbot.keyClicks(dialog.username, "wang")
        dialog.display_name.setText("王主任")
        dialog.role.setCurrentIndex(dialog.role.findData(ADMIN))
        qtbot.keyClicks(dialog.password, "admin-pass")
        qtbot.keyClicks(dialog.again, "admin-pas")
        dialog.accept()
        assert dialog.error.text() == "两次输入的密码不一致"
        qtbot.keyClicks(dialog.again, "s")
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)
    users.add_user(db, "li", "李干事", VIEWER, "viewer-pass")
    tab.refresh()
    tab.required.setChecked(True)
    assert users.sign_in_required(db)
    tab.table.selectRow(0)  # li
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("录入员", True))
    qtbot.mouseClick(tab.role_button, Qt.MouseButton.LeftButton)
    assert [(r.username, r.role) for r in users.list_users(db)] == [
        ("li", "录入员"),
        ("wang", "管理员"),
    ]
    window.grab().save(str(tmp_path / "users-tab.png"))
    assert users.authenticate(db, "wang", "admin-pass").role == ADMIN
    assert users.authenticate(db, "li", "viewer-pass").role == CLERK
