import shutil
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.pdf_helpers import flat, pdf_text


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "数据"
    shutil.copytree(demo_template, target)
    return target


def test_summary_to_the_exports_folder(demo_folder: Path) -> None:
    result = run_cli("export", "summary", "--period", "2025-H1", "--data-dir", str(demo_folder))
    assert result.returncode == 0, result.stderr
    path = demo_folder / "exports" / "2025年上半年工作总结.pdf"
    assert str(path) in result.stdout
    assert "2025年上半年" in flat(pdf_text(path))


def test_packet_and_record_with_output_paths(demo_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "东兴村.zip"
    result = run_cli(
        "packet", "--period", "2025-Q3", "--village", "东兴", "-o", str(target),
        "--data-dir", str(demo_folder),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert target.exists()
    record = tmp_path / "record.pdf"
    result = run_cli("export", "record", "1", "-o", str(record), "--data-dir", str(demo_folder))
    assert result.returncode == 0, result.stderr
    assert "新时代文明实践活动记录表" in pdf_text(record)


def test_bad_period_and_unknown_activity_are_one_line_errors(demo_folder: Path) -> None:
    bad = run_cli("packet", "--period", "2026-13", "--data-dir", str(demo_folder))
    assert bad.returncode == 1
    assert bad.stderr.strip() == "错误：期间“2026-13”中的月份 13 不存在，月份应为 01–12"
    missing = run_cli("export", "record", "99999", "--data-dir", str(demo_folder))
    assert missing.returncode == 1
    assert "活动（编号 99999）不存在" in missing.stderr
