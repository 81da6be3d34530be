"""A meeting's documents: the 会议签到表 pre-filled with the group's members (the generic
sign-in sheet of exports/pdf/signin.py) and the 会议记录 in the office's usual layout — a framed
form of the facts, attendance, agenda, minutes and decisions, then photos and signatures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from wenming_desktop.domain.office_records import MeetingData
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import refuses_unprintable
from wenming_desktop.exports.pdf.signin import SigninColumn, SigninHeading, build_signin_sheet
from wenming_desktop.exports.pdf.titles import title_paragraph

CONTENT_WIDTH = 180 * mm
LABEL_WIDTH = 26 * mm
PHOTO_WIDTH = 85 * mm
PHOTO_HEIGHT = 62 * mm
SIGNIN_COLUMNS = (
    SigninColumn("姓名", 1.3, center=True),
    SigninColumn("科室/部门", 1.6),
    SigninColumn("小组职务", 1.2, center=True),
    SigninColumn("签名", 1.8),
    SigninColumn("备注", 1.2),
)
SIGNIN_BLANK_ROWS = 5
MINUTES_ROW = 400  # characters of the minutes in one row of their form, at most
_SENTENCE_ENDS = "。！？；"


@dataclass(frozen=True)
class SigninPerson:
    name: str
    department: str
    role: str


def _when(data: MeetingData) -> str:
    text = f"{data.starts_at:%Y年%m月%d日 %H:%M}"
    if data.ends_at is not None:
        text += f"—{data.ends_at:%H:%M}"
    return text


@refuses_unprintable
def write_meeting_signin(
    path: Path, hospital: str, data: MeetingData, group: str, people: Sequence[SigninPerson]
) -> None:
    """会议签到表: a row per expected person (name, department, role printed; signature blank)
    and a few blank rows for others."""
    heading = SigninHeading(
        title=data.title,
        sheet_name="会议签到表",
        day=_when(data),
        place=data.place,
        organizer=hospital,
        extra=tuple(
            (label, value)
            for label, value in (
                ("会议类型", data.kind),
                ("所属小组", group),
                ("主持人", data.chair),
            )
            if value
        ),
    )
    rows = [(p.name, p.department, p.role, "", "") for p in people]
    build_signin_sheet(path, heading, SIGNIN_COLUMNS, rows, blank_rows=SIGNIN_BLANK_ROWS)


def _p(text: object, style: str = "cell") -> Paragraph:
    value = "" if text is None else str(text)
    return Paragraph(markup(value).replace("\n", "<br/>"), styles()[style])


def _form(rows: list[list[object]], spans: Sequence[int]) -> Table:
    """A framed form; `spans` are the rows whose value spans the whole width."""
    widths = [LABEL_WIDTH, 64 * mm, LABEL_WIDTH, CONTENT_WIDTH - 2 * LABEL_WIDTH - 64 * mm]
    table = Table(rows, colWidths=widths)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f5efe6")),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in range(len(rows)):
        if row in spans:
            commands.append(("SPAN", (1, row), (3, row)))
        else:
            commands.append(("BACKGROUND", (2, row), (2, row), colors.HexColor("#f5efe6")))
            commands.append(("ALIGN", (2, row), (2, row), "CENTER"))
    table.setStyle(TableStyle(commands))
    return table


def minutes_pieces(text: str, most: int = MINUTES_ROW) -> list[str]:
    """The minutes as the rows of their form: a row per line of the text, a line longer than
    `most` characters cut after its last sentence end (。！？；) within them, else at `most`. A
    table row cannot run over a page, so long minutes must be many rows."""
    pieces: list[str] = []
    for line in text.splitlines():
        rest = line.strip()
        while len(rest) > most:
            ends = [rest.rfind(mark, 0, most) for mark in _SENTENCE_ENDS]
            cut = max(ends) + 1 if max(ends) >= most // 2 else most
            pieces.append(rest[:cut])
            rest = rest[cut:]
        if rest:
            pieces.append(rest)
    return pieces or ["（未填写）"]


def _minutes(data: MeetingData) -> Table:
    """会议内容 in the form's frame, a row per piece (minutes_pieces), without lines between
    them, so long minutes split across pages between rows."""
    pieces = minutes_pieces(data.minutes)
    rows: list[list[object]] = [
        ["会议内容" if i == 0 else "", _p(piece, "body"), "", ""] for i, piece in enumerate(pieces)
    ]
    widths = [LABEL_WIDTH, 64 * mm, LABEL_WIDTH, CONTENT_WIDTH - 2 * LABEL_WIDTH - 64 * mm]
    table = Table(rows, colWidths=widths)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
        ("LINEAFTER", (0, 0), (0, -1), 0.6, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f5efe6")),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
    ]
    commands += [("SPAN", (1, row), (3, row)) for row in range(len(rows))]
    table.setStyle(TableStyle(commands))
    return table


def _decisions(data: MeetingData) -> Flowable:
    if not data.decisions:
        return _p("（本次会议未形成需要跟踪的决定事项）", "small")
    rows: list[list[object]] = [["序号", "决定事项", "责任人", "完成时限", "完成情况"]]
    for i, d in enumerate(data.decisions, start=1):
        done = f"{d.done_on:%Y-%m-%d} 完成" if d.done_on else (d.progress or "")
        due = f"{d.due_on:%Y-%m-%d}" if d.due_on else "—"
        rows.append([str(i), _p(d.content), _p(d.owner), due, _p(done)])
    table = Table(rows, colWidths=[12 * mm, 78 * mm, 26 * mm, 24 * mm, 40 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2dcdb")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ]
        )
    )
    return table


def _photos(photos: Sequence[tuple[Path | None, str]]) -> list[Flowable]:
    cells: list[Flowable] = []
    for path, caption in photos:
        if path is not None and path.exists():
            image = Image(str(path))
            ratio = min(PHOTO_WIDTH / image.imageWidth, PHOTO_HEIGHT / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * ratio, image.imageHeight * ratio
            cells.append(Table([[image], [_p(caption)]], colWidths=[PHOTO_WIDTH + 4]))
        else:
            cells.append(_p(f"（照片文件缺失：{caption}）", "small"))
    if not cells:
        return []
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Paragraph("会议照片", styles()["heading"]), grid]


def meeting_record_story(
    hospital: str, data: MeetingData, group: str, photos: Sequence[tuple[Path | None, str]]
) -> list[Flowable]:
    s = styles()
    present = [a for a in data.attendees if a.present]
    absent = [a for a in data.attendees if not a.present]
    present_text = "、".join(a.name for a in present) or "（未登记）"
    absent_text = "；".join(f"{a.name}（{a.absence_reason}）" for a in absent) or "无"
    rows: list[list[object]] = [
        ["会议名称", _p(data.title), "", ""],
        ["会议类型", _p(data.kind), "所属小组", _p(group or "—")],
        ["会议时间", _p(_when(data)), "会议地点", _p(data.place)],
        ["主持人", _p(data.chair), "记录人", _p(data.recorder)],
        ["应到人数", f"{len(data.attendees)} 人", "实到人数", f"{len(present)} 人"],
        ["出席人员", _p(present_text), "", ""],
        ["缺席人员", _p(absent_text), "", ""],
        ["会议议题", _p(data.agenda or "（未填写）"), "", ""],
    ]
    spans = (0, 5, 6, 7)
    story: list[Flowable] = [
        title_paragraph((hospital,), s["subtitle"]),
        Paragraph("会 议 记 录", s["title"]),
        Spacer(1, 4 * mm),
        _form(rows, spans),
        _minutes(data),
        Paragraph("会议决定事项", s["heading"]),
        _decisions(data),
        *_photos(photos),
        Spacer(1, 10 * mm),
        _signatures(data),
    ]
    return story


def _signatures(data: MeetingData) -> Table:
    table = Table(
        [[f"主持人（签字）：{'':　<8}", f"记录人（签字）：{'':　<8}"]],
        colWidths=[CONTENT_WIDTH / 2] * 2,
    )
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts())]))
    return table


@refuses_unprintable
def write_meeting_record(
    path: Path,
    hospital: str,
    data: MeetingData,
    group: str,
    photos: Sequence[tuple[Path | None, str]],
) -> None:
    build_pdf(
        path,
        meeting_record_story(hospital, data, group, photos),
        title=f"会议记录 {data.title}",
        running_head=("会议记录", data.title, f"{data.starts_at:%Y年%m月%d日}"),
    )
