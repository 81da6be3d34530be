"""A sign-in sheet (签到表) on A4: a heading naming the activity, then a table whose header row
repeats on every page. Generic over its columns, so the villager sheet of a checkup day and the
volunteer sheet of an activity are both built here; page numbers come from build_pdf."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import refuses_unprintable
from wenming_desktop.exports.pdf.titles import title_paragraph

MARGIN_MM = 15
ROW_HEIGHT_MM = 9.5  # room for a handwritten signature
FONT_SIZE = 10


def _width(text: str) -> float:
    """Rough width in font-size units: a CJK character is one, a Latin one about half."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


@dataclass(frozen=True)
class SigninColumn:
    """A column: its header and its share of the page width (relative weight)."""

    title: str
    weight: float = 1.0
    center: bool = False


@dataclass(frozen=True)
class SigninHeading:
    title: str  # the activity's title
    sheet_name: str  # e.g. "村民签到表", "志愿者签到表"
    day: str  # date (and time) as it should read
    place: str = ""
    organizer: str = ""
    extra: Sequence[tuple[str, str]] = field(default_factory=tuple)  # more (label, value) lines


def _heading(heading: SigninHeading, width: float) -> list[Flowable]:
    st = styles()
    facts = [("日期", heading.day), ("地点", heading.place), ("主办单位", heading.organizer)]
    facts += list(heading.extra)
    cells = [Paragraph(markup(f"{label}：{value}"), st["body"]) for label, value in facts if value]
    if len(cells) % 2:
        cells.append(Paragraph("", st["body"]))
    grid = Table(
        [cells[i : i + 2] for i in range(0, len(cells), 2)],
        colWidths=[width / 2, width / 2],
    )
    grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [
        title_paragraph((heading.title,), st["title"]),
        Paragraph(
            markup(heading.sheet_name),
            ParagraphStyle("sheet", st["subtitle"], fontSize=14, leading=20),
        ),
        Spacer(1, 2 * mm),
        grid,
        Spacer(1, 3 * mm),
    ]


def signin_story(
    heading: SigninHeading,
    columns: Sequence[SigninColumn],
    rows: Sequence[Sequence[str]],
    blank_rows: int = 0,
    width_mm: float = A4[0] / mm - 2 * MARGIN_MM,
) -> list[Flowable]:
    """The flowables of a sign-in sheet; a 序号 column is added in front, counting blank rows."""
    font = register_fonts()
    cell = styles()["cell"]
    total_weight = 0.6 + sum(c.weight for c in columns)
    widths = [width_mm * mm * w / total_weight for w in (0.6, *(c.weight for c in columns))]
    data: list[list[object]] = [["序号", *(c.title for c in columns)]]
    # Plain strings draw fast; only text too long for its column becomes a wrapping Paragraph.
    fits = [w / (FONT_SIZE + 0.5) for w in widths[1:]]
    for number, row in enumerate(rows, start=1):
        cells: list[object] = [str(number)]
        for text, room in zip((str(v or "") for v in row), fits, strict=True):
            cells.append(Paragraph(markup(text), cell) if _width(text) > room else text)
        data.append(cells)
    for number in range(len(rows) + 1, len(rows) + blank_rows + 1):
        data.append([str(number), *([""] * len(columns))])
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, FONT_SIZE),
        ("FONT", (0, 0), (-1, 0), font, 11),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F2DCDB")),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
    ]
    for i, column in enumerate(columns, start=1):
        if column.center:
            commands.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    table = Table(
        data,
        colWidths=widths,
        rowHeights=[8 * mm] + [ROW_HEIGHT_MM * mm] * (len(data) - 1),
        repeatRows=1,
    )
    table.setStyle(TableStyle(commands))
    return [*_heading(heading, width_mm * mm), table]


@refuses_unprintable
def build_signin_sheet(
    path: Path,
    heading: SigninHeading,
    columns: Sequence[SigninColumn],
    rows: Sequence[Sequence[str]],
    blank_rows: int = 0,
) -> None:
    """Write the sheet as an A4 PDF with "第 x 页 共 y 页" on every page and the activity,
    sheet and date at the top of every page after the first."""
    story = signin_story(heading, columns, rows, blank_rows)
    head = (heading.title, heading.sheet_name, heading.day)
    build_pdf(
        Path(path),
        story,
        f"{heading.title} {heading.sheet_name}",
        margins_mm=MARGIN_MM,
        running_head=head,
    )
