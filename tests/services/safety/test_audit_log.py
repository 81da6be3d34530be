import socket
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from tests.helpers import run_cli
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.safety import audit_log
from wenming_desktop.services.settings import settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages import villages
from wenming_desktop.storage import audit
from wenming_desktop.storage.queries.audit import AuditFilter


def make_history(ws: Workspace) -> int:
    vid = villages.add_village(ws.db, VillageData(name="东兴村", contact_phone="13904681234"))
    villages.update_village(
        ws.db, vid, VillageData(name="东兴村", contact_phone="13904685678", notes="新联系人")
    )
    settings.update_settings(ws.db, {"hospital_name": "鹤岗市中医院"})
    with ws.db.write() as session:  # a checkup change and an entry with the clock set wrong
        audit.record(session, "update", "checkup", 7, {"systolic": 150}, {"systolic": 128})
        session.flush()
        audit.record(session, "unmask", "resident", 3, None, {"id_number": "11010519491231002X"})
    villages.delete_village(ws.db, vid)
    return vid


def test_entries_are_listed_by_sequence_with_readable_masked_changes(workspace) -> None:
    make_history(workspace)
    rows = audit_log.list_entries(workspace.db, AuditFilter())
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)
    assert [(r.action, r.entity) for r in rows] == [
        ("删除", "结对村"),
        ("显示完整信息", "村民"),
        ("修改", "体检记录"),
        ("修改", "设置"),
        ("修改", "结对村"),
        ("新增", "结对村"),
    ]
    by_action = {(r.action, r.entity): r.changes for r in rows}
    assert (
        by_action[("修改", "结对村")]
        == "联系电话：139****1234 → 139****5678；备注：（空） → 新联系人"
    )
    assert "13904681234" not in " ".join(r.changes for r in rows)
    assert by_action[("修改", "体检记录")] == "收缩压（已隐藏）"
    assert by_action[("显示完整信息", "村民")] == "身份证号：110105********002X"
    assert by_action[("修改", "设置")] == "医院名称：（空） → 鹤岗市中医院"


def test_filters(workspace) -> None:
    make_history(workspace)
    db = workspace.db
    entities, actions = audit_log.kinds(db)
    assert ("village", "结对村") in entities and ("delete", "删除") in actions
    only = audit_log.list_entries(db, AuditFilter(entity="village", action="update"))
    assert len(only) == 1
    assert len(audit_log.list_entries(db, AuditFilter(text="新联系人"))) == 1
    assert len(audit_log.list_entries(db, AuditFilter(text="100%_"))) == 0
    today = date.today()
    assert len(audit_log.list_entries(db, AuditFilter(date_from=today, date_to=today))) == 6
    yesterday = date.fromordinal(today.toordinal() - 1)
    assert audit_log.list_entries(db, AuditFilter(date_to=yesterday)) == []


def test_a_clock_set_backwards_does_not_reorder_the_log(workspace) -> None:
    from wenming_desktop.storage.models import AuditEntry

    with workspace.db.write() as session:
        session.add(AuditEntry(at=datetime(2030, 1, 1), action="create", entity="team"))
        session.flush()
        session.add(AuditEntry(at=datetime(2020, 1, 1), action="delete", entity="team"))
    rows = audit_log.list_entries(workspace.db, AuditFilter())
    assert [r.action for r in rows] == ["删除", "新增"]  # newest by sequence, not by clock


def test_export_of_a_period_reads_back_cell_by_cell(workspace, tmp_path: Path) -> None:
    make_history(workspace)
    path = tmp_path / "操作日志.xlsx"
    period = parse_period(str(date.today().year))
    rows = audit_log.export_audit_period(workspace.db, path, period)
    assert rows == 6
    sheet = load_workbook(path)["操作日志"]
    assert sheet["A1"].value == "操作日志"
    assert f"{date.today().year}年" in sheet["A2"].value and "鹤岗市中医院" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == [
        "序号",
        "时间",
        "操作人",
        "电脑",
        "操作",
        "对象",
        "编号",
        "变更内容",
    ]
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [r[4] for r in body] == ["新增", "修改", "修改", "修改", "显示完整信息", "删除"]
    assert {r[3] for r in body} == {socket.gethostname()}  # the PC of every entry
    assert [r[0] for r in body] == sorted(r[0] for r in body)
    assert isinstance(body[0][1], datetime)
    text = " ".join(str(v) for row in body for v in row)
    assert "13904681234" not in text and "11010519491231002X" not in text
    assert "139****1234" in text


def test_export_audit_command(tmp_path: Path) -> None:
    folder = tmp_path / "数据"
    out = tmp_path / "日志.xlsx"
    result = run_cli(
        "export", "audit", "--period", "2026-Q4", "-o", str(out), "--data-dir", str(folder)
    )
    assert result.returncode == 0, result.stderr
    assert "已导出操作日志" in result.stdout and out.is_file()
    bad = run_cli("export", "audit", "--period", "2026-13", "--data-dir", str(folder))
    assert bad.returncode == 1 and "月份" in bad.stderr


def test_searching_the_log_reveals_no_masked_digit(workspace) -> None:
    """Searching runs over what the list shows: hidden digits of an ID number or a mobile, or
    health values, can never be confirmed by counting hits."""
    make_history(workspace)
    db = workspace.db
    full_id, hidden_part = "11010519491231002X", "19491231"
    assert audit_log.list_entries(db, AuditFilter(text=full_id)) == []
    assert audit_log.list_entries(db, AuditFilter(text=hidden_part)) == []
    assert audit_log.list_entries(db, AuditFilter(text="13904681234")) == []
    assert audit_log.list_entries(db, AuditFilter(text="0468")) == []
    assert audit_log.list_entries(db, AuditFilter(text="150")) == []  # a hidden health value
    # what is shown can be found
    assert len(audit_log.list_entries(db, AuditFilter(text="110105"))) == 1
    assert len(audit_log.list_entries(db, AuditFilter(text="139****5678"))) == 1
    assert len(audit_log.list_entries(db, AuditFilter(text="联系电话"))) == 2


def test_records_inside_a_change_read_by_their_labels() -> None:
    """An import's new rows and a clinic's per-department lines: labels, never program keys."""
    from wenming_desktop.services.safety.audit_describe import describe_changes

    text = describe_changes(
        "import",
        "{}",
        '{"new": [{"row": 2, "staff_no": "R001", "name": "王小明"}]}',
    )
    assert "行号 2" in text and "工号 R001" in text and "王小明" in text
    assert not any(key in text for key in ("row", "staff_no", "name", "{", "'"))
    names = {("service_kind", 3): "血压测量", ("department", 4): "内科"}
    line = describe_changes(
        "clinic",
        "{}",
        '{"services": [[3, 45, 2, 4], [3, 15, 0, null]]}',
        lambda table, ids: {i: names[(table, i)] for i in ids if (table, i) in names},
    )
    assert "内科 血压测量 45人次（发放2）" in line and "血压测量 15人次" in line
