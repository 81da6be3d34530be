"""The office's ledgers read back, its PDFs rendered, and the demo data's warnings on 首页, in
the summary and in the year's filing packet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from tests.office_helpers import (
    inspection_with_finding,
    leadership_group,
    leadership_meeting,
    write_png,
)
from tests.pdf_helpers import flat, pdf_text, render_pages
from wenming_desktop.domain.office import QuarterState
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.filing.summary import export_summary
from wenming_desktop.services.office import office_exports
from wenming_desktop.services.office.alerts import attention

TODAY = date(2026, 7, 15)
YEAR = parse_period("2026")


def sheet_rows(path: Path, name: str) -> list[tuple]:
    book = load_workbook(path)
    rows = list(book[name].iter_rows(values_only=True))
    book.close()
    return rows


def test_the_three_ledgers_are_print_ready_and_carry_the_statuses(workspace, tmp_path) -> None:
    db = workspace.db
    group_id = leadership_group(db)
    leadership_meeting(db, group_id, date(2026, 2, 10))
    inspection_with_finding(db)  # deadline 2026-04-02, still open on TODAY
    meetings_path = tmp_path / "会议台账.xlsx"
    assert office_exports.export_meetings_ledger(db, meetings_path, YEAR, TODAY) == 1
    rows = sheet_rows(meetings_path, "会议台账")
    assert rows[0][0] == "本院文明创建会议台账"
    assert rows[2][:5] == ("序号", "会议日期", "时间", "会议类型", "会议名称")
    assert rows[3][3:5] == ("领导小组会议", "2026年02月创建领导小组会议")
    assert rows[3][9:11] == (2, 1)  # present, absent
    quarters = sheet_rows(meetings_path, "领导小组会议季度情况")
    assert [r[1::3] for r in quarters[3:]] == [
        ("2026年第一季度", "已召开"),
        ("2026年第二季度", "未召开"),
        ("2026年第三季度", "本季度尚未召开"),
        ("2026年第四季度", "未开始"),
    ]
    book = load_workbook(meetings_path)
    sheet = book["会议台账"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$3"
    book.close()

    rect_path = tmp_path / "整改台账.xlsx"
    assert office_exports.export_rectification_ledger(db, rect_path, YEAR, TODAY) == 1
    findings = sheet_rows(rect_path, "检查整改")
    assert findings[3][4] == "公共区域禁烟标识不全"
    assert findings[3][11] == "逾期"
    decisions = sheet_rows(rect_path, "会议决定事项")
    assert decisions[3][3] == "完成文明科室自查"
    assert decisions[3][8] == "逾期"  # due 2026-04-30, not done

    comm_path = tmp_path / "评选表彰台账.xlsx"
    assert office_exports.export_commendations_ledger(db, comm_path, YEAR, TODAY) == 0
    assert sheet_rows(comm_path, "评选表彰台账")[2][4] == "表彰对象"


def test_meeting_record_and_signin_sheet(workspace, tmp_path) -> None:
    db = workspace.db
    group_id = leadership_group(db)
    meeting_id = leadership_meeting(db, group_id, date(2026, 2, 10))
    photo = write_png(tmp_path / "会场.png", 400, 300)
    attachments.add_owned_attachments(db, workspace.folder, "meeting", meeting_id, [photo], "photo")
    record = office_exports.export_meeting_record(workspace, meeting_id, tmp_path / "记录.pdf")
    text = flat(pdf_text(record))
    for expected in ("会 议 记 录", "2026年02月创建领导小组会议", "李书记（外出学习）",
                     "完成文明科室自查", "会议照片", "会场", "记录人（签字）"):  # fmt: skip
        assert expected in text, expected
    signin = office_exports.export_meeting_signin(workspace, meeting_id, tmp_path / "签到.pdf")
    text = flat(pdf_text(signin))
    assert "会议签到表" in text
    positions = [text.index(name) for name in ("张院长", "李书记", "王主任", "赵医生")]
    assert positions == sorted(positions)  # the group's members, in the group's order
    assert "办公室主任" in text
    (tmp_path / "pages").mkdir()
    assert render_pages(record, tmp_path / "pages")


def test_the_demo_year_shows_its_missing_quarter_and_its_overdue_finding(
    demo_workspace, tmp_path
) -> None:
    today = date.today()
    office = attention(demo_workspace.db, today)
    assert len(office.missing) == 1
    overdue = [i for i in office.items if i.days_left < 0 and i.source == "检查整改"]
    assert [i.what for i in overdue] == ["门诊导诊台文明用语不规范"]
    assert any(i.due_soon for i in office.items)
    missing = office.missing[0]
    assert missing.state is QuarterState.MISSING

    year = parse_period(str(missing.year))
    summary = export_summary(demo_workspace.db, tmp_path / "总结.pdf", year, None)
    text = flat(pdf_text(summary))
    assert f"{missing.label}未召开创建领导小组会议" in text
    if today.year == missing.year:
        assert "逾期未整改：门诊导诊台文明用语不规范" in text
    # a summary of the year before lists none of this year's findings
    before = parse_period(str(today.year - 1))
    earlier = flat(pdf_text(export_summary(demo_workspace.db, tmp_path / "前.pdf", before, None)))
    assert "门诊导诊台文明用语不规范" not in earlier


def test_the_years_packet_holds_the_office_sections(demo_workspace, tmp_path) -> None:
    period = parse_period(str(date.today().year))
    result = build_packet(demo_workspace, period, None, tmp_path / "packet")
    files = {p.relative_to(result.path).as_posix() for p in result.path.rglob("*") if p.is_file()}
    for name in ("01_台账/会议台账.xlsx", "01_台账/整改台账.xlsx", "01_台账/评选表彰台账.xlsx"):
        assert name in files
    records = [f for f in files if f.startswith("05_会议记录与签到表/")]
    assert any(f.endswith("_会议记录.pdf") for f in records)
    assert any(f.endswith("_会议签到表.pdf") for f in records)
    index = flat(pdf_text(result.path / "00_目录.pdf"))
    assert "会议台账.xlsx" in index and "评选表彰台账.xlsx" in index
    assert "会议签到表.pdf" in index


def test_a_months_office_ledgers_say_what_they_list(workspace, tmp_path) -> None:
    """A month's 评选表彰台账 lists the commendations awarded that month, headed by the month
    (the year's list keeps the 年度 and undated entries; the summary counts the same); a
    month's quarter sheet counts the whole quarter's meetings and names the quarter."""
    from wenming_desktop.domain.office_records import CommendationData
    from wenming_desktop.services.filing.ledgers import LedgerRequest, ledger
    from wenming_desktop.services.office import commendations
    from wenming_desktop.services.office.alerts import period_office

    db = workspace.db
    group_id = leadership_group(db)
    leadership_meeting(db, group_id, date(2026, 1, 20))
    for name, awarded in (
        ("志愿者甲", None),
        ("志愿者乙", date(2026, 2, 10)),
        ("志愿者丙", date(2026, 6, 15)),
    ):
        commendations.save_commendation(
            db,
            None,
            CommendationData(
                kind="优秀志愿者", year=2026, level="院级", name=name, awarded_on=awarded
            ),
        )
    month = parse_period("2026-02")

    comm_path = tmp_path / "评选表彰台账.xlsx"
    assert office_exports.export_commendations_ledger(db, comm_path, month, TODAY) == 1
    rows = sheet_rows(comm_path, "评选表彰台账")
    assert rows[1][0].startswith("期间：2026年2月")
    assert any("志愿者乙" in row for row in rows)
    assert not any("志愿者甲" in row or "志愿者丙" in row for row in rows)
    assert period_office(db, month, TODAY).commendations == 1
    spec = ledger("commendations")
    assert spec.file_name(LedgerRequest(month)) == "2026年2月评选表彰台账.xlsx"
    quarter = parse_period("2026-Q2")
    assert office_exports.export_commendations_ledger(db, comm_path, quarter, TODAY) == 1
    assert period_office(db, quarter, TODAY).commendations == 1
    year = parse_period("2026")
    assert office_exports.export_commendations_ledger(db, comm_path, year, TODAY) == 3
    assert sheet_rows(comm_path, "评选表彰台账")[1][0].startswith("期间：2026年度")
    assert period_office(db, year, TODAY).commendations == 3
    assert spec.file_name(LedgerRequest(year)) == "2026年度评选表彰台账.xlsx"

    meetings_path = tmp_path / "会议台账.xlsx"
    assert office_exports.export_meetings_ledger(db, meetings_path, month, TODAY) == 0
    assert sheet_rows(meetings_path, "会议台账")[1][0].startswith("期间：2026年2月")
    quarters = sheet_rows(meetings_path, "领导小组会议季度情况")
    assert quarters[1][0].startswith("季度：2026年第一季度")
    assert [(r[1], r[3], r[4]) for r in quarters[3:]] == [("2026年第一季度", 1, "已召开")]
