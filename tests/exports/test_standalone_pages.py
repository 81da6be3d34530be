"""Pages that stand alone: a caption or heading on the page of its table's first rows (and the
table not pushed off a half-empty page), titles broken between their parts, a running head
naming the document on every later page, and the packet index's names broken sensibly."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table
from sqlalchemy import select, text

from wenming_desktop.domain.office_records import MeetingData
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports import packet
from wenming_desktop.exports.pdf.charts import column_chart
from wenming_desktop.exports.pdf.document import build_pdf, running_head_text
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.keep import keep_totals
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.meeting import MINUTES_ROW, minutes_pieces, write_meeting_record
from wenming_desktop.exports.pdf.summary import SUMMARY_NAME
from wenming_desktop.exports.pdf.titles import CONTENT_WIDTH, title_lines
from wenming_desktop.services.activities.records import export_activity_record
from wenming_desktop.services.filing.summary import export_summary
from wenming_desktop.services.settings.settings import update_settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Activity, Participation, Volunteer
from wenming_desktop.storage.queries.filing import done_activity_ids

LONG_HOSPITAL = "黑龙江省鹤岗市萝北县中医医院（鹤岗市中医院萝北分院）"


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().replace("\r", "") for page in document]
    finally:
        document.close()


def _long_table(rows: int) -> Table:
    data: list[list[object]] = [["序号", "内容"]] + [[f"第{i}行", "文字"] for i in range(1, rows)]
    table = Table(data, colWidths=[40 * mm, 120 * mm], repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts())])
    return table


@pytest.mark.parametrize("filler", [100, 500, 640, 665, 690, 705, 720])
def test_a_caption_keeps_with_its_tables_first_rows_and_the_table_splits(
    tmp_path: Path, filler: float
) -> None:
    path = tmp_path / "表.pdf"
    caption = Paragraph("各结对村每月开展活动情况（表注）", styles()["caption"])
    build_pdf(path, [Spacer(1, filler), caption, _long_table(80)], "表")
    pages = page_texts(path)
    on = [i for i, page in enumerate(pages) if "表注" in page]
    assert len(on) == 1
    assert "第1行" in pages[on[0]] and "第2行" in pages[on[0]]
    if on[0] == 1:  # moved: page 1 had no room for the caption and two rows
        assert filler > 640
    else:  # not pushed away: the table starts under its caption and splits
        assert filler <= 705
    for page in pages[on[0] + 1 :]:
        assert page.count("序号") == 1  # the header row repeats


def test_a_heading_before_a_long_paragraph_keeps_two_lines_with_it(tmp_path: Path) -> None:
    path = tmp_path / "段.pdf"
    body = Paragraph("活动内容" * 400, styles()["body"])
    build_pdf(path, [Spacer(1, 300), Paragraph("活动内容及成效", styles()["heading"]), body], "段")
    pages = page_texts(path)
    assert "活动内容及成效" in pages[0] and len(pages) >= 2
    assert pages[0].count("活动内容") > 20  # the paragraph starts on page 1, not on page 2


def _title_parts_ok(parts: tuple[str, ...], lines: list[str]) -> None:
    assert "".join(lines) == "".join(parts)
    assert all(len(line) > 1 for line in lines), lines
    for line in lines:  # every line ends at the end of a part, or inside the one long part
        end = len("".join(lines[: lines.index(line) + 1]))
        bounds = {len("".join(parts[: i + 1])) for i in range(len(parts))}
        cut_part = [p for p in parts if len(p) > 20]
        assert end in bounds or cut_part, (line, lines)


def test_titles_break_between_their_parts() -> None:
    style = styles()["title"]
    q2 = ("鹤岗市中医院", "2026年第二季度", SUMMARY_NAME)
    lines = title_lines(q2, style)
    assert lines == ["鹤岗市中医院2026年第二季度", SUMMARY_NAME]
    for period in ("2026年", "2026年上半年", "2026年第二季度", "2026年7月"):
        parts = (LONG_HOSPITAL, period, SUMMARY_NAME)
        _title_parts_ok(parts, title_lines(parts, style))
    # one long part (an activity's title) is cut into even lines, not "…" / "一个字"
    lone = title_lines(("萝北县肇兴镇胜利村健康义诊暨老年人健康体检和中医体质辨识活动",), style)
    assert len(lone) == 2 and abs(len(lone[0]) - len(lone[1])) <= 1
    assert title_lines(("鹤岗市中医院", "2026年", "归档材料目录"), style) == [
        "鹤岗市中医院2026年归档材料目录"
    ]


def _many_villages(ws: Workspace) -> None:
    """Sixteen more villages, the year's activities spread over twenty (the review's data)."""
    with ws.db.write() as session:
        for n in range(1, 17):
            session.execute(
                text(
                    "insert into village(name, station_name, contact_person, contact_phone,"
                    " notes, version) values (:name, '站', '李', '', '', 1)"
                ),
                {"name": f"萝北县肇兴镇第{n}新村屯"},
            )
        session.execute(
            text(
                "update activity set village_id = 5 + (id % 20)"
                " where start_at like '2026-%' and id % 20 < 16"
            )
        )


def test_the_summary_keeps_its_caption_with_the_coverage_table_and_breaks_its_title(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    _many_villages(ws)
    update_settings(ws.db, {"hospital_name": LONG_HOSPITAL})
    for period in ("2026", "2026-H1", "2026-Q2"):
        path = export_summary(ws.db, tmp_path / f"{period}.pdf", parse_period(period), None)
        pages = page_texts(path)
        head = [line for line in pages[0].split("\n") if line.strip()][:3]
        assert all(len(line.strip()) > 1 for line in head), head
        assert head[0] == LONG_HOSPITAL  # the hospital, then period and name whole
        assert head[1].strip().endswith(SUMMARY_NAME)
        if period == "2026":
            on = [i for i, page in enumerate(pages) if "各结对村每月开展活动情况" in page]
            assert len(on) == 1
            assert "萝北县肇兴镇第1新村屯" in pages[on[0]].replace("\n", "")
            lines = pages[on[0]].split("\n")  # a village's name on one line, no 屯 alone
            assert any(line.startswith("萝北县肇兴镇第10新村屯") for line in lines), lines
        for page in pages[1:]:  # later pages say what they belong to (the running head)
            assert any("工作总结" in line and "范围：" in line for line in page.split("\n"))


def test_every_page_of_a_long_record_names_the_activity(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    period = parse_period("2026")
    with ws.db.write() as session:
        activity_id = min(done_activity_ids(session, period.start, period.end))
        activity = session.get(Activity, activity_id)
        assert activity is not None
        taken = set(
            session.scalars(
                select(Participation.volunteer_id).where(Participation.activity_id == activity_id)
            )
        )
        start = activity.start_at
        for seq, volunteer in enumerate(session.scalars(select(Volunteer)), start=100):
            if volunteer.id not in taken:
                session.add(
                    Participation(
                        activity_id=activity_id, volunteer_id=volunteer.id, seq=seq,
                        sign_in=start, sign_out=start + timedelta(hours=3),
                        recorded_minutes=180, correction_reason="", corrected_by="",
                    )
                )  # fmt: skip
        title, day = activity.title, f"{start:%Y年%m月%d日}"
        count = len(taken) + session.query(Volunteer).count() - len(taken)
    path = export_activity_record(ws, activity_id, tmp_path / "记录.pdf")
    pages = page_texts(path)
    assert len(pages) >= 2 and count >= 50
    # the volunteer table starts on page 1, under its heading, and its header repeats
    assert "参加志愿者及服务时长" in pages[0] and "签到" in pages[0]
    first_rows = re.findall(r"^\d+ ", pages[0], flags=re.M)
    assert len(first_rows) >= 5, pages[0]
    for page in pages[1:]:  # the running head: what, which and when
        assert any(
            line.startswith("活动记录表") and day in line and title[:6] in line
            for line in page.split("\n")
        ), page


def test_a_long_running_head_gives_way_in_its_longest_part() -> None:
    font = register_fonts()
    head = running_head_text(("活动记录表", "很长的活动名称" * 20, "2026年07月12日"), 400, font)
    assert head.startswith("活动记录表") and head.endswith("2026年07月12日")
    assert "…" in head
    assert running_head_text(("活动记录表", "短", "2026年07月12日"), 400, font) == (
        "活动记录表\u3000短\u30002026年07月12日"
    )


def test_file_names_break_after_underscores_and_never_inside_the_extension() -> None:
    font = register_fonts()
    name = "01_2026-07-19_2026年第三季度创建领导小组会议_会议签到表.pdf"
    assert packet.name_pieces(name) == [
        "01_", "2026-07-19_", "2026年第三季度创建领导小组会议_", "会议签到表", ".pdf"
    ]  # fmt: skip
    for width in (60, 90, 120, 150, 200, 250, 400):
        lines = packet.wrap_name(name, width, font).split("\n")
        assert "".join(lines) == name
        assert lines[-1].endswith(".pdf") and not any(line.endswith(".p") for line in lines)
        assert not any(line in {"f", "df", "pdf"} for line in lines)
    folder = packet.wrap_name("05_会议记录与签到表", 80, font)
    assert folder.split("\n") == ["05_", "会议记录与签到表"]


def test_the_packet_index_keeps_names_and_folders_whole(tmp_path: Path) -> None:
    staging = tmp_path / "包"
    names = [
        "05_会议记录与签到表/01_2026-07-19_2026年第三季度创建领导小组会议_会议签到表.pdf",
        "05_会议记录与签到表/02_2026-07-19_2026年第三季度创建领导小组扩大会议暨工作推进会_会议记录.pdf",
        "03_活动记录/004_2026-07-24_胜利村健康义诊暨老年人健康体检和中医体质辨识活动.pdf",
    ]
    for name in names:
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        build_pdf(staging / name, [Paragraph("内容", styles()["body"])], "内容")
    packet.write_index(
        staging, "鹤岗市中医院2026年7月归档材料目录", "范围：全部结对村",
        title_parts=(LONG_HOSPITAL, "2026年7月", "归档材料目录"),
    )  # fmt: skip
    lines = [line.strip() for line in page_texts(staging / packet.INDEX_NAME)[0].split("\n")]
    assert not any(re.search(r"(?<!\.)pdf", line) for line in lines), lines
    assert sum("05_会议记录与签到表" in line for line in lines) == 2
    assert lines[:2] == [LONG_HOSPITAL, "2026年7月归档材料目录"]
    assert CONTENT_WIDTH > 400


def test_long_minutes_run_on_over_pages_and_every_page_names_the_meeting(tmp_path: Path) -> None:
    sentence = "会议逐项研究了结对共建工作，明确了下一步的任务和责任人。"
    minutes = "\n".join([sentence * 60, "第二段：" + sentence * 5])
    assert len(minutes_pieces(minutes)) > 3
    assert all(len(piece) <= MINUTES_ROW for piece in minutes_pieces(minutes))
    assert minutes_pieces(sentence * 60)[0].endswith("。")  # cut after a sentence
    data = MeetingData(
        kind="领导小组会议", title="2026年第三季度创建领导小组会议",
        starts_at=datetime(2026, 7, 19, 15), place="行政楼三楼会议室", minutes=minutes,
    )  # fmt: skip
    path = tmp_path / "会议记录.pdf"
    write_meeting_record(path, "鹤岗市中医院", data, "创建领导小组", [])
    pages = page_texts(path)
    assert len(pages) >= 2
    text = "".join(page.replace("\n", "") for page in pages)
    assert text.count("明确了下一步的任务和责任人") == 65  # nothing lost at a page break
    for page in pages[1:]:
        assert any(
            line.startswith("会议记录") and "2026年07月19日" in line and "创建领导小组会议" in line
            for line in page.split("\n")
        )


@pytest.mark.parametrize("filler", range(560, 700, 12))
def test_a_totals_row_never_starts_a_page_alone(tmp_path: Path, filler: int) -> None:
    path = tmp_path / "合计.pdf"
    rows: list[list[object]] = [["序号", "姓名"]] + [[str(i), "张三"] for i in range(1, 5)]
    table = Table([*rows, ["合计", "4 人"]], colWidths=[40 * mm, 60 * mm], repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts())])
    build_pdf(path, [Spacer(1, filler), keep_totals(table)], "合计")
    for page in page_texts(path):
        if "合计" in page:
            assert "4 张三" in page, page


def test_a_heading_moves_with_a_chart_that_does_not_fit_under_it(tmp_path: Path) -> None:
    path = tmp_path / "图.pdf"
    chart = column_chart("按月份统计（场次）", [("1月", 3), ("2月", 5)])
    heading = Paragraph("二、活动开展情况", styles()["heading"])
    build_pdf(path, [Spacer(1, 560), heading, Spacer(1, 6), chart], "图")
    pages = page_texts(path)
    assert "活动开展情况" not in pages[0]
    assert "活动开展情况" in pages[1] and "按月份统计" in pages[1]


def test_a_very_long_hospital_name_gives_way_in_the_running_head(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    """The head shortens the hospital's name, never the period and the document's name."""
    ws = demo_workspace
    update_settings(ws.db, {"hospital_name": LONG_HOSPITAL * 2})
    path = export_summary(ws.db, tmp_path / "q2.pdf", parse_period("2026-Q2"), None)
    pages = page_texts(path)
    assert len(pages) > 1
    for page in pages[1:]:
        head = next(line for line in page.split("\n") if "范围：" in line)
        assert "2026年第二季度工作总结" in head and "…" in head, head


def test_an_evenly_cut_part_never_ends_a_line_with_an_opening_mark() -> None:
    from wenming_desktop.exports.title_breaks import OPENING, cut_evenly

    text = "黑龙江省鹤岗市中医医院东山分院区（鹤岗市中西医结合医院东山分院区）"
    for count in range(2, 8):
        lines = cut_evenly(text, count)
        assert "".join(lines) == text
        assert not any(line[-1] in OPENING for line in lines), lines
