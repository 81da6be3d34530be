import shutil
from pathlib import Path

from tests.backup_helpers import dump_tables
from tests.helpers import run_cli
from wenming_desktop.config import DataFolder


def test_backup_then_restore_from_the_command_line(demo_template: Path, tmp_path: Path) -> None:
    root = tmp_path / "数据"
    shutil.copytree(demo_template, root)
    folder = DataFolder(root)
    made = run_cli("backup", "--data-dir", str(root))
    assert made.returncode == 0, made.stderr
    assert "备份已保存" in made.stdout
    [backup] = [p for p in folder.backups.iterdir() if p.suffix == ".db"]
    assert str(backup) in made.stdout
    expected = dump_tables(folder.database)  # the zip's state: its own audit entry comes after
    portable = run_cli("backup", "--data-dir", str(root), "-o", str(tmp_path / "U盘" / "备份"))
    assert portable.returncode == 0, portable.stderr
    assert (tmp_path / "U盘" / "备份.zip").is_file()
    assert dump_tables(folder.database)["audit_entry"][-1][3:5] == ("export", "database")
    target = tmp_path / "另一台电脑"
    restored = run_cli("restore", str(tmp_path / "U盘" / "备份.zip"), "--data-dir", str(target))
    assert restored.returncode == 0, restored.stderr
    assert "已从" in restored.stdout
    assert "恢复前" not in restored.stdout  # nothing there before
    assert dump_tables(DataFolder(target).database) == expected
    again = run_cli("restore", str(backup), "--data-dir", str(root))
    assert again.returncode == 0, again.stderr
    assert "恢复前的数据已备份为" in again.stdout
    check = run_cli("check", "--data-dir", str(target))
    assert check.returncode == 0 and "检查通过" in check.stdout


def test_restore_of_a_missing_or_bad_file_says_so(tmp_path: Path) -> None:
    missing = run_cli("restore", str(tmp_path / "没有.db"), "--data-dir", str(tmp_path / "d"))
    assert missing.returncode == 1
    assert "不存在" in missing.stderr
    bad = tmp_path / "坏.db"
    bad.write_text("hello", encoding="utf-8")
    refused = run_cli("restore", str(bad), "--data-dir", str(tmp_path / "d"))
    assert refused.returncode == 1
    assert "不是完好的数据库文件" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_no_restore_while_the_window_holds_the_folder(qapp, tmp_path: Path) -> None:
    from wenming_desktop.ui.single_instance import SingleInstance

    root = tmp_path / "数据"
    made = run_cli("backup", "--data-dir", str(root))
    assert made.returncode == 0, made.stderr
    [backup] = [p for p in DataFolder(root).backups.iterdir() if p.suffix == ".db"]
    window_lock = SingleInstance(root)
    assert window_lock.claim()
    try:
        refused = run_cli("restore", str(backup), "--data-dir", str(root))
    finally:
        window_lock.release()
    assert refused.returncode == 1 and "请先关闭窗口" in refused.stderr
    done = run_cli("restore", str(backup), "--data-dir", str(root))
    assert done.returncode == 0, done.stderr
    assert not (root / "wenming.lock").exists()
