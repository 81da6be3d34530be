"""中医体质辨识结果与保健指导: the take-home sheet of one person, one A4 page each, in large
print for elderly readers; a batch is one PDF with a page per person.

Each page: who (name, gender, age), the checkup's date, place and doctor, the constitution
recorded and the questionnaire's judgement in words, then the five aspects of the guidance for
that constitution (text from the doctor-reviewed resource file), and a line saying the sheet is
general advice. A page that would run over is shrunk to fit, never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from wenming_desktop.exports.files import atomic_output
from wenming_desktop.exports.pdf.document import FallbackCanvas
from wenming_desktop.exports.pdf.fonts import register_fonts
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import raise_if_unprintable, refuses_unprintable

MARGIN = 16 * mm
TITLE = "中医体质辨识结果与保健指导"


@dataclass(frozen=True)
class GuidancePage:
    name: str
    gender: str
    age: int | None
    checkup_date: date
    place: str
    doctor: str
    constitution: str
    judgement: str  # the questionnaire's result in words; "" when there was no questionnaire
    aspects: tuple[tuple[str, str], ...]  # (情志调摄, text) … in the standard's order
    hospital: str


def _styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()
    body = ParagraphStyle("g-body", fontName=font, fontSize=15, leading=23, wordWrap="CJK")
    return {
        "title": ParagraphStyle("g-title", parent=body, fontSize=22, leading=30, alignment=1),
        "hospital": ParagraphStyle("g-hosp", parent=body, fontSize=13, leading=18, alignment=1),
        "body": body,
        "result": ParagraphStyle("g-result", parent=body, fontSize=20, leading=28),
        "aspect": ParagraphStyle(
            "g-aspect", parent=body, fontSize=17, leading=24, spaceBefore=7, spaceAfter=1,
            textColor=colors.HexColor("#8b1a1a"),
        ),
        "note": ParagraphStyle("g-note", parent=body, fontSize=11, leading=15),
    }  # fmt: skip


def _who(page: GuidancePage, s: dict[str, ParagraphStyle]) -> Table:
    age = f"{page.age}岁" if page.age is not None else ""
    day = f"{page.checkup_date.year}年{page.checkup_date.month}月{page.checkup_date.day}日"
    rows: list[list[Any]] = [
        [f"姓名：{page.name}", f"性别：{page.gender or '—'}　　年龄：{age or '—'}"],
        [f"体检日期：{day}", f"体检医生：{page.doctor or '—'}"],
        [Paragraph(f"体检地点：{markup(page.place or '—')}", s["body"]), ""],
    ]
    table = Table(rows, colWidths=[(A4[0] - 2 * MARGIN) / 2] * 2)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                ("FONTSIZE", (0, 0), (-1, -1), 14),
                ("LEADING", (0, 0), (-1, -1), 19),
                ("SPAN", (0, 2), (1, 2)),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.HexColor("#8b1a1a")),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table


def _page(page: GuidancePage, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(markup(page.hospital), s["hospital"]),
        Paragraph(TITLE, s["title"]),
        Spacer(1, 3 * mm),
        _who(page, s),
        Spacer(1, 3 * mm),
        Paragraph(f"您的中医体质：<b>{markup(page.constitution)}</b>", s["result"]),
    ]
    if page.judgement:
        story.append(Paragraph(f"问卷辨识结果：{markup(page.judgement)}", s["body"]))
    story.append(Spacer(1, 2 * mm))
    for aspect, text in page.aspects:
        story.append(Paragraph(f"■ {markup(aspect)}", s["aspect"]))
        story.append(Paragraph(markup(text), s["body"]))
    story.append(Spacer(1, 5 * mm))
    story.append(
        Paragraph(
            "以上为一般的中医药保健建议，不能代替看病吃药；如有身体不适，请及时就医。"
            "穴位按揉力度以感到酸胀为宜，皮肤破损处不要按揉。",
            s["note"],
        )
    )
    return story


@refuses_unprintable
def write_guidance(path: Path, pages: Sequence[GuidancePage]) -> None:
    """One A4 page per person, written atomically (the file appears only when complete)."""
    s = _styles()
    width, height = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN
    story: list[Flowable] = []
    for i, page in enumerate(pages):
        if i:
            story.append(PageBreak())
        story.append(KeepInFrame(width, height - 2 * mm, _page(page, s), mode="shrink"))
    title = TITLE if len(pages) != 1 else f"{TITLE}（{pages[0].name}）"
    with atomic_output(Path(path)) as temp:
        doc = SimpleDocTemplate(
            str(temp),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author="文明实践工作台",
        )
        doc.build(story, canvasmaker=FallbackCanvas)  # rare characters: see glyphs.py
        raise_if_unprintable()  # refused before the file appears (refusals.py)
