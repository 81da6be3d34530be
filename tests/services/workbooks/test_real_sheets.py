"""Real sheets read right: each kind of quirk in a generated workbook, imported, read back."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from tests import sheet_makers as make
from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.roster import VolunteerData
from wenming_desktop.services.checkups import resident_import
from wenming_desktop.services.roster import registry, roster_import
from wenming_desktop.services.roster.roster import add_volunteer
from wenming_desktop.storage.models import Resident, Volunteer

ID_A = id_number(date(1985, 3, 17), 11)
ID_B = id_number(date(1972, 4, 1), 12)


def imported(db: Any, path: Path) -> roster_import.RosterImportPlan:
    plan = roster_import.plan_import(db, path)
    roster_import.apply_import(db, plan, skip_invalid=True)
    return plan


def volunteers(db: Any) -> dict[str, Volunteer]:
    with db.read() as session:
        found = session.scalars(select(Volunteer)).all()
        session.expunge_all()
    return {v.staff_no or v.name: v for v in found}


def test_year_months_and_dates_in_every_form(workspace: Any, tmp_path: Path) -> None:
    rows = [
        [1, "T01", "甲", "", "内科", "", "", "1985.3.2"],
        [2, "T02", "乙", "", "内科", "", "", 19850302],
        [3, "T03", "丙", "", "内科", "", "", "1985-03-02 00:00:00"],
        [4, "T04", "丁", "", "内科", "", "", "85.03.02"],
        [5, "T05", "戊", "", "内科", "", "", 1985.03],  # a number: a year-month, not a serial
        [6, "T06", "己", "", "内科", "", "", "1985年3月"],
        [7, "T07", "庚", "", "内科", "", "", "198503"],
        [8, "T08", "辛", "", "内科", "", ID_A, 1985.03],  # the ID gives the day
        [9, "T09", "壬", "", "内科", "", ID_A[:-1] + "X", "1986.03"],  # refused: bad check digit
        [10, "T10", "癸", "", "内科", "", ID_B, "1972.05"],  # disagrees with the ID
        [11, "T11", "子", "", "内科", "", "", 31108],  # a general cell: never a serial
        [12, "T12", "丑", "", "内科", "", "", None],
    ]
    path = make.hr_book(tmp_path / "日期.xlsx", rows)
    book = __import__("openpyxl").load_workbook(path)
    book.active["H14"].number_format = "yyyy-mm-dd"  # row 12: an out-of-range date cell
    book.active["H14"] = 3_000_000
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl's own warning must not leak
        plan = imported(workspace.db, path)
    stored = volunteers(workspace.db)
    for staff in ("T01", "T02", "T03", "T04"):
        assert stored[staff].birth_date == date(1985, 3, 2), staff
    for staff in ("T05", "T06", "T07"):
        # a year-month is stored as one (the 1st, precision month), never put into the notes
        assert stored[staff].birth_date == date(1985, 3, 1), staff
        assert stored[staff].birth_precision == "month" and "出生" not in stored[staff].notes
    assert stored["T01"].birth_precision == "day"
    assert stored["T08"].birth_date == date(1985, 3, 17)
    refused = {p.row: p for p in plan.preview.problems}
    assert set(refused) == {11, 12, 13, 14}
    assert "不一致" in refused[12].reason
    assert "无法识别日期“31108”" in refused[13].reason
    assert "########" in refused[14].reason and refused[14].column == "出生年月"
    assert not {"T09", "T10", "T11", "T12"} & set(stored)


def test_escapes_invisible_characters_and_names(workspace: Any, tmp_path: Path) -> None:
    rows = [
        [1, "T100ESC", "赵测一ESC", "女", "内科ESC", "13900000000", "", ""],
        [2, "T101\u200b", "王 䶮", "男", "\ufeff外科", "13900000001", "", ""],
        [3, "T102", "张  𠮷", "男", "外科", "", "", ""],
        [4, "T103", "买买提•艾力", "男", "外科", "", "", ""],
    ]
    path = make.hr_book(tmp_path / "转义.xlsx", rows)
    make.replace_in_strings(path, "ESC", "_x000D_\n")
    imported(workspace.db, path)
    stored = volunteers(workspace.db)
    assert set(stored) == {"T100", "T101", "T102", "T103"}
    assert stored["T100"].name == "赵测一"
    with workspace.db.read() as session:
        from wenming_desktop.storage.models import Department

        departments = set(session.scalars(select(Department.name)))
    assert "内科" in departments and not any("\r" in d or "_x" in d for d in departments)
    assert stored["T101"].name == "王䶮"
    assert stored["T102"].name == "张𠮷"
    assert stored["T103"].name == "买买提·艾力"


def test_placeholders_phones_and_id_numbers_as_numbers(workspace: Any, tmp_path: Path) -> None:
    rows = [
        [1, "T1", "甲", "无", "—", "无", 230402197204011553, ""],  # exact 18-digit integer
        [2, "T2", "乙", "/", "内科", "(+86)139-0000-0024", "", ""],
        [3, "T3", "丙", "", "内科", "13900000030、0451-86661234", "", ""],
        [4, "T4", "丁", "", "内科", "0451-86661234", "", ""],
        [5, "T5", "戊", "", "内科", "1390000003", "", ""],  # broken mobile: a warning
        [6, "T6", "己", "", "内科", "", 2.30402197204011e17, ""],  # digits lost: refused
    ]
    path = make.hr_book(tmp_path / "电话.xlsx", rows)
    # openpyxl writes a big integer as a float; HR systems write its digits: <v>2304…553</v>
    make.replace_in_strings(path, "<v>2.304021972040116e+17</v>", "<v>230402197204011553</v>")
    plan = imported(workspace.db, path)
    stored = volunteers(workspace.db)
    assert stored["T1"].id_number == "230402197204011553" and stored["T1"].phone == ""
    assert stored["T1"].gender == "男" and stored["T1"].department_id is None
    assert stored["T2"].phone == "13900000024"
    assert stored["T3"].phone == "13900000030" and "0451-86661234" in stored["T3"].notes
    assert stored["T4"].phone == "" and "0451-86661234" in stored["T4"].notes
    assert stored["T5"].phone == "" and "1390000003" in stored["T5"].notes
    assert [w.row for w in plan.preview.warnings] == [7]
    assert [(p.row, p.column) for p in plan.preview.problems] == [(8, "身份证号")]
    assert "数字格式" in plan.preview.problems[0].reason


def test_hidden_sheets_hidden_rows_footer_and_far_columns(workspace: Any, tmp_path: Path) -> None:
    book = Workbook()
    old = book.active
    old.title = "旧名单"
    old.append(["工号", "姓名"])
    old.append(["OLD", "旧人"])
    old.sheet_state = "hidden"
    gone = book.create_sheet("更旧")
    gone.append(["工号", "姓名"])
    gone.sheet_state = "veryHidden"
    current = book.create_sheet("在职")
    far = 250  # the ID column beyond column 200
    current.append(["序号", "工号", "姓名"])
    current.cell(1, far, "身份证号")
    people = [("T1", "甲", ID_A), ("T2", "乙", ID_B), ("T3", "丙", "")]
    for i, (staff, name, number) in enumerate(people, start=2):
        current.append([i - 1, staff, name])
        current.cell(i, far, number)
    current.append(["合计", None, "3人"])
    current.append(["制表人：张某", None, None])
    current.append(["填表说明：工号必须填写，身份证号请设为文本格式，出生年月按 1985.03 填写"])
    current.merge_cells(f"A7:{get_column_letter(far)}9")
    path = tmp_path / "在职.xlsx"
    book.save(path)
    make.hide_rows(path, [3], "xl/worksheets/sheet3.xml")  # the visible sheet's part
    plan = imported(workspace.db, path)
    facts = plan.preview.facts
    assert facts.sheet == "在职" and facts.ignored_sheets == ["旧名单", "更旧"]
    assert facts.hidden_rows == [3]
    assert [r for r, _t in facts.skipped] == [5, 6, 7]
    assert plan.preview.problems == []
    assert [r.hidden for r in plan.preview.rows] == [False, True, False]
    stored = volunteers(workspace.db)
    assert set(stored) == {"T1", "T2", "T3"}
    assert stored["T1"].id_number == ID_A and stored["T1"].birth_date == date(1985, 3, 17)
    lines = plan.preview.summary_lines()
    assert lines[0].startswith("读取工作表：“在职”") and "旧名单" in lines[0]
    assert "跳过表尾/说明 3 行" in lines[2] and "隐藏行 1 行" in lines[3]


def test_a_hidden_sheet_is_read_only_when_no_visible_one_has_the_header(
    workspace: Any, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.title = "封面"
    book.active.append(["某医院职工花名册"])
    data = book.create_sheet("数据")
    data.append(["工号", "姓名"])
    data.append(["T9", "甲"])
    data.sheet_state = "hidden"
    book.save(tmp_path / "a.xlsx")
    plan = roster_import.plan_import(workspace.db, tmp_path / "a.xlsx")
    assert plan.preview.facts.sheet == "数据"
    assert "隐藏的工作表" in plan.preview.warnings[0].reason


@pytest.mark.parametrize("kind", ["strict", "case", "backslash", "all"])
def test_packages_excel_opens(workspace: Any, tmp_path: Path, kind: str) -> None:
    path = make.hr_book(tmp_path / "包.xlsx", [[1, "T1", "赵测一", "男", "内科", "", ID_A, ""]])
    if kind in ("strict", "all"):
        make.to_strict(path)
    if kind in ("case", "all"):
        make.rename_parts(
            path,
            {"xl/sharedStrings.xml": "xl/SharedStrings.xml", "xl/workbook.xml": "XL/Workbook.xml"},
        )
    if kind in ("backslash", "all"):
        make.with_backslashes(path)
    imported(workspace.db, path)
    stored = volunteers(workspace.db)["T1"]
    assert (stored.name, stored.id_number, stored.gender) == ("赵测一", ID_A, "男")


def test_xls_with_a_hidden_old_list(workspace: Any, tmp_path: Path) -> None:
    header = ["工号", "姓名", "出生日期", "身份证号", "手机"]
    path = make.xls_book(
        tmp_path / "花名册.xls",
        [
            ("旧名单", False, [header, ["OLD", "旧人", None, None, None]]),
            (
                "在职",
                True,
                [
                    header,
                    ["T1", "甲", date(1985, 3, 17), ID_A, 13900000001],
                    ["T2", "乙", 1985.03, None, "无"],
                    ["合计", "2人", None, None, None],
                ],
            ),
        ],
    )
    et = path.with_suffix(".et")
    et.write_bytes(path.read_bytes())  # WPS saves the same format under .et
    for source in (path, et):
        plan = roster_import.plan_import(workspace.db, source)
        assert plan.preview.facts.sheet == "在职" and plan.preview.facts.file_kind == "xls"
        assert [r for r, _t in plan.preview.facts.skipped] == [4]
    roster_import.apply_import(workspace.db, plan)
    stored = volunteers(workspace.db)
    assert set(stored) == {"T1", "T2"}
    assert stored["T1"].birth_date == date(1985, 3, 17) and stored["T1"].phone == "13900000001"
    assert (stored["T2"].birth_date, stored["T2"].birth_precision) == (date(1985, 3, 1), "month")


def test_ods_resident_list(workspace: Any, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    a = id_number(date(1950, 1, 2), 11)
    path = make.ods_book(
        tmp_path / "村民.ods",
        [
            ["姓名", "性别", "身份证号码", "联系电话", "重点人群"],
            ["王 䶮", "男性", a, "0468-7654321", "空巢老人、五保户"],
            ["李四", "女", "无", "/", ""],
        ],
    )
    plan = resident_import.read_residents(workspace.db, path, world.village_id)
    assert plan.problems == [] and plan.preview.facts.sheet == "在职"
    resident_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        rows = {r.name: r for r in session.scalars(select(Resident))}
        first, second = rows["王䶮"], rows["李四"]
        assert (first.gender, first.id_number, first.phone) == ("男", a, "0468-7654321")
        assert first.left_behind_elderly and first.needy
        assert (second.id_number, second.phone) == (None, "")


def test_staff_number_that_lost_its_leading_zero(workspace: Any, tmp_path: Path) -> None:
    vid = add_volunteer(workspace.db, VolunteerData(name="甲", staff_no="04160", id_number=ID_A))
    plan = imported(
        workspace.db,
        make.hr_book(tmp_path / "工号.xlsx", [[1, 4160, "甲", "", "内科", "", "", ""]]),
    )
    assert plan.preview.rows[0].action == "更新"
    assert "04160" in plan.preview.warnings[0].reason
    stored = volunteers(workspace.db)
    assert set(stored) == {"04160"} and stored["04160"].id == vid


def test_registry_export_with_date_times_hours_in_words_and_masks(
    workspace: Any, tmp_path: Path
) -> None:
    db = workspace.db
    for name, s, n, p in [
        ("陈宝", "1", id_number(date(1975, 1, 23), 206), "15851095659"),
        ("孙桂", "2", id_number(date(1991, 2, 5), 623), "15008411080"),
        ("程海玉", "3", id_number(date(1988, 2, 23), 764), "15867979741"),
        ("同名", "4", id_number(date(1980, 1, 1), 101), "13900000001"),
        ("同名", "5", id_number(date(1980, 1, 1), 111), "13900000011"),
    ]:
        add_volunteer(db, VolunteerData(name=name, staff_no=s, id_number=n, phone=p))
    book = Workbook()
    sheet = book.active
    sheet.append(["志愿者信息"])
    sheet.append(
        ["序号", "姓名", "证件号码", "手机号码", "志愿者编号", "注册时间", "服务时长(小时)"]
    )
    sheet.append([1, "陈宝", "", "15851095659", "A1", "2019-03-12 10:23:45", "12小时30分钟"])
    sheet.append([2, "孙桂", "", "158****5659", "A2", "2019/3/12 10:23", "1,234.5"])  # masked
    cheng = id_number(date(1988, 2, 23), 764)
    masked = cheng[:6] + "*" * 8 + cheng[-4:]
    sheet.append([3, "程海玉", masked, "", "A3", "去年", "--"])  # a bad date, a masked ID
    sheet.append([4, "同名", "23042119800101****", "", "A4", "2020-01-01", "12.5小时"])
    book.save(tmp_path / "导出.xlsx")
    report = registry.plan_registry(db, tmp_path / "导出.xlsx")
    matched = {m.name: m for m in report.matched}
    assert matched["陈宝"].registered_on == date(2019, 3, 12)
    assert matched["陈宝"].registry_minutes == 750
    assert "程海玉" in matched and matched["程海玉"].registered_on is None
    assert [p.column for p in report.problems] == ["注册时间"]
    assert [o.name for o in report.not_on_roster] == ["孙桂"]  # 158****5659 is not his
    assert [a.name for a in report.ambiguous] == ["同名"]
    assert [c[1] for c in report.ambiguous[0].candidates] == ["4", "5"]
    assert {name for _i, name, _s, _d in report.not_registered} == {"孙桂"}
    registry.apply_registry(db, report)
    stored = volunteers(db)
    assert stored["1"].registered and stored["1"].registry_minutes == 750
    assert not stored["4"].registered and not stored["5"].registered


def test_not_a_workbook_message_is_still_chinese(workspace: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.xls"
    path.write_text("姓名,工号\n", encoding="utf-8")
    with pytest.raises(UserError, match="文本文件"):
        roster_import.plan_import(workspace.db, path)
