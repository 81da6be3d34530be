from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.backup_helpers import dump_tables
from wenming_desktop.services.safety import backups
from wenming_desktop.storage.models import Village
from wenming_desktop.ui.pages.settings.settings import SettingsPage
from wenming_desktop.ui.pages.settings.settings_backup import BackupSettingsTab, size_text


def open_backup_tab(window) -> BackupSettingsTab:
    page = window.show_page("设置")
    assert isinstance(page, SettingsPage)
    for i in range(page.tabs.count()):
        if page.tabs.tabText(i) == "备份":
            page.tabs.setCurrentIndex(i)
    tab = page.tabs.currentWidget()
    assert isinstance(tab, BackupSettingsTab)
    return tab


def test_back_up_now_and_restore_through_the_tab(
    demo_window, qtbot, qtmodeltester, monkeypatch, tmp_path: Path
) -> None:
    ws = demo_window.context.workspace
    tab = open_backup_tab(demo_window)
    demo_window.context.runner.wait(10_000)
    qtbot.wait(20)
    assert tab.model.rowCount() == 0
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20_000)
    qtmodeltester.check(tab.model)
    assert "备份完成" in tab.status.text()
    assert tab.model.index(0, 1).data() == "手动备份"
    assert tab.model.index(0, 2).data().endswith("KB")
    tab.table.selectRow(0)
    assert tab.restore_button.isEnabled()
    backup_file = tab.selected().path
    expected = dump_tables(backup_file)
    demo_window.grab().save(str(tmp_path / "backup-tab.png"))

    with ws.db.write() as session:
        session.add(Village(name="误加的村"))
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert "先自动备份当前数据" in asked[0]
    assert dump_tables(ws.folder.database) != expected  # declined: nothing happened

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: informed.append(text))
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(informed), timeout=20_000)
    assert "恢复前的数据已备份为" in informed[0]
    assert dump_tables(ws.folder.database) == expected
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    reasons = {tab.model.index(r, 1).data() for r in range(2)}
    assert reasons == {"手动备份", "恢复备份前"}
    assert len(backups.list_backups(ws.folder)) == 2


def test_a_failed_restore_is_shown_and_the_tab_recovers(
    window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    tab = open_backup_tab(window)
    bad = tmp_path / "坏.db"
    bad.write_bytes(b"nonsense" * 100)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    tab.restore(bad, "坏文件")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "不是完好的数据库文件" in shown[0]
    assert tab.backup_button.isEnabled()


def test_sizes_read_naturally() -> None:
    assert size_text(100) == "1 KB"
    assert size_text(600 * 1024) == "600 KB"
    assert size_text(3 * 1024 * 1024 + 1) == "3.0 MB"
