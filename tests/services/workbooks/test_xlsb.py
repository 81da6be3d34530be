"""An .xlsb (Excel binary workbook) HR list, written by pyxlsbwriter: read by calamine like the
other formats — visible sheet chosen over a hidden old list, footer skipped, values cleaned."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from wenming_desktop.services.roster import roster_import
from wenming_desktop.storage.models import Volunteer


def _xlsb(path: Path) -> Path:
    from pyxlsbwriter import XlsbWriter

    width = 5
    rows: list[list[Any]] = [
        ["职工花名册"],
        ["工号", "姓名", "性别", "出生年月", "手机号码"],
        ["B1", "张 三", "男", 1985.03, "无"],
        ["B2", "李四", "女", "198503", "+86 139-0000-0001"],
        ["合计", "2人"],
    ]
    with XlsbWriter(str(path)) as book:
        book.add_sheet("旧名单", hidden=True)
        book.write_sheet([["工号", "姓名", "性别"], ["OLD1", "旧人", "男"]])
        book.add_sheet("在职")
        book.write_sheet([row + [None] * (width - len(row)) for row in rows])
    return path


def test_xlsb_hr_list(workspace: Any, tmp_path: Path) -> None:
    plan = roster_import.plan_import(workspace.db, _xlsb(tmp_path / "名册.xlsb"))
    facts = plan.preview.facts
    assert (facts.sheet, facts.file_kind, facts.ignored_sheets) == ("在职", "xlsb", ["旧名单"])
    assert [r for r, _t in facts.skipped] == [5]
    assert not plan.preview.problems and not plan.preview.warnings
    roster_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        stored = {v.staff_no: v for v in session.scalars(select(Volunteer))}
        got = {k: (v.name, v.phone, v.birth_date, v.birth_precision) for k, v in stored.items()}
    assert got == {
        "B1": ("张三", "", date(1985, 3, 1), "month"),
        "B2": ("李四", "13900000001", date(1985, 3, 1), "month"),
    }
