"""文明实践活动台账.xlsx from the CLI and the service, read back cell by cell."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from tests.activity_helpers import make_activity, make_volunteers
from wenming_desktop.cli import main
from wenming_desktop.services.activities import activity_volunteers as vols
from wenming_desktop.services.activities.activity_export import export_activities
from wenming_desktop.services.settings.settings import update_settings

HEADER = [
    "序号",
    "日期",
    "结对村",
    "类别",
    "活动名称",
    "地点",
    "状态",
    "志愿者人数",
    "参加志愿者",
    "服务时长(小时)",
    "受益群众人次",
    "指南检查",
]


def _fill(db):
    update_settings(db, {"hospital_name": "鹤岗市中医院"})
    a, b = make_volunteers(db, [("1001", "张三", True), ("1002", "李四", True)])
    first = make_activity(
        db,
        "东兴村",
        datetime(2026, 3, 17, 8, 30),
        hours=3,
        title="中医义诊",
        place="村卫生室",
        status="done",
        actual_attendance=120,
        has_backdrop=True,
        medicine_kit_holder="王护士",
        category="健康生活(健康义诊/健康体检)",
    )
    vols.assign_volunteers(db, first, [a, b])
    vols.sign_everyone(db, first)
    make_activity(
        db, "胜利村", datetime(2026, 2, 3, 14, 0), title="=SUM(A1)", place="村委会", status="done"
    )
    make_activity(db, "胜利村", datetime(2026, 12, 3, 14, 0), title="计划中的")
    make_activity(db, "胜利村", datetime(2026, 4, 3, 14, 0), title="取消的", status="cancelled")
    make_activity(db, "胜利村", datetime(2025, 4, 3, 14, 0), title="去年的")
    return first


def test_cli_export_reads_back_cell_by_cell(workspace, capsys):
    _fill(workspace.db)
    root = workspace.folder.root
    workspace.close()
    assert main(["--data-dir", str(root), "export", "activities", "--year", "2026"]) == 0
    out = capsys.readouterr().out
    path = root / "exports" / "文明实践活动台账_2026.xlsx"
    assert str(path) in out and "2 场活动" in out
    book = openpyxl.load_workbook(path)
    sheet = book["文明实践活动台账"]
    assert sheet["A1"].value == "鹤岗市中医院\n文明实践活动台账"  # split: broken between parts
    # only held activities are listed; the planned one is said to be left out
    # the subtitle wraps on the split layout, so it breaks between its parts
    assert sheet["A2"].value == "2026年度 · 全部结对村\n仅列已开展的活动（另有计划中 1 场未列入）"
    assert [c.value for c in sheet[3]] == HEADER
    # oldest first; the formula-like title stays text
    row4 = [c.value for c in sheet[4]]
    assert row4[:8] == [
        1,
        datetime(2026, 2, 3),
        "胜利村",
        "教育培训",
        "=SUM(A1)",
        "村委会",
        "已开展",
        0,
    ]
    assert sheet["E4"].data_type == "s"
    assert row4[8:] == [None, 0, None, row4[11]]
    assert row4[11].startswith("未符合：")
    row5 = [c.value for c in sheet[5]]
    assert row5 == [
        2,
        datetime(2026, 3, 17),
        "东兴村",
        "健康生活(健康义诊/健康体检)",
        "中医义诊",
        "村卫生室",
        "已开展",
        2,
        "张三、李四",
        6,
        120,
        "全部符合",
    ]
    assert sheet["J5"].number_format == "0.0"
    assert [c.value for c in sheet[6]][:1] == ["合计"]
    assert sheet["E6"].value == "2 场"
    assert (sheet["H6"].value, sheet["J6"].value, sheet["K6"].value) == (2, 6, 120)
    assert "四舍五入" in sheet["A7"].value  # the rounding footnote
    assert sheet.max_row == 7
    assert sheet.freeze_panes == "A4"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$3"


def test_cli_one_village_and_explicit_output(workspace, tmp_path, capsys):
    _fill(workspace.db)
    root = workspace.folder.root
    workspace.close()
    target = tmp_path / "out" / "东兴.xlsx"
    code = main(
        [
            "--data-dir",
            str(root),
            "export",
            "activities",
            "--year",
            "2026",
            "--village",
            "东兴",
            "-o",
            str(target),
        ]
    )
    assert code == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet["A2"].value == "2026年度 · 东兴村\n仅列已开展的活动"
    assert sheet["E4"].value == "中医义诊"
    assert sheet["A5"].value == "合计"
    assert main(["--data-dir", str(root), "export", "activities", "--village", "不存在"]) == 1
    assert "没有名称包含“不存在”的结对村" in capsys.readouterr().err


def test_export_of_the_demo_year(demo_workspace, tmp_path):
    path = tmp_path / "ledger.xlsx"
    count = export_activities(demo_workspace.db, path, 2025)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == count + 2
    assert rows[-2][0] == "合计" and "四舍五入" in rows[-1][0]
    assert all(r[11] for r in rows[:-2])


def test_the_filing_packet_carries_the_period_s_activity_ledger(demo_workspace, tmp_path):
    from wenming_desktop.domain.periods import parse_period
    from wenming_desktop.services.activities.activities import ActivityFilter, list_activities
    from wenming_desktop.services.filing.filing import build_packet

    period = parse_period("2026-03")
    target = tmp_path / "packet"
    build_packet(demo_workspace, period, None, target)
    ledger = target / "01_台账" / "文明实践活动台账.xlsx"
    sheet = openpyxl.load_workbook(ledger).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0].startswith("2026年3月 · 全部结对村")
    expected = [
        r.title
        for r in reversed(
            list_activities(
                demo_workspace.db,
                ActivityFilter(date_from=period.start, date_to=period.end),
            )
        )
        if r.status == "done"
    ]
    assert [r[4] for r in rows[3:-2]] == expected
    assert rows[-2][0] == "合计"
