"""Packages whose part names differ in letter case from how they are referred to — directories
(`XL/Worksheets/`), relationships parts (`xl/_rels/Workbook.xml.rels`), with Strict namespaces
and backslashes at once — import with the right values, dry run and real."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests import sheet_makers as make
from wenming_desktop.services.roster import roster_import
from wenming_desktop.storage.models import Volunteer

ROWS = [
    [1, "P1", "张三", "男", "内科", "13900000001", "", "1985.03"],
    [2, "P2", "李四", "女", "外科", "无", "", "1990-01-02"],
    ["合计", "2人"],
]


def _upper_dirs(path: Path) -> Path:
    return make.rewrite(
        path, lambda n, d: (n.replace("xl/", "XL/").replace("worksheets/", "Worksheets/"), d)
    )


def _rels_and_strict(path: Path) -> Path:
    def rename(name: str, data: bytes) -> tuple[str, bytes]:
        name = name.replace("xl/_rels/workbook.xml.rels", "xl/_rels/Workbook.xml.rels")
        return name.replace("docProps/", "DocProps/").replace(
            "xl/styles.xml", "xl/Styles.xml"
        ), data

    return make.with_backslashes(make.rewrite(make.to_strict(path), rename))


@pytest.mark.parametrize("variant", [_upper_dirs, _rels_and_strict])
def test_case_differing_part_names(
    workspace: Any, tmp_path: Path, variant: Callable[[Path], Path]
) -> None:
    path = variant(make.hr_book(tmp_path / "名册.xlsx", ROWS))
    plan = roster_import.plan_import(workspace.db, path)
    assert not plan.preview.problems and [r for r, _t in plan.preview.facts.skipped] == [5]
    roster_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        got = {
            v.staff_no: (v.name, v.birth_date, v.birth_precision, v.phone)
            for v in session.scalars(select(Volunteer))
        }
    assert got == {
        "P1": ("张三", date(1985, 3, 1), "month", "13900000001"),
        "P2": ("李四", date(1990, 1, 2), "day", ""),
    }
