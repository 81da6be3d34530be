"""The messy-sheet reader: header detection, value normalisation, cell helpers, bad files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.roster_samples import ID_QIAN, ID_X, ID_ZHANG, messy_hr_workbook
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.workbooks.sheet_reader import (
    FieldSpec,
    Problem,
    cell_date,
    cell_id_number,
    cell_mobile,
    cell_text,
    read_sheet,
)

FIELDS = (
    FieldSpec("name", "姓名", ("姓名",), required=True),
    FieldSpec("staff_no", "工号", ("工号", "职工号", "职工编号")),
    FieldSpec("department", "科室", ("科室", "部门", "科室/部门")),
    FieldSpec("birth", "出生日期", ("出生日期", "出生年月")),
    FieldSpec("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码")),
    FieldSpec("phone", "手机", ("手机", "手机号", "联系电话")),
    FieldSpec("title", "职称", ("职称",)),
)


def test_messy_sheet_header_and_values(tmp_path: Path) -> None:
    path = messy_hr_workbook(tmp_path / "花名册.xlsx")
    sheet = read_sheet(path, FIELDS)
    assert sheet.sheet == "职工名册"
    assert sheet.header_row == 3
    assert sheet.columns["name"] == "姓\u3000\u3000名"
    assert sheet.columns["department"] == "科室/部门"  # exact alias beats containment
    assert sheet.columns["birth"] == "出生年月"
    assert [r for r, _ in sheet.rows] == [4, 5, 6, 7, 8, 9]  # blank trailing rows ignored
    first = dict(sheet.rows[0][1])
    assert first["name"] == "张三丰" and first["staff_no"] == 1001
    assert first["phone"] == 13812345678
    rows = dict(sheet.rows)
    assert rows[5]["phone"] == "138 1234 5679"  # full-width digits normalised
    assert rows[6]["name"] == "赵 六" and rows[6]["staff_no"] == "1003"
    assert rows[7]["name"] == "钱七"  # stripped
    assert rows[7]["title"] == "主治医师"  # the formula's cached value
    assert sheet.problems == []


def test_cell_helpers_on_messy_values(tmp_path: Path) -> None:
    rows = dict(read_sheet(messy_hr_workbook(tmp_path / "a.xlsx"), FIELDS).rows)
    assert cell_date(rows[4]["birth"]) == date(1985, 3, 2)
    assert cell_date(rows[5]["birth"]) == date(1949, 12, 31)
    assert cell_date(rows[6]["birth"]) == date(1985, 3, 2)  # serial 31108, date-formatted
    assert cell_date(rows[7]["birth"]) == date(1990, 1, 1)
    assert cell_id_number(rows[4]["id_number"]) == ID_ZHANG
    assert cell_id_number(rows[5]["id_number"]) == ID_X  # lower-case x accepted
    assert cell_id_number(rows[7]["id_number"]) == ID_QIAN
    with pytest.raises(UserError, match="数字格式"):
        cell_id_number(rows[8]["id_number"])
    with pytest.raises(UserError, match="校验位"):
        cell_id_number(rows[9]["id_number"])
    assert cell_mobile(rows[4]["phone"]) == "13812345678"
    assert cell_mobile(rows[5]["phone"]) == "13812345679"
    with pytest.raises(UserError, match="手机号"):
        cell_mobile(rows[9]["phone"])
    with pytest.raises(UserError, match="不存在"):
        cell_date(rows[9]["birth"])
    assert cell_text(rows[4]["staff_no"]) == "1001"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1985.03.02", date(1985, 3, 2)),
        ("1985年3月2日", date(1985, 3, 2)),
        ("1985-3-2", date(1985, 3, 2)),
        ("1985/03/02", date(1985, 3, 2)),
        ("１９８５．０３．０２", date(1985, 3, 2)),
        ("19850302", date(1985, 3, 2)),
        (datetime(1985, 3, 2, 8, 0), date(1985, 3, 2)),
        (19850302, date(1985, 3, 2)),
        (19850302.0, date(1985, 3, 2)),
        (None, None),
    ],
)
def test_cell_date_forms(raw: object, expected: date | None) -> None:
    assert cell_date(raw) == expected


def test_cell_date_refuses_nonsense() -> None:
    with pytest.raises(UserError, match="无法识别日期"):
        cell_date("去年春天")
    with pytest.raises(UserError, match="无法识别日期"):
        cell_date(-5)
    with pytest.raises(UserError, match="无法识别日期"):
        cell_date(31108)  # a number in a general cell is never an Excel date serial


def test_formula_without_saved_result_is_a_problem(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "工号"])
    sheet.append(['="张"&"三"', "1"])
    book.save(tmp_path / "f.xlsx")
    result = read_sheet(tmp_path / "f.xlsx", FIELDS)
    assert result.rows == [(2, {"name": None, "staff_no": "1"})]
    assert result.problems == [
        Problem("Sheet", 2, "姓名", "公式没有保存计算结果，请在 Excel 中打开该文件并保存后再导入")
    ]
    assert result.problems[0].text.startswith("工作表“Sheet”第2行“姓名”：公式")


def test_not_a_workbook_and_missing_header(tmp_path: Path) -> None:
    bogus = tmp_path / "假的.xlsx"
    bogus.write_text("这不是表格", encoding="utf-8")
    with pytest.raises(UserError, match="不是 Excel 工作簿"):
        read_sheet(bogus, FIELDS)
    with pytest.raises(UserError, match="找不到文件"):
        read_sheet(tmp_path / "无.xlsx", FIELDS)
    book = Workbook()
    book.active.append(["甲", "乙"])
    book.active.append([1, 2])
    book.save(tmp_path / "无表头.xlsx")
    with pytest.raises(UserError, match="找不到表头行"):
        read_sheet(tmp_path / "无表头.xlsx", FIELDS)
    book = Workbook()
    book.active.append(["工号", "科室"])
    book.save(tmp_path / "缺姓名.xlsx")
    with pytest.raises(UserError, match="缺少必需的列：姓名"):
        read_sheet(tmp_path / "缺姓名.xlsx", FIELDS)


def test_max_rows(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名", "工号"])
    for i in range(5):
        book.active.append([f"人{i}", i])
    book.save(tmp_path / "多.xlsx")
    with pytest.raises(UserError, match="上限 3 行"):
        read_sheet(tmp_path / "多.xlsx", FIELDS, max_rows=3)
