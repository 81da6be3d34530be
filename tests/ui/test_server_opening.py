"""Opening an empty database on the office server: the window asks before setting it up."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import point_at_server
from tests.pg_server import PgServer
from wenming_desktop.config import DataFolder
from wenming_desktop.ui import opening as opening_module
from wenming_desktop.ui.dialogs.first_start import FirstStartDialog
from wenming_desktop.ui.main_window import MainWindow
from wenming_desktop.ui.opening import Opening


@pytest.fixture
def empty_server_folder(pg_server: PgServer, tmp_path) -> DataFolder:
    folder = DataFolder(tmp_path / "客户端")
    point_at_server(folder, pg_server, pg_server.new_database())
    return folder


@pytest.fixture
def shell(qtbot, prepared_app) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_clerk_is_asked_and_the_database_is_set_up(
    qtbot, shell, empty_server_folder, monkeypatch, when_dialog_opens
) -> None:
    asked: list[str] = []

    def agree(_parent, message: str) -> bool:
        asked.append(message)
        return True

    monkeypatch.setattr(opening_module, "ask_to_initialise", agree)
    seen: list[object] = []

    def later(dialog) -> None:
        seen.append(type(dialog))
        dialog.later_button.click()

    when_dialog_opens(later)
    opening = Opening(empty_server_folder, shell)
    try:
        with qtbot.waitSignal(opening.opened, timeout=60_000):
            opening.start()
        assert len(asked) == 1 and "是空的，尚未初始化" in asked[0]
        assert seen == [FirstStartDialog]  # then the first start, as on a new folder
        assert shell.attached
        assert opening.workspace is not None and not opening.workspace.db.is_sqlite
    finally:
        opening.close()


def test_declining_leaves_the_server_database_empty(
    qtbot, shell, empty_server_folder, monkeypatch
) -> None:
    monkeypatch.setattr(opening_module, "ask_to_initialise", lambda _p, _m: False)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    opening = Opening(empty_server_folder, shell)
    with qtbot.waitSignal(opening.finished, timeout=60_000) as blocker:
        opening.start()
    assert blocker.args == [1]
    assert shown and "尚未初始化" in shown[0]
    from sqlalchemy import create_engine, inspect

    from wenming_desktop.storage.server import parse_server_url

    engine = create_engine(parse_server_url(empty_server_folder.database_url() or ""))
    try:
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_the_question_names_the_server_and_offers_to_initialise(qtbot, shell) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    texts: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        texts.append([box.text(), *(b.text() for b in box.buttons())])
        next(b for b in box.buttons() if b.text() == "初始化数据库").click()

    QTimer.singleShot(0, answer)
    assert opening_module.ask_to_initialise(shell, "服务器 10.0.0.5:5432 上的数据库“wm”是空的")
    assert "10.0.0.5:5432" in texts[0][0]
    assert "初始化数据库" in texts[0]


def test_first_start_connects_to_the_office_server(
    qtbot, shell, pg_server: PgServer, tmp_path, monkeypatch, when_dialog_opens
) -> None:
    from tests.pg_server import PASSWORD, SUPERUSER
    from wenming_desktop.ui.dialogs.server_dialog import ServerDialog

    database = pg_server.new_database()
    folder = DataFolder(tmp_path / "新电脑")
    monkeypatch.setattr(opening_module, "ask_to_initialise", lambda _p, _m: True)
    steps: list[str] = []

    def first_start(dialog) -> None:
        assert isinstance(dialog, FirstStartDialog)
        steps.append("first start: local" if dialog.workspace.db.is_sqlite else "first start")
        if dialog.workspace.db.is_sqlite:
            when_dialog_opens(fill_server)
            dialog.server_button.click()
        else:
            dialog.later_button.click()

    def fill_server(dialog) -> None:
        assert isinstance(dialog, ServerDialog)
        form = dialog.form
        form.host.setText("127.0.0.1")
        form.port.setValue(pg_server.port)
        form.database.setText(database)
        form.user.setText(SUPERUSER)
        form.password.setText(PASSWORD)
        steps.append("server saved")
        when_dialog_opens(first_start)
        form.save_button.click()

    when_dialog_opens(first_start)
    opening = Opening(folder, shell)
    try:
        with qtbot.waitSignal(opening.opened, timeout=60_000):
            opening.start()
        assert steps == ["first start: local", "server saved", "first start"]
        assert opening.workspace is not None and not opening.workspace.db.is_sqlite
        assert database in opening.workspace.db.describe()
    finally:
        opening.close()
