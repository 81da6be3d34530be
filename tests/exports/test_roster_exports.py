"""The roster and hours ledgers read back cell by cell; unmasking is audited."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from sqlalchemy import select

from tests.roster_samples import ID_ZHANG, small_roster
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.roster.roster_exports import export_hours, export_roster
from wenming_desktop.storage.models import AuditEntry


def _values(path):
    book = load_workbook(path)
    sheet = book.worksheets[0]
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def test_roster_ledger_masked(workspace, tmp_path) -> None:
    small_roster(workspace.db)
    path = tmp_path / "志愿者花名册.xlsx"
    assert export_roster(workspace.db, path) == 3
    sheet, rows = _values(path)
    assert rows[0][0] == "测试中医院志愿者花名册"
    assert "已注册 2 人" in rows[1][0] and "部分隐藏" in rows[1][0]
    assert rows[2] == ["序号", "工号", "姓名", "性别", "出生日期", "科室", "职称", "职务",
                       "政治面貌", "党支部", "服务队", "联系电话", "身份证号", "注册状态",
                       "志愿者编号", "状态"]  # fmt: skip
    zhang = rows[3]
    assert zhang[:6] == [1, "1001", "张三丰", "男", None, "内科"]  # no birth date stored
    assert zhang[11] == "138****5678" and zhang[12] == ID_ZHANG[:6] + "********" + ID_ZHANG[-4:]
    assert zhang[13:] == ["已注册", "R1", "在册"]
    assert rows[5][13] == "未注册"
    assert sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$1:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert "&P" in sheet.oddFooter.center.text
    assert sheet.cell(3, 1).font.b
    with workspace.db.read() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "unmask")) is None


def test_roster_ledger_unmasked_is_audited(workspace, tmp_path) -> None:
    small_roster(workspace.db)
    path = tmp_path / "full.xlsx"
    export_roster(workspace.db, path, unmasked=True)
    _sheet, rows = _values(path)
    assert rows[3][11] == "13812345678" and rows[3][12] == ID_ZHANG
    with workspace.db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "unmask"))
    assert entry is not None and json.loads(entry.new_values)["rows"] == 3


def test_hours_ledger(workspace, tmp_path) -> None:
    small_roster(workspace.db)
    path = tmp_path / "时长.xlsx"
    assert export_hours(workspace.db, path, 2025) == 3
    sheet, rows = _values(path)
    # split across pages: the title wraps between its parts over the repeated columns
    assert rows[0][0] in (
        "测试中医院2025年度\n志愿服务时长台账",
        "测试中医院\n2025年度\n志愿服务时长台账",
    )
    assert rows[1][0] == "统计期间：2025年1月1日至2025年12月31日"
    header = rows[2]
    assert header[4:16] == [f"{m}月" for m in range(1, 13)]
    assert header[16:] == ["全年合计(小时)", "参加活动(次)", "是否达标(48小时)",
                           "累计时长(小时)", "星级"]  # fmt: skip
    zhang = rows[3]
    assert zhang[:4] == [1, "1001", "张三丰", "内科"]
    assert zhang[4] == 20 and zhang[6] == 30 and zhang[5] == 0
    assert zhang[16:] == [50, 2, "达标", 110, "一星"]
    assert rows[4][16:19] == [10, 1, "未达标"]
    totals = rows[6]
    assert totals[0] == "合计" and totals[2] == "3人"
    assert (
        totals[4] == 20
        and totals[6] == 40
        and totals[16] == 60
        and totals[18] == "未达标2人（在册）"
    )
    # under the totals: the figures, then the rounding rule
    assert "注册率 66.7%" in rows[7][0] and "未达48小时 2 人" in rows[7][0]
    assert "四舍五入" in rows[8][0]
    assert len(rows) == 9
    assert sheet.cell(4, 17).number_format == "0.0"


def test_a_month_hours_ledger_judges_the_year_to_its_end(workspace, tmp_path) -> None:
    """The 48-hour target is yearly: a month's ledger judges the year from 1 January to the
    month's end, never the month's hours alone (张三丰: 20 h in January, 30 h in March)."""
    small_roster(workspace.db)
    for month, met in (("2025-01", "未达标"), ("2025-03", "达标")):
        path = tmp_path / f"{month}.xlsx"
        export_hours(workspace.db, path, 2025, period=parse_period(month))
        _sheet, rows = _values(path)
        header = rows[2]
        assert header[4:] == ["1月" if month == "2025-01" else "3月", "期间合计(小时)",
                              "参加活动(次)", "本年截至期末是否达标(48小时)", "累计时长(小时)",
                              "星级"]  # fmt: skip
        zhang = next(r for r in rows[3:] if r[2] == "张三丰")
        assert zhang[4] == (20 if month == "2025-01" else 30) and zhang[7] == met
        note = next(str(r[0]) for r in rows if str(r[0]).startswith("统计："))
        below = 3 if met == "未达标" else 2
        assert f"本年截至期末未达48小时 {below} 人" in note.replace("\n", "")
