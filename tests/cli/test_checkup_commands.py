"""`wenming export checkups` and `wenming export signin` as a user runs them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from tests.helpers import run_cli
from tests.pdf_helpers import flat, pdf_text
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.storage.models import Activity, Category


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "数据"
    shutil.copytree(demo_template, target)
    return target


def _first_checkup_day(folder: Path) -> int:
    ws = open_workspace(DataFolder(folder))
    try:
        with ws.db.read() as session:
            return session.scalar(
                select(Activity.id)
                .join(Category, Category.id == Activity.category_id)
                .where(Category.is_health.is_(True), Activity.village_id == 1)
                .order_by(Activity.start_at)
                .limit(1)
            )
    finally:
        ws.close()


def test_export_checkups_masked_then_unmasked(demo_folder: Path, tmp_path: Path) -> None:
    year = date.today().year
    result = run_cli("export", "checkups", "--year", str(year), "--village", "东兴",
                     "--data-dir", str(demo_folder))  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = demo_folder / "exports" / f"健康体检台账_{year}_萝北县肇兴镇东兴村.xlsx"
    assert str(path) in result.stdout
    sheet = load_workbook(path)["健康体检台账"]
    ids = [row[8].value for row in sheet.iter_rows(min_row=4)]
    assert ids and all("********" in v for v in ids)
    assert {row[2].value for row in sheet.iter_rows(min_row=4)} == {"萝北县肇兴镇东兴村"}
    full = tmp_path / "full.xlsx"
    result = run_cli("export", "checkups", "--year", str(year), "--unmasked", "-o", str(full),
                     "--data-dir", str(demo_folder))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "已记入操作日志" in result.stdout
    ids = [row[8].value for row in load_workbook(full).active.iter_rows(min_row=4)]
    assert ids and all(len(v) == 18 and "*" not in v for v in ids)


def test_export_signin_with_residents_and_blank(demo_folder: Path, tmp_path: Path) -> None:
    activity = _first_checkup_day(demo_folder)
    target = tmp_path / "签到.pdf"
    result = run_cli("export", "signin", str(activity), "--residents", "--blank", "4",
                     "-o", str(target), "--data-dir", str(demo_folder))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "空白 4 行" in result.stdout
    text = flat(pdf_text(target))
    assert "村民签到表" in text and "本人签名" in text
    blank = tmp_path / "空白.pdf"
    result = run_cli("export", "signin", str(activity), "--blank", "30", "-o", str(blank),
                     "--data-dir", str(demo_folder))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "预填 0 人，空白 30 行" in result.stdout
    bare = run_cli("export", "signin", str(activity), "--data-dir", str(demo_folder))
    assert bare.returncode == 0, bare.stderr  # without flags: the volunteer sheet
    assert "已导出志愿者签到表" in bare.stdout


def test_errors_are_one_line(demo_folder: Path) -> None:
    result = run_cli("export", "signin", "99999", "--residents", "--data-dir", str(demo_folder))
    assert result.returncode == 1
    assert result.stderr.strip() == "错误：活动（编号 99999）不存在，可能已被删除"
    result = run_cli("export", "checkups", "--village", "无此村", "--data-dir", str(demo_folder))
    assert result.returncode == 1 and "无此村" in result.stderr


def test_import_residents_dry_run_refusal_and_skip_invalid(
    demo_folder: Path, tmp_path: Path
) -> None:
    from tests.checkup_support import id_number
    from tests.services.checkups.test_resident_import import messy_sheet

    good = id_number(date(1950, 1, 2), 901)
    bad = id_number(date(1951, 1, 2), 902)
    bad = bad[:17] + ("0" if bad[17] != "0" else "1")
    sheet = messy_sheet(
        tmp_path / "名单.xlsx",
        [[1, "张三丰", "男", good, "", "第1组", "", ""], [2, "李四", "男", bad, "", "", "", ""]],
    )
    args = ("import", "residents", str(sheet), "--village", "东兴", "--data-dir", str(demo_folder))
    dry = run_cli(*args, "--dry-run")
    assert dry.returncode == 1
    assert "工作表“东兴村名册”第5行“身份证号码”" in dry.stdout and "第18位（校验位）" in dry.stdout
    assert "新增 1 行，更新 0 行，有错误 1 行" in dry.stdout and "未写入" in dry.stdout
    refused = run_cli(*args)
    assert refused.returncode == 1 and "未导入任何数据" in refused.stderr
    done = run_cli(*args, "--skip-invalid")
    assert done.returncode == 0, done.stderr
    assert "已导入：新增 1 人，更新 0 人，跳过有错误的 1 行" in done.stdout
    again = run_cli(*args, "--skip-invalid")
    assert "新增 0 人，更新 1 人" in again.stdout
