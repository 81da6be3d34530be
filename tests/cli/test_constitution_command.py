"""`wenming constitution ANSWERS` as a doctor runs it to check a hand-scored paper form."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from tests.helpers import run_cli
from tests.pdf_helpers import pdf_pages
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.storage.models import Activity, Category, Checkup, Resident


def _run(tmp_path: Path, *answers: str):
    return run_cli("constitution", *answers, env={"WENMING_DATA_DIR": str(tmp_path / "d")})


def test_prints_the_nine_sums_and_the_judgement(tmp_path: Path) -> None:
    # 平和质 q1=5 → 25; 阴虚质 q10=5, q21=2 → 9 (倾向是), so 平和质 is 基本是
    answers = ["5", "1-1-1-1-1-1-1-1", "5", "1" * 10, "2", "1" * 12]
    done = _run(tmp_path, *answers)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].split() == ["平和质", "25", "基本是"]
    assert lines[4].split() == ["阴虚质", "9", "倾向是"]
    assert lines[2].split() == ["气虚质", "4", "否"]
    assert "判定结果：基本是平和质；倾向是阴虚质" in done.stdout
    assert "记入体检的体质：平和质" in done.stdout


def test_wrong_count_and_wrong_digit_are_clear_errors(tmp_path: Path) -> None:
    short = _run(tmp_path, "1" * 32)
    assert short.returncode == 1
    assert "应有 33 个答案，现有 32 个" in short.stderr
    assert short.stdout == ""
    bad = _run(tmp_path, "1" * 20 + "7" + "1" * 12)
    assert bad.returncode == 1
    assert "第 21 个答案“7”不是 1～5 的数字" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_export_guidance_of_a_demo_checkup_day(demo_template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "数据"
    shutil.copytree(demo_template, folder)
    ws = open_workspace(DataFolder(folder))
    try:
        with ws.db.read() as session:
            activity_id, count = session.execute(
                select(Checkup.activity_id, func.count())
                .where(Checkup.constitution != "", Checkup.activity_id.is_not(None))
                .group_by(Checkup.activity_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()
            one = session.scalar(select(Checkup.id).where(Checkup.activity_id == activity_id))
    finally:
        ws.close()
    env = {"WENMING_DATA_DIR": str(folder)}
    out = tmp_path / "day.pdf"
    done = run_cli("export", "guidance", str(activity_id), "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert f"已导出中医体质保健指导 {count} 人（一人一页）" in done.stdout
    assert pdf_pages(out) == count
    single = tmp_path / "one.pdf"
    done = run_cli("export", "guidance", "--checkup", str(one), "-o", str(single), env=env)
    assert done.returncode == 0, done.stderr
    assert pdf_pages(single) == 1
    neither = run_cli("export", "guidance", env=env)
    assert neither.returncode == 1 and "二者选一" in neither.stderr


def test_import_checkups_dry_run_then_for_real(demo_template: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    folder = tmp_path / "数据"
    shutil.copytree(demo_template, folder)
    ws = open_workspace(DataFolder(folder))
    try:
        with ws.db.read() as session:
            activity_id, village_id = session.execute(
                select(Activity.id, Activity.village_id)
                .join(Category, Category.id == Activity.category_id)
                .where(Category.is_health.is_(True), Activity.start_at < datetime.now())
                .order_by(Activity.start_at.desc())
                .limit(1)
            ).one()
            name, number = session.execute(
                select(Resident.name, Resident.id_number)
                .where(Resident.village_id == village_id, Resident.id_number.is_not(None))
                .order_by(Resident.id)
                .limit(1)
            ).one()
    finally:
        ws.close()
    book = Workbook()
    book.active.append(["姓名", "身份证号", "收缩压", "舒张压", "体质问卷"])
    book.active.append([name, number, 128, 82, "1" + "55" + "1" * 10 + "5" + "1" * 19])
    book.active.append(["查无此人", "", 120, 80, "1" * 33])
    path = tmp_path / "体检.xlsx"
    book.save(path)
    env = {"WENMING_DATA_DIR": str(folder)}
    args = ("import", "checkups", str(path), "--activity", str(activity_id))
    dry = run_cli(*args, "--dry-run", env=env)
    assert dry.returncode == 1
    assert "第3行“姓名”" in dry.stdout and "没有“查无此人”" in dry.stdout
    assert "有错误 1 行" in dry.stdout and "试运行：未写入任何数据" in dry.stdout
    refused = run_cli(*args, env=env)
    assert refused.returncode == 1 and "未导入任何数据" in refused.stderr
    book.active.delete_rows(3)
    book.save(path)
    done = run_cli(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert "已导入体检记录：" in done.stdout
    ws = open_workspace(DataFolder(folder))
    try:
        with ws.db.read() as session:
            stored = session.execute(
                select(Checkup.constitution, Checkup.systolic)
                .join(Resident, Resident.id == Checkup.resident_id)
                .where(Resident.id_number == number, Checkup.activity_id == activity_id)
            ).one()
    finally:
        ws.close()
    assert tuple(stored) == ("气虚质", 128)
