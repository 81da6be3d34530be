"""Importing a village's resident list: problems by sheet/row/column, all-or-nothing, matching
existing residents by ID number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import residents
from wenming_desktop.services.checkups.resident_import import apply_import, read_residents
from wenming_desktop.services.workbooks.sheet_reader import ACTION_ERROR, ACTION_NEW, ACTION_UPDATE
from wenming_desktop.storage.models import AuditEntry

A = id_number(date(1950, 1, 2), 11)
B = id_number(date(1952, 3, 4), 12)
C = id_number(date(1946, 5, 6), 13)
WRONG = B[:17] + ("0" if B[17] != "0" else "1")


def messy_sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "东兴村名册"
    sheet.append(["东兴村60岁以上老人花名册"])
    sheet.append(["填报日期：2026年3月"])
    sheet.append(["序号", " 姓 名 ", "性别", "身份证号码", "手机号", "所在组", "重点人群", "备注"])
    for row in rows:
        sheet.append(row)
    sheet.append([None] * 8)
    sheet.append([None] * 8)
    book.save(path)
    return path


GOOD_ROWS = [
    [1, "张三丰", "男", A.lower(), "139 1234 5678", "第1组", "留守老人、独居", ""],
    [2, "李秀英", "女", C, 13812345678, "第2组", "", "行动不便"],
]


def test_preview_lists_every_problem_and_writes_nothing(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    rows = [
        *GOOD_ROWS,
        [3, "王五", "男", WRONG, "", "第3组", "", ""],
        [4, "赵六", "男", 110105194912310021, "", "", "", ""],  # a number: digits lost
        [5, "", "女", "", "12345", "", "五保", ""],
        [6, "钱七", "男", A, "", "", "低保户", ""],  # same ID as Excel row 4
    ]
    path = messy_sheet(tmp_path / "名册.xlsx", rows)
    plan = read_residents(workspace.db, path, world.village_id)
    actions = [(r.row, r.action) for r in plan.preview.rows]
    assert actions == [
        (4, ACTION_NEW), (5, ACTION_NEW), (6, ACTION_ERROR), (7, ACTION_ERROR),
        (8, ACTION_ERROR), (9, ACTION_ERROR),
    ]  # fmt: skip
    texts = [p.text for p in plan.problems]
    assert any(
        t.startswith("工作表“东兴村名册”第6行“身份证号码”") and "第18位（校验位）" in t
        for t in texts
    )
    assert any(
        t.startswith("工作表“东兴村名册”第7行“身份证号码”：身份证号以数字格式") for t in texts
    )
    assert "工作表“东兴村名册”第8行“姓 名”：姓名为空" in texts
    warned = [p.text for p in plan.preview.warnings]  # an optional phone warns, never refuses
    assert any(t.startswith("工作表“东兴村名册”第8行“手机号”") for t in warned)
    assert any("第9行“身份证号码”：与第4行的身份证号重复" in t for t in texts)
    assert not any("重点人群" in t for t in texts)  # 五保(户) is a group of 困难群众
    with pytest.raises(UserError, match="未导入任何数据"):
        apply_import(workspace.db, plan)
    assert residents.list_residents(workspace.db) == []


def test_skip_invalid_imports_the_good_rows(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    path = messy_sheet(
        tmp_path / "名册.xlsx", [*GOOD_ROWS, [3, "王五", "男", WRONG, "", "", "", ""]]
    )
    plan = read_residents(workspace.db, path, world.village_id)
    result = apply_import(workspace.db, plan, skip_invalid=True)
    assert (result.created, result.updated, result.skipped_rows) == (2, 0, 1)
    rows = {r.name: r for r in residents.list_residents(workspace.db)}
    assert set(rows) == {"张三丰", "李秀英"}
    z = rows["张三丰"]
    assert (z.id_number, z.phone, z.group_name, z.birth_date) == (
        A,
        "13912345678",
        "第1组",
        date(1950, 1, 2),
    )
    assert z.left_behind_elderly and z.living_alone and not z.needy
    assert z.pinyin_initials == "zsf"
    assert rows["李秀英"].phone == "13812345678" and rows["李秀英"].notes == "行动不便"
    with workspace.db.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "import"))
        assert entry is not None and '"created": 2' in entry.new_values


def test_existing_resident_matched_by_id_is_updated(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    rid = residents.add_resident(
        workspace.db, ResidentData(world.village_id, "张三峰", A, group_name="旧组")
    )
    path = messy_sheet(tmp_path / "名册.xlsx", GOOD_ROWS)
    plan = read_residents(workspace.db, path, world.village_id)
    assert [r.action for r in plan.preview.rows] == [ACTION_UPDATE, ACTION_NEW]
    result = apply_import(workspace.db, plan)
    assert (result.created, result.updated) == (1, 1)
    row = residents.get_resident_row(workspace.db, rid)
    assert (row.name, row.group_name, row.left_behind_elderly) == ("张三丰", "第1组", True)
    assert len(residents.list_residents(workspace.db)) == 2


def test_id_registered_in_another_village_is_a_problem(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    other = make_world(workspace.db, village="太平村")
    residents.add_resident(workspace.db, ResidentData(other.village_id, "张三丰", A))
    plan = read_residents(
        workspace.db, messy_sheet(tmp_path / "x.xlsx", GOOD_ROWS), world.village_id
    )
    assert any("已登记为太平村的村民" in p.text for p in plan.problems)


def test_not_a_workbook(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    bad = tmp_path / "名册.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(UserError, match="不是 Excel 工作簿"):
        read_residents(workspace.db, bad, world.village_id)
