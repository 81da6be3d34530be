"""Start-up: the data folder opened behind the painted shell — `Opening` and `run_gui`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.access import ADMIN
from wenming_desktop.services.safety import backups, users
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.ui import app as app_module
from wenming_desktop.ui import errors, main_window
from wenming_desktop.ui.dialogs.first_start import FirstStartDialog
from wenming_desktop.ui.dialogs.login_dialog import LoginDialog
from wenming_desktop.ui.main_window import MainWindow
from wenming_desktop.ui.opening import Opening
from wenming_desktop.ui.pages.home import HomePage


@pytest.fixture
def shell(qtbot, prepared_app) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def demo_folder(demo_workspace: Workspace) -> DataFolder:
    """A folder with data in it, closed: the program opens it itself."""
    demo_workspace.close()
    return demo_workspace.folder


@pytest.fixture
def opening(shell: MainWindow, demo_folder: DataFolder) -> Iterator[Opening]:
    opening = Opening(demo_folder, shell)
    yield opening
    opening.close()


def _critical_boxes(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    return shown


def test_the_data_arrives_in_the_painted_shell(qtbot, shell, opening) -> None:
    assert not shell.attached
    with qtbot.waitSignal(opening.opened, timeout=60_000):
        opening.start()
        opening.start()  # a second call (paint, then the fallback timer) does nothing
    assert shell.attached
    home = shell.pages["首页"]
    assert isinstance(home, HomePage)
    assert [p.title for p in shell.pages.built()] == ["首页"]
    qtbot.waitUntil(lambda: home.loaded is not None, timeout=30_000)
    assert home.figures["villages"].text() == "4"
    assert opening.workspace is shell.context.workspace


def test_sign_in_comes_before_any_page(qtbot, shell, demo_folder, when_dialog_opens) -> None:
    ws = open_workspace(demo_folder)
    users.add_user(ws.db, "admin", "王主任", ADMIN, "admin-pass")
    users.set_sign_in_required(ws.db, True)
    ws.close()
    seen: list[tuple[bool, bool]] = []

    def give_up(dialog) -> None:
        assert isinstance(dialog, LoginDialog)
        assert dialog.parent() is shell  # over the painted shell
        seen.append((shell.attached, any(shell.pages.is_built(e.title) for e in main_window.PAGES)))
        dialog.reject()

    opening = Opening(demo_folder, shell)
    when_dialog_opens(give_up)
    with qtbot.waitSignal(opening.finished, timeout=60_000) as finished:
        opening.start()
    assert finished.args == [0]
    assert seen == [(False, False)]
    assert not shell.attached and opening.workspace is None
    assert shell.pages.built() == []


def test_signing_in_names_the_user_in_the_title(qtbot, shell, demo_folder, when_dialog_opens):
    ws = open_workspace(demo_folder)
    users.add_user(ws.db, "admin", "王主任", ADMIN, "admin-pass")
    users.set_sign_in_required(ws.db, True)
    ws.close()

    def sign_in(dialog: LoginDialog) -> None:
        qtbot.keyClicks(dialog.username, "admin")
        qtbot.keyClicks(dialog.password, "admin-pass")
        dialog.accept()

    opening = Opening(demo_folder, shell)
    when_dialog_opens(sign_in)
    try:
        with qtbot.waitSignal(opening.opened, timeout=60_000):
            opening.start()
        assert "王主任（管理员）" in shell.windowTitle()
        assert shell.pages.is_built("首页")
    finally:
        opening.close()


def test_an_empty_folder_gets_the_first_start_dialog_over_the_shell(
    qtbot, shell, data_folder, when_dialog_opens
) -> None:
    seen: list[bool] = []

    def later(dialog) -> None:
        assert isinstance(dialog, FirstStartDialog)
        seen.append(shell.attached)
        dialog.later_button.click()

    opening = Opening(data_folder, shell)
    when_dialog_opens(later)
    try:
        with qtbot.waitSignal(opening.opened, timeout=60_000):
            opening.start()
        assert seen == [False]
        assert shell.attached
    finally:
        opening.close()


def test_an_unreadable_configuration_is_said_in_chinese(
    qtbot, shell, data_folder, monkeypatch
) -> None:
    data_folder.ensure()
    (data_folder.root / "config.json").write_text("{not json", encoding="utf-8")
    shown = _critical_boxes(monkeypatch)
    opening = Opening(data_folder, shell)
    with qtbot.waitSignal(opening.finished, timeout=60_000) as finished:
        opening.start()
    assert finished.args == [1]
    assert "配置文件" in shown[0] and "第 1 行第 2 列" in shown[0]
    assert "Expecting" not in shown[0]  # json's English text is not shown
    assert shell.opening_label.text() == "数据未能打开。"
    assert not shell.attached


def test_a_database_of_another_program_is_refused(qtbot, shell, data_folder, monkeypatch) -> None:
    """A file SQLite reads but that is not ours: opening fails with the Chinese message."""
    import sqlite3

    data_folder.ensure()
    with sqlite3.connect(data_folder.database) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    shown = _critical_boxes(monkeypatch)
    opening = Opening(data_folder, shell)
    with qtbot.waitSignal(opening.finished, timeout=60_000) as finished:
        opening.start()
    assert finished.args == [1]
    assert len(shown) == 1 and "更新版本的程序" in shown[0]
    assert not shell.attached


def test_a_damaged_file_without_backup_ends_with_the_message(
    qtbot, shell, data_folder, monkeypatch
) -> None:
    data_folder.ensure()
    data_folder.database.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)
    shown = _critical_boxes(monkeypatch)
    opening = Opening(data_folder, shell)
    with qtbot.waitSignal(opening.finished, timeout=60_000) as finished:
        opening.start()
    assert finished.args == [1]
    assert "没有找到完好的备份" in shown[0]
    assert backups.list_backups(data_folder) == []


# ----- run_gui as `wenming` runs it -------------------------------------------------------------


@pytest.fixture
def no_global_hooks(monkeypatch) -> None:
    """run_gui installs the error hook and the log file for the process; not in the test run."""
    monkeypatch.setattr(errors, "install_excepthook", lambda _log: None)
    monkeypatch.setattr("wenming_desktop.logs.setup_logging", lambda _log: None)


def _quit_when(condition) -> None:
    def poll() -> None:
        if condition():
            QApplication.instance().quit()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def _main_window() -> MainWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return found[-1] if found else None


def test_run_gui_paints_the_shell_then_fills_home(
    prepared_app, demo_folder, no_global_hooks
) -> None:
    states: list[str] = []

    def filled() -> bool:
        window = _main_window()
        if window is None or not window.isVisible():
            return False
        if not states:
            states.append("shell" if not window.attached else "attached")
        if not window.pages.is_built("首页"):
            return False
        home = window.pages["首页"]
        return home.loaded is not None

    _quit_when(filled)
    assert app_module.run_gui(demo_folder) == 0
    assert states == ["shell"]
    assert not (demo_folder.root / "wenming.lock").exists() or _lock_is_free(demo_folder)


def _lock_is_free(folder: DataFolder) -> bool:
    from wenming_desktop.ui.single_instance import SingleInstance

    instance = SingleInstance(folder.root)
    free = instance.claim(listen=False)
    instance.release()
    return free


def test_run_gui_ends_with_the_message_when_the_data_cannot_be_opened(
    prepared_app, data_folder, no_global_hooks, monkeypatch
) -> None:
    data_folder.ensure()
    (data_folder.root / "config.json").write_text("{not json", encoding="utf-8")
    shown = _critical_boxes(monkeypatch)
    assert app_module.run_gui(data_folder) == 1
    assert "格式有误" in shown[0]
    assert _lock_is_free(data_folder)
