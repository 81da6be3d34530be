"""A year-month birth without an ID number (出生年月 1985.03) is stored as a year-month: read
back from the database, the import preview, the ledgers; with an ID the ID's full date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from tests import sheet_makers as make
from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.services.checkups import checkups, resident_import
from wenming_desktop.services.checkups.checkup_exports import export_checkup_ledger
from wenming_desktop.services.roster import roster_import
from wenming_desktop.services.roster.roster_exports import export_roster
from wenming_desktop.storage.models import Resident, Volunteer

# The four ways an HR or village sheet writes March 1985 (the number is typed into a general
# cell; Excel shows it as 1985.03 only with two decimals, but the stored value is 1985.03).
FORMS: list[Any] = [1985.03, "1985.3", "1985年3月", "198503"]
ID_MARCH = id_number(date(1985, 3, 17), 11)


def _ledger_column(path: Path, sheet: str, title: str) -> list[Any]:
    book = load_workbook(path)
    rows = [[c.value for c in row] for row in book[sheet].iter_rows()]
    col = rows[2].index(title)
    return [r[col] for r in rows[3:] if r[0] is not None]


def test_volunteers_year_month_stored_shown_and_exported(workspace: Any, tmp_path: Path) -> None:
    rows = [
        [i + 1, f"Y{i}", f"员工{'甲乙丙丁'[i]}", "", "内科", "", "", f] for i, f in enumerate(FORMS)
    ]
    rows.append([5, "Y4", "员工戊", "", "内科", "", ID_MARCH, "1985.03"])  # the ID decides the day
    path = make.hr_book(tmp_path / "出生年月.xlsx", rows)
    plan = roster_import.plan_import(workspace.db, path)
    assert not plan.preview.problems and not plan.preview.warnings
    birth_col = plan.preview.columns.index("出生日期")
    shown = [r.values[birth_col] for r in plan.preview.rows]
    assert shown == ["1985-03"] * 4 + ["1985-03-17"]
    roster_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        stored = {
            v.staff_no: (v.birth_date, v.birth_precision, v.notes)
            for v in session.scalars(select(Volunteer))
        }
    for i in range(4):
        assert stored[f"Y{i}"] == (date(1985, 3, 1), "month", ""), FORMS[i]
    assert stored["Y4"] == (date(1985, 3, 17), "day", "")
    ledger = tmp_path / "花名册.xlsx"
    export_roster(workspace.db, ledger)
    assert _ledger_column(ledger, "志愿者花名册", "出生日期") == ["1985-03"] * 4 + ["1985-03-17"]


def _resident_sheet(path: Path, births: list[Any], ids: list[str]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "东兴村名册"
    sheet.append(["序号", "姓名", "身份证号码", "出生年月", "所在组"])
    for i, (birth, number) in enumerate(zip(births, ids, strict=True)):
        sheet.append([i + 1, f"村民{'甲乙丙丁戊'[i]}", number, birth, "第1组"])
    book.save(path)
    return path


def test_residents_year_month_stored_shown_and_exported(workspace: Any, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    path = _resident_sheet(tmp_path / "村民.xlsx", [*FORMS, "1985.03"], ["", "", "", "", ID_MARCH])
    plan = resident_import.read_residents(workspace.db, path, world.village_id)
    assert not plan.problems and not plan.preview.warnings
    birth_col = plan.preview.columns.index("出生日期")
    assert [r.values[birth_col] for r in plan.preview.rows] == ["1985-03"] * 4 + ["1985-03-17"]
    resident_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        stored = {
            r.name: (r.birth_date, r.birth_precision, r.notes, r.id)
            for r in session.scalars(select(Resident))
        }
    for name in ("村民甲", "村民乙", "村民丙", "村民丁"):
        assert stored[name][:3] == (date(1985, 3, 1), "month", ""), name
    assert stored["村民戊"][:3] == (date(1985, 3, 17), "day", "")
    for name in ("村民甲", "村民戊"):
        checkups.save_checkup(workspace.db, CheckupData(stored[name][3], world.day))
    ledger = tmp_path / "台账.xlsx"
    export_checkup_ledger(workspace.db, ledger, world.day.year)
    assert sorted(_ledger_column(ledger, "健康体检台账", "出生日期")) == ["1985-03", "1985-03-17"]


def test_a_second_import_without_birth_keeps_the_year_month(workspace: Any, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    first = _resident_sheet(tmp_path / "一.xlsx", ["1985年3月"], [""])
    resident_import.apply_import(
        workspace.db, resident_import.read_residents(workspace.db, first, world.village_id)
    )
    again = _resident_sheet(tmp_path / "二.xlsx", [None], [""])
    resident_import.apply_import(
        workspace.db, resident_import.read_residents(workspace.db, again, world.village_id)
    )
    with workspace.db.read() as session:
        found = session.execute(select(Resident.birth_date, Resident.birth_precision)).one()
    assert tuple(found) == (date(1985, 3, 1), "month")


def test_a_year_month_that_disagrees_with_the_id_is_refused(workspace: Any, tmp_path: Path) -> None:
    path = make.hr_book(
        tmp_path / "不一致.xlsx", [[1, "Z1", "员工", "", "", "", ID_MARCH, "1985.04"]]
    )
    plan = roster_import.plan_import(workspace.db, path)
    assert [p.column for p in plan.preview.problems] == ["出生年月"]
    assert "1985-04与身份证号中的1985-03-17不一致" in plan.preview.problems[0].reason


def test_an_unreadable_birth_cell_with_an_id_warns_and_takes_the_id(
    workspace: Any, tmp_path: Path
) -> None:
    rows = [
        [1, "W1", "有证", "", "", "", ID_MARCH, "1985年"],  # a year alone: the ID decides
        [2, "W2", "无证", "", "", "", "", "1985年"],  # nothing to decide with: refused
    ]
    plan = roster_import.plan_import(workspace.db, make.hr_book(tmp_path / "年份.xlsx", rows))
    assert [(p.row, p.column) for p in plan.preview.problems] == [(4, "出生年月")]
    assert [(w.row, w.column) for w in plan.preview.warnings] == [(3, "出生年月")]
    assert "只有年份" in plan.preview.warnings[0].reason
    assert "已按身份证号记出生日期" in plan.preview.warnings[0].reason
    roster_import.apply_import(workspace.db, plan, skip_invalid=True)
    with workspace.db.read() as session:
        found = session.execute(select(Volunteer.staff_no, Volunteer.birth_date)).all()
    assert [tuple(f) for f in found] == [("W1", date(1985, 3, 17))]


def test_a_date_cell_formatted_as_a_year_month(workspace: Any, tmp_path: Path) -> None:
    """Typing 1985-3 into Excel stores 1985-03-01 shown as 1985年3月: a year-month, not the 1st;
    a day other than the 1st behind such a format is a known day and kept."""
    rows = [
        [1, "F1", "甲", "", "", "", "", date(1985, 3, 1)],
        [2, "F2", "乙", "", "", "", "", date(1985, 3, 1)],
        [3, "F3", "丙", "", "", "", "", date(1985, 3, 1)],
        [4, "F4", "丁", "", "", "", "", date(1985, 3, 15)],
        [5, "F5", "戊", "", "", "", "", date(1985, 3, 1)],
    ]
    path = make.hr_book(tmp_path / "格式.xlsx", rows)
    book = load_workbook(path)
    formats = ["yyyy.mm", 'yyyy"年"m"月"', "mmm-yy", "yyyy.mm", "yyyy-mm-dd"]
    for row, number_format in enumerate(formats, start=3):
        book.active.cell(row, 8).number_format = number_format
    book.save(path)
    plan = roster_import.plan_import(workspace.db, path)
    assert not plan.preview.problems
    roster_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        got = {
            v.staff_no: (v.birth_date, v.birth_precision)
            for v in session.scalars(select(Volunteer))
        }
    month = (date(1985, 3, 1), "month")
    assert got == {
        "F1": month,
        "F2": month,
        "F3": month,
        "F4": (date(1985, 3, 15), "day"),
        "F5": (date(1985, 3, 1), "day"),
    }
