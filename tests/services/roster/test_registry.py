"""Reconciliation with the national volunteer system's roster export."""

from __future__ import annotations

from datetime import datetime

from openpyxl import load_workbook

from tests.roster_samples import ID_ZHANG, registry_workbook, small_roster
from wenming_desktop.services.roster import registry, roster


def test_reconcile_and_mark_registered(workspace, tmp_path) -> None:
    db = workspace.db
    ids = small_roster(db)
    path = registry_workbook(
        tmp_path / "系统导出.xlsx",
        [
            ("张三丰", "", ID_ZHANG.lower(), "NEW-1", "2021-05-01", "110"),  # same hours
            ("李四", "13812345679", "", "R2", datetime(2020, 1, 2), 12.5),  # differs
            ("王五", "", "", "R3", "2022/3/4", 0),  # by unique name
            ("外人", "13900000000", "", "R9", "", 3),  # not on the roster
            ("坏行", "123", "", "R10", "", "很多"),  # unreadable cells
        ],
    )
    report = registry.plan_registry(db, path)
    assert [m.name for m in report.matched] == ["张三丰", "李四", "王五"]
    # a row with unreadable cells is reported, not dropped
    assert [o.name for o in report.not_on_roster] == ["外人", "坏行"]
    assert report.not_registered == []
    assert [(m.name, m.registry_minutes, m.our_minutes) for m in report.hours_differ] == [
        ("李四", 750, 600)
    ]
    assert {p.text.split("：")[0] for p in report.problems} == {
        "工作表“志愿者列表”第7行“手机号码”",
        "工作表“志愿者列表”第7行“服务时长（小时）”",
    }
    out = tmp_path / "差异.xlsx"
    assert registry.export_differences(report, out, "测试中医院") == 3
    rows = [[c.value for c in r] for r in load_workbook(out).worksheets[0].iter_rows()]
    assert rows[0][0] == "测试中医院\n志愿者注册核对差异表"  # split: broken between parts
    assert rows[3][:3] == [1, registry.NOT_ON_ROSTER, "外人"] and rows[3][5] == "139****0000"
    assert rows[4][1:3] == [registry.NOT_ON_ROSTER, "坏行"]
    assert rows[5][1:4] == [registry.HOURS_DIFFER, "李四", "1002"]
    assert rows[5][8:11] == [12.5, 10, 2.5]
    before = roster.get_volunteer(db, ids["王五"])
    assert not before.registered
    assert registry.apply_registry(db, report) == 3
    wang = roster.get_volunteer(db, ids["王五"])
    assert wang.registered and wang.registry_no == "R3"
    assert wang.registered_on.isoformat() == "2022-03-04"
    assert roster.get_volunteer(db, ids["张三丰"]).registry_no == "NEW-1"


def test_roster_people_missing_from_registry(workspace, tmp_path) -> None:
    small_roster(workspace.db)
    path = registry_workbook(tmp_path / "r.xlsx", [("李四", "13812345679", "", "R2", "", 10)])
    report = registry.plan_registry(workspace.db, path)
    assert sorted(n for _i, n, _s, _d in report.not_registered) == ["张三丰", "王五"]
    assert report.hours_differ == []
