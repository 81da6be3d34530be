"""The roster commands as a user runs them: exit status, output, and what was written."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.helpers import run_cli
from tests.roster_samples import messy_hr_workbook
from wenming_desktop.config import DataFolder
from wenming_desktop.services.roster.roster import list_volunteers
from wenming_desktop.services.settings.workspace import open_workspace


def _names(folder) -> list[str]:
    ws = open_workspace(DataFolder(folder))
    try:
        return sorted(r.name for r in list_volunteers(ws.db))
    finally:
        ws.close()


def test_import_volunteers_dry_run_all_or_nothing_and_skip(tmp_path) -> None:
    data = tmp_path / "数据"
    sheet = messy_hr_workbook(tmp_path / "花名册.xlsx")
    dry = run_cli("--data-dir", str(data), "import", "volunteers", str(sheet), "--dry-run")
    assert dry.returncode == 1
    assert "工作表“职工名册”第8行“身份证号码”：身份证号以数字格式保存" in dry.stdout
    assert "试运行：未写入任何数据" in dry.stdout
    refused = run_cli("--data-dir", str(data), "import", "volunteers", str(sheet))
    assert refused.returncode == 1 and "未导入任何数据" in refused.stdout
    assert _names(data) == []
    done = run_cli("--data-dir", str(data), "import", "volunteers", str(sheet), "--skip-invalid")
    assert done.returncode == 1, done.stderr  # rows were refused
    assert "新增 4 人，更新 0 人，拒绝 2 行" in done.stdout
    assert _names(data) == ["张三丰", "李四", "赵六", "钱七"]
    clean = messy_hr_workbook(tmp_path / "clean.xlsx", with_bad_rows=False)
    again = run_cli("--data-dir", str(data), "import", "volunteers", str(clean))
    assert again.returncode == 0 and "更新 4 行" in again.stdout


def test_exports_and_certificate(tmp_path) -> None:
    data = tmp_path / "数据"
    assert run_cli("--data-dir", str(data), "demo").returncode == 0
    out = tmp_path / "名册.xlsx"
    result = run_cli("--data-dir", str(data), "export", "volunteers", "-o", str(out))
    assert result.returncode == 0 and str(out) in result.stdout
    sheet = load_workbook(out).worksheets[0]
    assert sheet.cell(1, 1).value == "鹤岗市中医院志愿者花名册"
    assert "****" in sheet.cell(4, 12).value
    hours = run_cli("--data-dir", str(data), "export", "hours", "--year", "2025")
    assert hours.returncode == 0
    assert (data / "exports" / "2025年度志愿服务时长台账.xlsx").exists()
    cert = run_cli("--data-dir", str(data), "export", "certificate", "ZY0001", "--from",
                   "2025-01-01", "--to", "2025年12月31日")  # fmt: skip
    assert cert.returncode == 0, cert.stderr
    assert "ZYZM" in cert.stdout
    number = cert.stdout.split("证明 ")[1].split("：")[0]
    check = run_cli("--data-dir", str(data), "certificate", number)
    assert check.returncode == 0 and f"证明 {number}：" in check.stdout
    unknown = run_cli("--data-dir", str(data), "certificate", "ZYZM209900001")
    assert unknown.returncode == 1 and "没有编号为" in unknown.stderr
    missing = run_cli("--data-dir", str(data), "export", "certificate", "NOPE", "--from",
                      "2025-01-01", "--to", "2025-12-31")  # fmt: skip
    assert missing.returncode == 1 and "没有工号为“NOPE”的志愿者" in missing.stderr
    bad = run_cli("--data-dir", str(data), "import", "volunteers", str(tmp_path / "无.xlsx"))
    assert bad.returncode == 1 and "找不到文件" in bad.stderr


def test_import_volunteers_summary_names_sheet_footer_and_warnings(tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    old = book.active
    old.title = "旧名单"
    old.append(["工号", "姓名"])
    old.append(["OLD", "旧人"])
    old.sheet_state = "hidden"
    current = book.create_sheet("在职")
    current.append(["工号", "姓名", "手机号码", "出生年月"])
    current.append(["T1", "甲", "13900000030/0451-86661234", 1985.03])
    current.append(["T2", "乙", "1390000003", "1985年3月2日"])
    current.append(["合计", "2人"])
    current.append(["制表人：张某"])
    path = tmp_path / "花名册.xlsx"
    book.save(path)
    data = tmp_path / "数据"
    done = run_cli("--data-dir", str(data), "import", "volunteers", str(path))
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "读取工作表：“在职”（表头在第1行）；未读取隐藏的工作表“旧名单”" in out
    assert "读取数据 2 行：新增 2 行，更新 0 行，有错误 0 行" in out
    assert "跳过表尾/说明 2 行（第4、5行）" in out
    assert "提醒：工作表“在职”第3行“手机号码”：手机号“1390000003”" in out
    assert "Warning" not in done.stderr and "warn(" not in done.stderr
    assert _names(data) == ["乙", "甲"]
