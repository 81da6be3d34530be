from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.backup_helpers import dump_tables
from wenming_desktop.config import DataFolder
from wenming_desktop.services.safety import backups
from wenming_desktop.services.settings import location
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui import startup


def damage(path: Path) -> bytes:
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    raw = bytearray(path.read_bytes())
    raw[4096 * 2 : 4096 * 5] = b"\x00\xff" * (4096 * 3 // 2)
    path.write_bytes(bytes(raw))
    return bytes(raw)


def test_a_sound_database_opens_without_a_question(data_folder: DataFolder, qapp) -> None:
    open_workspace(data_folder).close()
    assert startup.check_database_at_start(data_folder)


def test_a_damaged_database_is_offered_the_newest_good_backup(
    demo_workspace, qapp, when_dialog_opens, monkeypatch
) -> None:
    folder = demo_workspace.folder
    good = backups.create_backup(folder, demo_workspace.db, "manual")
    expected = dump_tables(good.path)
    demo_workspace.close()
    damaged = damage(folder.database)
    texts: list[str] = []

    def choose_restore(box: QMessageBox) -> None:
        texts.append(box.text() + box.informativeText())
        [restore] = [b for b in box.buttons() if b.text() == "从这份备份恢复"]
        restore.click()

    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: informed.append(text))
    when_dialog_opens(choose_restore)
    assert startup.check_database_at_start(folder)
    assert "已损坏" in texts[0] and "手动备份" in texts[0]
    kept = [p for p in folder.root.iterdir() if ".损坏-" in p.name and not p.name.endswith("wal")]
    assert [p.read_bytes() for p in kept] == [damaged]
    assert str(kept[0]) in informed[0]
    assert dump_tables(folder.database) == expected
    assert backups.check_file(folder.database, full=True) == []


def test_declining_leaves_the_damaged_file_untouched(
    demo_workspace, qapp, when_dialog_opens
) -> None:
    folder = demo_workspace.folder
    backups.create_backup(folder, demo_workspace.db, "manual")
    demo_workspace.close()
    damaged = damage(folder.database)

    def quit_(box: QMessageBox) -> None:
        [leave] = [b for b in box.buttons() if b.text() == "退出"]
        leave.click()

    when_dialog_opens(quit_)
    assert not startup.check_database_at_start(folder)
    assert folder.database.read_bytes() == damaged


def test_no_good_backup_says_so_and_changes_nothing(demo_workspace, qapp, monkeypatch) -> None:
    folder = demo_workspace.folder
    demo_workspace.close()
    damaged = damage(folder.database)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert not startup.check_database_at_start(folder)
    assert "没有找到完好的备份" in shown[0]
    assert folder.database.read_bytes() == damaged


def test_network_share_warning_is_shown_once(window, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _t: shown.append(title))
    ws = window.context.workspace
    startup.warn_if_network_share(window, ws)
    assert shown == []  # a local folder
    monkeypatch.setattr(startup, "network_share_warning", lambda p: f"{p} 位于网络共享")
    startup.warn_if_network_share(window, ws)
    startup.warn_if_network_share(window, ws)
    assert shown == ["数据文件夹位于网络上"]
    assert location.SETTING_KEY


def test_the_daily_backup_runs_in_the_background(window, qtbot) -> None:
    folder = window.context.workspace.folder
    startup.start_daily_backup(window.context)
    window.context.runner.wait(20_000)
    qtbot.waitUntil(lambda: len(backups.list_backups(folder)) == 1, timeout=5000)
    startup.start_daily_backup(window.context)
    window.context.runner.wait(20_000)
    assert [b.reason for b in backups.list_backups(folder)] == ["auto"]
