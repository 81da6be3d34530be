"""Names with a character no font prints, from the command line: `wenming import
volunteers|residents` warn per cell (sheet, row, column, name, U+XXXX) and import them all the
same; an export refused names every such name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from tests.helpers import run_cli
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.storage.models import Resident, Volunteer

PRIVATE = "张\ue000"  # a private-use character: in no font
EXT_G = "周\U00030000"  # CJK Extension G: after the bundled Hanazono fonts
RARE = "李䶮𠮷"  # Extensions A and B: these print


def _sheet(path: Path, title: str, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _names(folder: Path, model: type[Volunteer] | type[Resident]) -> set[str]:
    ws = open_workspace(DataFolder(folder))
    try:
        with ws.db.read() as session:
            return set(session.scalars(select(model.name)))
    finally:
        ws.close()


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "数据"
    shutil.copytree(demo_template, target)
    return target


def test_import_volunteers_warns_per_cell_and_imports(tmp_path: Path) -> None:
    data = tmp_path / "数据"
    sheet = _sheet(
        tmp_path / "花名册.xlsx",
        "职工名册",
        ["工号", "姓名", "科室"],
        [["9001", PRIVATE, "内科"], ["9002", EXT_G, "外\ue001科"], ["9003", RARE, "儿科"]],
    )
    done = run_cli("--data-dir", str(data), "import", "volunteers", str(sheet))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "提醒 3 条，问题 0 个" in out
    assert "提醒：工作表“职工名册”第2行“姓名”：“张\ue000”中的字“\ue000”（U+E000）" in out
    assert "提醒：工作表“职工名册”第3行“姓名”：“周\U00030000”中的字“\U00030000”（U+30000）" in out
    assert "提醒：工作表“职工名册”第3行“科室”：“外\ue001科”中的字“\ue001”（U+E001）" in out
    assert "第4行" not in out  # 䶮 and 𠮷 print
    assert "新增 3 人" in out
    assert {PRIVATE, EXT_G, RARE} <= _names(data, Volunteer)


def test_import_residents_warns_per_cell_and_imports(demo_folder: Path, tmp_path: Path) -> None:
    sheet = _sheet(
        tmp_path / "村民.xlsx",
        "东兴村名册",
        ["姓名", "性别", "村民小组", "住址"],
        [[PRIVATE, "男", "第1组", ""], [RARE, "女", "第2组", ""], [EXT_G, "女", "第\ue002组", ""]],
    )
    args = ("import", "residents", str(sheet), "--village", "东兴", "--data-dir", str(demo_folder))
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "提醒 3 条，问题 0 个" in out
    assert "提醒：工作表“东兴村名册”第2行“姓名”：“张\ue000”中的字“\ue000”（U+E000）" in out
    assert "提醒：工作表“东兴村名册”第4行“姓名”：“周\U00030000”中的字“\U00030000”（U+30000）" in out
    assert "提醒：工作表“东兴村名册”第4行“村民小组”：“第\ue002组”中的字“\ue002”（U+E002）" in out
    assert "新增 3 人" in out
    assert {PRIVATE, EXT_G, RARE} <= _names(demo_folder, Resident)


def test_export_signin_refusal_names_every_bad_name(demo_folder: Path, tmp_path: Path) -> None:
    from tests.exports.test_unprintable_refusals import _two_volunteers

    ws = open_workspace(DataFolder(demo_folder))
    try:
        activity_id, _ids = _two_volunteers(ws)
    finally:
        ws.close()
    out = tmp_path / "签到表.pdf"
    result = run_cli(
        "export", "signin", str(activity_id), "-o", str(out), "--data-dir", str(demo_folder)
    )
    assert result.returncode == 1
    assert "以下 2 处文字" in result.stderr
    assert "张\ue000" in result.stderr and "（U+E000）" in result.stderr
    assert "周\U00030000" in result.stderr and "（U+30000）" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
