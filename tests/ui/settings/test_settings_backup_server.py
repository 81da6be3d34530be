"""设置 → 备份 with the data on the office server: no promise of automatic backups, no restore."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import point_at_server
from tests.pg_server import PgServer
from tests.ui.settings.test_settings_backup import open_backup_tab
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.app import build_window
from wenming_desktop.ui.main_window import MainWindow


@pytest.fixture
def server_window(qtbot, prepared_app, pg_server: PgServer, tmp_path: Path) -> Iterator[MainWindow]:
    folder = DataFolder(tmp_path / "客户端")
    point_at_server(folder, pg_server, pg_server.new_database())
    ws = open_workspace(folder, initialise=True)
    window = build_window(ws)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.context.runner.wait(10_000)
    ws.close()


def test_the_tab_says_who_backs_up_the_server(server_window, qtbot) -> None:
    tab = open_backup_tab(server_window)
    server_window.context.runner.wait(10_000)
    qtbot.wait(20)
    text = tab.hint.text()
    assert "不会自动备份" in text and "每天第一次启动时自动备份" not in text
    assert "保存在服务器数据库中" in text and "请一并备份" not in text
    assert "pg_dump --format=custom" in text
    shots = os.environ.get("WENMING_SHOTS", "")
    if shots:
        server_window.grab().save(os.path.join(shots, "backup_server.png"))
    assert not tab.restore_button.isVisible() and not tab.restore_file_button.isVisible()
    assert tab.backup_button.text() == "导出服务器数据库"
    tab.backup_now()
    server_window.context.runner.wait(60_000)
    qtbot.waitUntil(lambda: "已导出" in tab.status.text(), timeout=60_000)
    assert list(server_window.context.workspace.folder.backups.glob("*.dump"))
