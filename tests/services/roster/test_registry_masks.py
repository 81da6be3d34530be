"""A registry export masked in other ways: x for digits, full-width or round marks, shortened
masks, masked names: matched on what is visible, several fits listed for the clerk."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.checkup_support import id_number
from wenming_desktop.domain.roster import VolunteerData
from wenming_desktop.services.roster import registry
from wenming_desktop.services.roster.roster import add_volunteer

PEOPLE = [
    ("陈宝", "1", id_number(date(1975, 1, 23), 206), "15851095659"),
    ("孙桂", "2", id_number(date(1991, 2, 5), 623), "15008411080"),
    ("程海玉", "3", id_number(date(1988, 2, 23), 764), "15867979741"),
    ("欧阳明", "4", id_number(date(1980, 1, 1), 101), "13900000001"),
    ("欧阳亮", "5", id_number(date(1980, 1, 2), 111), "13900000011"),
    ("丁明娜", "6", id_number(date(1998, 6, 12), 833), "13883016452"),
]


def test_other_masks_match_on_the_visible_digits(workspace: Any, tmp_path: Path) -> None:
    db = workspace.db
    for name, staff, number, phone in PEOPLE:
        add_volunteer(db, VolunteerData(name=name, staff_no=staff, id_number=number, phone=phone))
    cheng, ding = PEOPLE[2][2], PEOPLE[5][2]
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "证件号码", "手机号码", "志愿者编号"])
    sheet.append([1, "陈宝", "", "158xxxx5659", "A1"])  # x for the hidden digits
    sheet.append([2, "孙桂", "", "１５０＊＊＊＊１０８０", "A2"])  # full-width
    sheet.append([3, "程海玉", cheng[:4] + "**" + cheng[-4:], "", "A3"])  # a shortened mask
    sheet.append([4, "欧阳*", "", "139●●●●0001", "A4"])  # a masked name and round marks
    sheet.append([5, "欧阳*", "23042119800******", "", "A5"])  # fits both 欧阳
    sheet.append([6, "丁*娜", ding[:6] + "X" * 8 + ding[-4:], "", "A6"])
    book.save(tmp_path / "导出.xlsx")
    report = registry.plan_registry(db, tmp_path / "导出.xlsx")
    matched = {m.name: m.registry_no for m in report.matched}
    assert matched == {
        "陈宝": "A1",
        "孙桂": "A2",
        "程海玉": "A3",
        "欧阳明": "A4",
        "丁明娜": "A6",
    }
    assert [(a.row, [c[1] for c in a.candidates]) for a in report.ambiguous] == [(6, ["4", "5"])]
    assert not report.not_on_roster and not report.problems
