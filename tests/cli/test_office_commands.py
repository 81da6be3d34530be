"""`wenming export meetings|rectifications|commendations --period P` and
`wenming export meeting-record|meeting-signin MEETING_ID` on the demo data."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import run_cli
from tests.pdf_helpers import flat, pdf_text


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "数据"
    shutil.copytree(demo_template, target)
    return target


def test_the_three_ledgers_and_a_meetings_documents(demo_folder: Path, tmp_path: Path) -> None:
    year = str(date.today().year)
    for command, sheet in (
        ("meetings", "会议台账"),
        ("rectifications", "检查整改"),
        ("commendations", "评选表彰台账"),
    ):
        out = tmp_path / f"{command}.xlsx"
        result = run_cli(
            "export", command, "--period", year, "-o", str(out), "--data-dir", str(demo_folder)
        )
        assert result.returncode == 0, result.stderr
        book = load_workbook(out)
        assert book[sheet].max_row > 3  # title, subtitle, header and at least one row
        book.close()
    record = tmp_path / "record.pdf"
    result = run_cli(
        "export", "meeting-record", "1", "-o", str(record), "--data-dir", str(demo_folder)
    )
    assert result.returncode == 0, result.stderr
    assert "会 议 记 录" in flat(pdf_text(record))
    result = run_cli("export", "meeting-signin", "1", "--data-dir", str(demo_folder))
    assert result.returncode == 0, result.stderr
    assert "已导出会议签到表" in result.stdout
    missing = run_cli("export", "meeting-record", "9999", "--data-dir", str(demo_folder))
    assert missing.returncode == 1
    assert missing.stderr.strip() == "错误：编号为 9999 的会议不存在"
