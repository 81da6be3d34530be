"""Resident list rows without an ID number: matched by name AND the birth date or 村民小组
known (domain/resident_match.py); ambiguity refused by row, never merged or duplicated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import residents
from wenming_desktop.services.checkups.resident_import import apply_import, read_residents
from wenming_desktop.services.workbooks.sheet_reader import ACTION_ERROR, ACTION_NEW, ACTION_UPDATE


def sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "名册"
    ws.append(["姓名", "性别", "出生日期", "村民小组", "联系电话"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def people(db, village_id: int) -> list[tuple[str, date | None, str, str]]:
    return sorted(
        (r.name, r.birth_date, r.group_name, r.phone)
        for r in (residents.get_resident(db, x.id) for x in residents.list_residents(db))
        if r.village_id == village_id
    )


def imported(db, village_id: int, path: Path) -> list[tuple[int, str]]:
    plan = read_residents(db, path, village_id)
    actions = [(r.row, r.action) for r in plan.preview.rows]
    if not plan.problems:
        apply_import(db, plan)
    return actions


def test_a_namesake_with_another_birth_date_is_another_person(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    v = world.village_id
    first = ["李秀英", "女", date(1948, 1, 1), "一组", ""]
    assert imported(workspace.db, v, sheet(tmp_path / "one.xlsx", [first])) == [(2, ACTION_NEW)]
    two = sheet(tmp_path / "two.xlsx", [first, ["李秀英", "女", date(1955, 5, 5), "三组", ""]])
    plan = read_residents(workspace.db, two, v)
    assert [(r.row, r.action) for r in plan.preview.rows] == [(2, ACTION_UPDATE), (3, ACTION_NEW)]
    assert any(
        w.text.startswith(
            "工作表“名册”第3行“姓名”：本村已登记同名村民“李秀英”（出生1948-01-01，一组）"
        )
        for w in plan.preview.warnings
    )
    apply_import(workspace.db, plan)
    assert people(workspace.db, v) == [
        ("李秀英", date(1948, 1, 1), "一组", ""),
        ("李秀英", date(1955, 5, 5), "三组", ""),
    ]
    # The same file again changes nothing: each row finds its own person.
    assert imported(workspace.db, v, two) == [(2, ACTION_UPDATE), (3, ACTION_UPDATE)]
    assert len(people(workspace.db, v)) == 2


def test_a_different_birth_date_never_overwrites(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    v = world.village_id
    residents.add_resident(
        workspace.db, ResidentData(v, "李秀英", birth_date=date(1948, 1, 1), group_name="一组")
    )
    row = ["李秀英", "女", date(1950, 2, 2), "一组", ""]
    assert imported(workspace.db, v, sheet(tmp_path / "a.xlsx", [row])) == [(2, ACTION_NEW)]
    assert people(workspace.db, v) == [
        ("李秀英", date(1948, 1, 1), "一组", ""),
        ("李秀英", date(1950, 2, 2), "一组", ""),
    ]


def test_a_row_fitting_two_residents_is_refused_not_added(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    v = world.village_id
    for born in (date(1950, 1, 1), date(1960, 1, 1)):
        residents.add_resident(workspace.db, ResidentData(v, "王芳", birth_date=born))
    path = sheet(tmp_path / "a.xlsx", [["王芳", "女", None, "", "13912345678"]])
    for _ in range(2):
        plan = read_residents(workspace.db, path, v)
        assert [r.action for r in plan.preview.rows] == [ACTION_ERROR]
        assert [p.text for p in plan.problems] == [
            "工作表“名册”第2行“姓名”：“王芳”没有身份证号，与已登记的2位同名村民"
            "（出生1950-01-01；出生1960-01-01）都对得上，无法确定是哪一位，"
            "请填写身份证号，或填写出生日期、村民小组以区分"
        ]
    assert len(people(workspace.db, v)) == 2
    dated = sheet(tmp_path / "b.xlsx", [["王芳", "女", date(1960, 1, 1), "", "13912345678"]])
    assert imported(workspace.db, v, dated) == [(2, ACTION_UPDATE)]
    assert people(workspace.db, v) == [
        ("王芳", date(1950, 1, 1), "", ""),
        ("王芳", date(1960, 1, 1), "", "13912345678"),
    ]


def test_two_rows_fitting_one_resident_are_refused(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    v = world.village_id
    residents.add_resident(workspace.db, ResidentData(v, "李秀英"))
    rows = [
        ["李秀英", "女", date(1948, 1, 1), "一组", ""],
        ["李秀英", "女", date(1955, 5, 5), "三组", ""],
    ]
    plan = read_residents(workspace.db, sheet(tmp_path / "a.xlsx", rows), v)
    assert [(r.row, r.action) for r in plan.preview.rows] == [(2, ACTION_UPDATE), (3, ACTION_ERROR)]
    assert [p.text for p in plan.problems] == [
        "工作表“名册”第3行“姓名”：与第2行都对应已登记的村民“李秀英”（未登记出生日期），"
        "无法确定是哪一行，请填写身份证号，或填写出生日期、村民小组以区分"
    ]


def test_two_new_rows_nothing_tells_apart_are_refused(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    v = world.village_id
    rows = [
        ["张三", "男", None, "一组", ""],
        ["张三", "男", None, "一组", ""],
        ["张三", "男", None, "二组", ""],
    ]
    plan = read_residents(workspace.db, sheet(tmp_path / "a.xlsx", rows), v)
    assert [r.action for r in plan.preview.rows] == [ACTION_NEW, ACTION_ERROR, ACTION_NEW]
    assert len(plan.problems) == 1
    assert plan.problems[0].text.startswith(
        "工作表“名册”第3行“姓名”：与第2行的“张三”都没有身份证号"
    )


def test_a_row_with_an_id_completes_the_resident_registered_without_one(
    workspace, tmp_path: Path
) -> None:
    world = make_world(workspace.db)
    v = world.village_id
    first = sheet(tmp_path / "a.xlsx", [["李秀英", "女", date(1948, 1, 1), "一组", ""]])
    assert imported(workspace.db, v, first) == [(2, ACTION_NEW)]
    book = Workbook()
    ws = book.active
    ws.title = "名册"
    ws.append(["姓名", "身份证号", "村民小组"])
    ws.append(["李秀英", id_number(date(1948, 1, 1), 22), "一组"])
    ws.append(["李秀英", id_number(date(1955, 5, 5), 24), "三组"])
    book.save(tmp_path / "b.xlsx")
    assert imported(workspace.db, v, tmp_path / "b.xlsx") == [(2, ACTION_UPDATE), (3, ACTION_NEW)]
    stored = sorted(
        (r.birth_date, r.id_number, r.group_name)
        for r in (
            residents.get_resident(workspace.db, x.id)
            for x in residents.list_residents(workspace.db)
        )
    )
    assert stored == [
        (date(1948, 1, 1), id_number(date(1948, 1, 1), 22), "一组"),
        (date(1955, 5, 5), id_number(date(1955, 5, 5), 24), "三组"),
    ]


def _stored(db) -> list[tuple[date | None, str | None, str]]:
    return sorted(
        (r.birth_date, r.id_number, r.group_name)
        for r in (residents.get_resident(db, x.id) for x in residents.list_residents(db))
    )


def test_the_old_list_without_ids_after_the_ids_were_added_doubles_nobody(
    workspace, tmp_path: Path
) -> None:
    """Once the IDs are registered, the old list without them matches the same people (by
    name and birth date) and keeps their ID numbers; nobody is added twice."""
    world = make_world(workspace.db)
    v = world.village_id
    old = sheet(tmp_path / "a.xlsx", [["甄测乙", "女", date(1952, 1, 1), "一组", ""]])
    assert imported(workspace.db, v, old) == [(2, ACTION_NEW)]
    book = Workbook()
    ws = book.active
    ws.title = "名册"
    ws.append(["姓名", "身份证号", "村民小组"])
    ws.append(["甄测乙", id_number(date(1952, 1, 1), 22), "一组"])
    book.save(tmp_path / "b.xlsx")
    assert imported(workspace.db, v, tmp_path / "b.xlsx") == [(2, ACTION_UPDATE)]
    assert imported(workspace.db, v, old) == [(2, ACTION_UPDATE)]
    assert _stored(workspace.db) == [(date(1952, 1, 1), id_number(date(1952, 1, 1), 22), "一组")]


def test_two_rows_with_different_ids_are_two_people(workspace, tmp_path: Path) -> None:
    """Two rows that both fit one resident registered without an ID, each with its own ID
    number: the first completes the resident, the second is another person (a warning)."""
    world = make_world(workspace.db)
    v = world.village_id
    old = sheet(tmp_path / "a.xlsx", [["甄测丁", "女", date(1960, 1, 1), "", ""]])
    assert imported(workspace.db, v, old) == [(2, ACTION_NEW)]
    book = Workbook()
    ws = book.active
    ws.title = "名册"
    ws.append(["姓名", "身份证号", "村民小组"])
    ws.append(["甄测丁", id_number(date(1960, 1, 1), 22), "一组"])
    ws.append(["甄测丁", id_number(date(1960, 1, 1), 42), "三组"])
    book.save(tmp_path / "b.xlsx")
    plan = read_residents(workspace.db, tmp_path / "b.xlsx", v)
    assert not plan.problems
    assert [(r.row, r.action) for r in plan.preview.rows] == [(2, ACTION_UPDATE), (3, ACTION_NEW)]
    assert any("本行身份证号不同，按另一人新增" in w.text for w in plan.preview.warnings)
    apply_import(workspace.db, plan)
    assert _stored(workspace.db) == [
        (date(1960, 1, 1), id_number(date(1960, 1, 1), 22), "一组"),
        (date(1960, 1, 1), id_number(date(1960, 1, 1), 42), "三组"),
    ]
