"""The blank HR template: what it writes is what the HR import reads back."""

from __future__ import annotations

from openpyxl import load_workbook
from sqlalchemy import text

from wenming_desktop.services.roster import roster_import
from wenming_desktop.services.roster.templates import write_hr_template


def test_filled_template_imports(workspace, tmp_path):
    path = write_hr_template(tmp_path / "模板.xlsx")
    book = load_workbook(path)
    sheet = book["志愿者名单"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["姓名", "性别", "工号"]
    assert "填写说明" in book.sheetnames
    by_header = {h: i + 1 for i, h in enumerate(headers)}
    assert sheet.cell(row=2, column=by_header["身份证号"]).number_format == "@"
    # a clerk fills two people, digits typed as text
    for row, values in (
        (2, {"姓名": "张三", "工号": "0416", "科室": "内科", "手机": "13800138000"}),
        (3, {"姓名": "李四", "工号": "0417", "科室": "针灸科", "身份证号": "11010519491231002X"}),
    ):
        for header, value in values.items():
            sheet.cell(row=row, column=by_header[header], value=value)
    filled = tmp_path / "填好的.xlsx"
    book.save(filled)
    plan = roster_import.plan_import(workspace.db, filled)
    assert not plan.has_problems
    roster_import.apply_import(workspace.db, plan)
    with workspace.db.read() as session:
        rows = session.execute(text("SELECT staff_no, name FROM volunteer ORDER BY staff_no")).all()
    assert [tuple(r) for r in rows] == [("0416", "张三"), ("0417", "李四")]
