import sqlite3
from pathlib import Path

from tests.helpers import run_cli
from wenming_desktop import __version__
from wenming_desktop.config import DB_FILENAME


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_demo_then_check_on_a_new_folder(tmp_path: Path) -> None:
    folder = tmp_path / "新 数据"
    demo = run_cli("demo", "--data-dir", str(folder))
    assert demo.returncode == 0, demo.stderr
    assert "演示数据已写入" in demo.stdout
    check = run_cli("check", "--data-dir", str(folder))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "检查通过" in check.stdout
    with sqlite3.connect(folder / DB_FILENAME) as conn:
        assert conn.execute("SELECT count(*) FROM village").fetchone()[0] == 4


def test_environment_variable_chooses_the_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "env-folder"
    result = run_cli("demo", env={"WENMING_DATA_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert (folder / DB_FILENAME).exists()


def test_check_fails_clearly_on_a_damaged_database(tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    assert run_cli("demo", "--data-dir", str(folder)).returncode == 0
    db = folder / DB_FILENAME
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    for offset in range(page_size * 3, min(len(data), page_size * 40), 97):
        data[offset] = 0xFF
    db.write_bytes(bytes(data))
    result = run_cli("check", "--data-dir", str(folder))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "检查未通过" in output or "无法打开数据库" in output


def test_errors_are_one_chinese_line_without_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "twice"
    assert run_cli("demo", "--data-dir", str(folder)).returncode == 0
    again = run_cli("demo", "--data-dir", str(folder))
    assert again.returncode == 1
    assert again.stderr.strip().startswith("错误：")
    assert len(again.stderr.strip().splitlines()) == 1
    assert "Traceback" not in again.stderr


def test_check_on_an_empty_folder(tmp_path: Path) -> None:
    result = run_cli("check", "--data-dir", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "没有数据库" in result.stdout + result.stderr


def test_usage_errors_are_reported_in_chinese(tmp_path: Path) -> None:
    result = run_cli("demo", "--scale", "huge", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "命令行参数错误" in result.stderr
