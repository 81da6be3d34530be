"""Importing a checkup day's results from a generated workbook: preview, all-or-nothing, the
questionnaire as one column or as 33 columns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.checkups.checkup_import import apply_checkup_import, read_checkups
from wenming_desktop.services.workbooks.sheet_reader import ACTION_ERROR, ACTION_NEW, ACTION_UPDATE
from wenming_desktop.storage.models import Checkup

QI = "1" + "55" + "1" * 10 + "5" + "1" * 19  # 气虚质 16 是


@pytest.fixture
def village(workspace):
    world = make_world(workspace.db)
    numbers = {}
    for i, name in enumerate(("王秀英", "赵德胜", "刘桂兰", "陈志强")):
        number = id_number(date(1950, 3, 1 + i), 30 + i)
        residents.add_resident(workspace.db, ResidentData(world.village_id, name, number))
        numbers[name] = number
    return world, numbers


def _book(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "体检结果"
    sheet.append(["东兴村老年人健康体检结果"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_33_question_columns_are_judged_and_written(workspace, village, tmp_path) -> None:
    world, numbers = village
    header = ["序号", "姓名", "身份证号", "收缩压", "舒张压", "中医体质"]
    header += [f"第{n}题" for n in range(1, 34)]
    rows = [
        [1, "王秀英", numbers["王秀英"], 150, 95, "", *map(int, QI)],
        [2, "赵德胜", "", 120, 80, "痰湿质", *([None] * 33)],  # found by name, no questionnaire
    ]
    path = _book(tmp_path / "体检.xlsx", header, rows)
    plan = read_checkups(workspace.db, path, world.day_id)
    assert plan.problems == []
    assert [(r.row, r.action) for r in plan.preview.rows] == [(3, ACTION_NEW), (4, ACTION_NEW)]
    assert plan.preview.rows[0].values[4:] == ("气虚质", "已答")
    result = apply_checkup_import(workspace.db, plan)
    assert (result.created, result.updated) == (2, 0)
    with workspace.db.read() as session:
        stored = {c.resident.name: c for c in session.scalars(select(Checkup))}
        assert stored["王秀英"].tcm_answers == QI and stored["王秀英"].constitution == "气虚质"
        assert stored["王秀英"].checkup_date == world.day
        assert stored["王秀英"].activity_id == world.day_id
        assert (stored["赵德胜"].constitution, stored["赵德胜"].tcm_answers) == ("痰湿质", "")


def test_one_answers_column_updates_an_existing_checkup(workspace, village, tmp_path) -> None:
    world, numbers = village
    rid = residents.list_residents(workspace.db, world.village_id)
    wang = next(r.id for r in rid if r.name == "王秀英")
    cid = checkups.save_checkup(
        workspace.db, CheckupData(wang, world.day, world.day_id, height_cm=158, systolic=130,
                                  diastolic=85)
    )  # fmt: skip
    path = _book(tmp_path / "a.xlsx", ["姓名", "身份证号", "体质问卷"],
                 [["王秀英", numbers["王秀英"], " ".join(QI)]])  # fmt: skip
    plan = read_checkups(workspace.db, path, world.day_id)
    assert [r.action for r in plan.preview.rows] == [ACTION_UPDATE]
    apply_checkup_import(workspace.db, plan)
    back = checkups.get_checkup(workspace.db, cid)
    assert (back.tcm_answers, back.constitution) == (QI, "气虚质")
    assert back.height_cm == 158 and back.systolic == 130  # columns the sheet lacks are kept


def test_problems_name_row_and_column_and_nothing_is_written(workspace, village, tmp_path) -> None:
    world, numbers = village
    header = ["姓名", "身份证号", "收缩压", "舒张压", "中医体质", "改判理由"]
    header += [f"第{n}题" for n in range(1, 34)]
    bad_digit = list(map(int, QI))
    bad_digit[11] = 6
    half = [*map(int, QI[:20]), *([None] * 13)]
    rows = [
        ["王秀英", numbers["王秀英"], 130, 80, "", "", *map(int, QI)],  # fine
        ["赵德胜", "", 130, 80, "", "", *bad_digit],
        ["刘桂兰", "", "高", 80, "", "", *half],
        ["张三", "", 120, 80, "", "", *([None] * 33)],
        ["王秀英", numbers["王秀英"], 120, 80, "", "", *([None] * 33)],
        ["陈志强", "", 120, 80, "阳虚质", "", *map(int, QI)],  # override without a reason
    ]
    path = _book(tmp_path / "bad.xlsx", header, rows)
    plan = read_checkups(workspace.db, path, world.day_id)
    texts = [p.text for p in plan.problems]
    assert "工作表“体检结果”第4行“第12题”：答案“6”不是 1～5 的数字" in texts
    assert "工作表“体检结果”第5行“收缩压”：“高”不是数字" in texts
    assert any("第5行" in t and "体质问卷没有答完：第21题" in t for t in texts)
    assert any("第6行“姓名”" in t and "没有“张三”" in t for t in texts)
    assert any("第7行“姓名”：与第3行是同一位村民" in t for t in texts)
    assert any("第8行" in t and "与问卷判定（气虚质）不一致：改判请填写理由" in t for t in texts)
    assert plan.preview.rows[0].action == ACTION_NEW
    assert plan.preview.error_count == 5
    with pytest.raises(UserError, match="未导入任何数据"):
        apply_checkup_import(workspace.db, plan)
    with workspace.db.read() as session:
        assert session.scalars(select(Checkup)).all() == []
    assert ACTION_ERROR in {r.action for r in plan.preview.rows}


def test_a_day_not_yet_held_is_refused(workspace, tmp_path) -> None:
    from datetime import timedelta

    world = make_world(workspace.db, day=date.today() + timedelta(days=2))
    path = _book(tmp_path / "f.xlsx", ["姓名", "收缩压"], [["王秀英", 120]])
    with pytest.raises(UserError, match="尚未举行，不能导入体检结果"):
        read_checkups(workspace.db, path, world.day_id)
