"""HR sheet import over a deliberately messy workbook: preview, all-or-nothing, updates."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from tests.roster_samples import ID_QIAN, ID_X, ID_ZHANG, messy_hr_workbook
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.roster import roster
from wenming_desktop.services.roster.roster_import import apply_import, plan_import
from wenming_desktop.services.workbooks.sheet_reader import ACTION_ERROR, ACTION_NEW, ACTION_UPDATE
from wenming_desktop.storage.models import AuditEntry, Department, Volunteer


def _count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Volunteer))


def test_messy_sheet_preview_lists_every_problem(workspace, tmp_path) -> None:
    plan = plan_import(workspace.db, messy_hr_workbook(tmp_path / "hr.xlsx"))
    actions = {r.row: r.action for r in plan.preview.rows}
    assert actions == {
        4: ACTION_NEW,
        5: ACTION_NEW,
        6: ACTION_NEW,
        7: ACTION_NEW,
        8: ACTION_ERROR,
        9: ACTION_ERROR,
    }
    texts = [p.text for p in plan.preview.problems]
    assert any(
        t.startswith("工作表“职工名册”第8行“身份证号码”：身份证号以数字格式保存") for t in texts
    )
    warnings = [p.text for p in plan.preview.warnings]  # an optional phone warns, never refuses
    assert any(t.startswith("工作表“职工名册”第9行“联系电话”：手机号") for t in warnings)
    assert any(t.startswith("工作表“职工名册”第9行“身份证号码”：身份证号") for t in texts)
    assert any(t.startswith("工作表“职工名册”第9行“出生年月”：日期") for t in texts)
    assert len(texts) == 3
    data = {d.staff_no: d for _row, d, _id in plan.records}
    assert data["1001"].id_number == ID_ZHANG and data["1001"].phone == "13812345678"
    assert data["1002"].id_number == ID_X and data["1002"].phone == "13812345679"
    assert data["1003"].name == "赵六" and data["1003"].birth_date.isoformat() == "1985-03-02"
    assert data["1004"].title == "主治医师" and data["1004"].id_number == ID_QIAN
    assert data["1002"].political_status == "群众" and data["1002"].position == "护士长"
    assert _count(workspace.db) == 0  # planning writes nothing


def test_all_or_nothing_and_skip_invalid(workspace, tmp_path) -> None:
    db = workspace.db
    plan = plan_import(db, messy_hr_workbook(tmp_path / "hr.xlsx"))
    with pytest.raises(UserError, match="没有导入任何数据"):
        apply_import(db, plan)
    assert _count(db) == 0
    result = apply_import(db, plan, skip_invalid=True)
    assert (result.added, result.updated, result.refused) == (4, 0, 2)
    assert _count(db) == 4
    with db.read() as s:
        assert set(s.scalars(select(Department.name))) == {"内科", "外科", "针灸科"}


def test_reimport_updates_instead_of_duplicating(workspace, tmp_path) -> None:
    db = workspace.db
    path = messy_hr_workbook(tmp_path / "hr.xlsx", with_bad_rows=False)
    assert apply_import(db, plan_import(db, path)).added == 4
    vid, _ = roster.find_by_staff_no(db, "1002")
    data = roster.get_volunteer(db, vid)
    roster.update_volunteer(db, vid, data.__class__(**{**data.__dict__, "registry_no": "X1"}))
    plan = plan_import(db, path)
    assert {r.action for r in plan.preview.rows} == {ACTION_UPDATE}
    result = apply_import(db, plan)
    assert (result.added, result.updated) == (0, 0)  # nothing changed
    assert _count(db) == 4
    assert roster.get_volunteer(db, vid).registry_no == "X1"  # not in the sheet: kept


def test_not_a_workbook(workspace, tmp_path) -> None:
    bogus = tmp_path / "名单.xlsx"
    bogus.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(UserError, match="文件已损坏或不完整"):
        plan_import(workspace.db, bogus)


def test_new_volunteers_are_complete_and_audited(workspace, tmp_path) -> None:
    """New rows go in with one executemany: every column the dialog would set, the search
    initials, the department, and one `import` audit entry naming each new volunteer."""
    db = workspace.db
    path = messy_hr_workbook(tmp_path / "hr.xlsx", with_bad_rows=False)
    apply_import(db, plan_import(db, path))
    with db.read() as s:
        people = {v.staff_no: v for v in s.scalars(select(Volunteer))}
        zhang = people["1001"]
        assert (zhang.name, zhang.pinyin_initials, zhang.gender) == ("张三丰", "zsf", "男")
        assert zhang.department.name == "内科" and zhang.political_status == "中共党员"
        assert zhang.birth_date.isoformat() == "1985-03-02" and zhang.active
        assert zhang.phone == "13812345678" and zhang.registered is False
        assert people["1003"].pinyin_initials == "zl" and people["1003"].id_number is None
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "volunteer")).all()
    assert [e.action for e in entries] == ["import"]  # new volunteers: the one import entry
    new = json.loads(entries[0].new_values)
    assert new["added"] == 4 and new["updated"] == 0
    assert {(n["id"], n["staff_no"], n["name"]) for n in new["new"]} == {
        (v.id, v.staff_no, v.name) for v in people.values()
    }
    assert [n["row"] for n in new["new"]] == [4, 5, 6, 7]


def test_changed_volunteers_get_an_update_entry_each(workspace, tmp_path) -> None:
    db = workspace.db
    path = messy_hr_workbook(tmp_path / "hr.xlsx", with_bad_rows=False)
    apply_import(db, plan_import(db, path))
    vid, _ = roster.find_by_staff_no(db, "1004")
    data = roster.get_volunteer(db, vid)
    roster.update_volunteer(db, vid, data.__class__(**{**data.__dict__, "title": "医师"}))
    result = apply_import(db, plan_import(db, path))  # the sheet says 主治医师 again
    assert (result.added, result.updated) == (0, 1)
    with db.read() as s:
        updates = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.entity_id == vid)
        ).all()
    assert json.loads(updates[-1].new_values) == {"title": "主治医师"}
