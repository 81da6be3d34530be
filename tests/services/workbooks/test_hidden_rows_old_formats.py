"""Rows hidden by a filter in .xls / WPS .et and .ods sheets are marked in the preview like
.xlsx rows (calamine does not expose them; services/workbooks/hidden_rows.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests import sheet_makers as make
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.roster import roster_import
from wenming_desktop.services.workbooks.hidden_rows import hidden_rows

HEADER = ["工号", "姓名", "性别"]
PEOPLE = [["H1", "甲", "男"], ["H2", "乙", "女"], ["H3", "丙", "男"], ["H4", "丁", "女"]]


def _marked(plan: roster_import.RosterImportPlan) -> list[int]:
    return [r.row for r in plan.preview.rows if r.hidden]


def test_xls_and_et_filter_hidden_rows_are_marked(workspace: Any, tmp_path: Path) -> None:
    rows = [["职工花名册"], HEADER, *PEOPLE]  # people on Excel rows 3–6
    path = make.xls_book(tmp_path / "名册.xls", [("在职", True, rows)], {"在职": [4, 6]})
    et = path.with_suffix(".et")
    et.write_bytes(path.read_bytes())
    for source in (path, et):
        plan = roster_import.plan_import(workspace.db, source)
        assert _marked(plan) == [4, 6], source.name
        assert plan.preview.facts.hidden_rows == [4, 6]
        assert any("隐藏行 2 行" in line for line in plan.preview.summary_lines())
    roster_import.apply_import(workspace.db, plan)  # hidden rows are still read (and imported)
    plain = make.xls_book(tmp_path / "无隐藏.xls", [("在职", True, rows)])
    assert _marked(roster_import.plan_import(workspace.db, plain)) == []


def _ods(path: Path, hidden: dict[int, str], repeated_blank_at: int) -> Path:
    """Title, header, people; `hidden` maps a person's index to its table:visibility; two
    empty rows written as one row repeated twice come before person `repeated_blank_at`."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="在职")

    def add(values: list[str], **attributes: Any) -> None:
        row = TableRow(**attributes)
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)

    add(["职工花名册"])
    add(HEADER)
    for i, person in enumerate(PEOPLE):
        if i == repeated_blank_at:
            blank = TableRow(numberrowsrepeated=2)
            blank.addElement(TableCell())
            table.addElement(blank)
        add(person, **({"visibility": hidden[i]} if i in hidden else {}))
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_ods_filter_and_collapsed_rows_are_marked(workspace: Any, tmp_path: Path) -> None:
    # rows: 1 title, 2 header, 3 甲, 4–5 blank (repeated), 6 乙 (filter), 7 丙, 8 丁 (collapse)
    path = _ods(tmp_path / "名册.ods", {1: "filter", 3: "collapse"}, repeated_blank_at=1)
    plan = roster_import.plan_import(workspace.db, path)
    assert [r.values[1] for r in plan.preview.rows] == ["甲", "乙", "丙", "丁"]
    assert _marked(plan) == [6, 8]
    assert plan.preview.facts.hidden_rows == [6, 8]


def test_ods_hidden_rows_stop_at_the_sheet_and_the_limit(tmp_path: Path) -> None:
    path = _ods(tmp_path / "名册.ods", {0: "filter", 3: "filter"}, repeated_blank_at=2)
    assert hidden_rows(path, "ods", "在职", limit=100) == [3, 8]
    assert hidden_rows(path, "ods", "在职", limit=5) == [3]
    assert hidden_rows(path, "ods", "另一个表", limit=100) == []
    assert hidden_rows(path, "xlsb", "在职", limit=100) == []


def test_ods_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    path = _ods(tmp_path / "名册.ods", {0: "filter"}, repeated_blank_at=9)
    bad = tmp_path / "实体.ods"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "content.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            target.writestr(item, data)
    with pytest.raises(UserError, match="实体"):
        hidden_rows(bad, "ods", "在职", limit=100)


def test_a_damaged_xls_gives_no_hidden_rows(tmp_path: Path) -> None:
    path = tmp_path / "坏.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert hidden_rows(path, "xls", "在职", limit=100) == []
