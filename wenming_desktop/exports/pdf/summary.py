"""The period summary PDF (工作总结): figures from the records, charts, and the clerk's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from wenming_desktop.domain.vocabulary import SUMMARY_SECTIONS
from wenming_desktop.exports.pdf.charts import bar_chart, month_figures, village_chart
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import font_runs, markup, runs_width
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import refuses_unprintable
from wenming_desktop.exports.pdf.titles import title_paragraph

SUMMARY_NAME = "新时代文明实践结对共建工作总结"

TEXT_SECTIONS = SUMMARY_SECTIONS
COVERAGE_WIDTH = 495.0  # points: the frame's width (A4 less margins and padding)


@dataclass(frozen=True)
class SummaryDocument:
    hospital: str
    office: str
    period_label: str
    scope_label: str  # "全部结对村" or the village's name
    issued_on: date
    key_figures: list[tuple[str, str]]
    by_category: list[tuple[str, int]]
    by_village: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    services: list[tuple[str, int]]
    checkup_lines: list[tuple[str, str]]
    texts: dict[str, str]
    # village → held activities per month of by_month; shown as a table for all villages
    coverage: list[tuple[str, list[int]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnotes: the rounding rule …
    # 文明创建工作: figures (label, value), then what needs naming (missing leadership meetings,
    # overdue findings), one sentence each.
    office_lines: list[tuple[str, str]] = field(default_factory=list)
    office_notes: list[str] = field(default_factory=list)


def coverage_table(months: list[str], rows: list[tuple[str, list[int]]]) -> Table:
    """Villages × months: held activities; a month without any is marked 无 on a grey cell."""
    font = register_fonts()
    cell = styles()["cell"]
    header: list[object] = ["结对村", *(f"{int(m[5:])}月" for m in months), "合计"]
    data: list[list[object]] = [header]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2dcdb")),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (-1, -1), 2),
        ("RIGHTPADDING", (1, 0), (-1, -1), 2),
    ]
    for r, (village, counts) in enumerate(rows, start=1):
        data.append([Paragraph(markup(village), cell), *(n or "无" for n in counts), sum(counts)])
        for c, n in enumerate(counts, start=1):
            if not n:
                style.append(("BACKGROUND", (c, r), (c, r), colors.HexColor("#d9d9d9")))
    # the village column as wide as its longest name (one line), the months share the rest
    longest = max(
        (runs_width(font_runs(v, cell.fontName), cell.fontSize) for v, _ in rows), default=0
    )
    first = min(max(80.0, longest + 14), COVERAGE_WIDTH - 24.0 * (len(months) + 1))
    rest = (COVERAGE_WIDTH - first) / (len(months) + 1)
    table = Table(data, colWidths=[first] + [rest] * (len(months) + 1), repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _table(rows: list[tuple[str, str]]) -> Table:
    font = register_fonts()
    cell = styles()["cell"]
    table = Table(
        [[Paragraph(markup(label), cell), Paragraph(markup(value), cell)] for label, value in rows],
        colWidths=[200, 260],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2dcdb")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _paragraphs(text: str) -> list[Flowable]:
    style = styles()["body"]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return [Paragraph("（未填写）", styles()["small"])]
    return [Paragraph("　　" + markup(line), style) for line in lines]


def story(doc: SummaryDocument) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [
        title_paragraph((doc.hospital, doc.period_label, SUMMARY_NAME), s["title"]),
        Paragraph(
            markup(f"{doc.office}　范围：{doc.scope_label}　{doc.issued_on:%Y年%m月%d日}"),
            s["subtitle"],
        ),
        Spacer(1, 8),
        Paragraph("一、基本情况", s["heading"]),
        _table(doc.key_figures),
        Paragraph("二、活动开展情况", s["heading"]),
    ]
    if doc.by_category:
        parts.append(bar_chart("按活动类别统计（场次）", doc.by_category))
    if len(doc.by_village) > 1:
        parts.append(village_chart("按结对村统计（场次）", doc.by_village))
    parts.append(month_figures("按月份统计（场次）", doc.by_month))
    if len(doc.coverage) > 1:
        parts.append(Paragraph("各结对村每月开展活动情况（场次；“无”为当月未开展）", s["caption"]))
        parts.append(coverage_table([m for m, _ in doc.by_month], doc.coverage))
    parts.append(Paragraph("三、义诊与健康体检", s["heading"]))
    if doc.services:
        parts.append(bar_chart("义诊服务项目（服务人次）", doc.services))
    parts.append(_table(doc.checkup_lines))
    numbers = "四五六七"
    if doc.office_lines:
        parts.append(Paragraph("四、文明创建工作", s["heading"]))
        parts.append(_table(doc.office_lines))
        parts.append(Spacer(1, 4))
        for note in doc.office_notes:
            parts.append(Paragraph("　　" + markup(note), s["body"]))
        numbers = numbers[1:]
    for number, (key, title) in zip(numbers, TEXT_SECTIONS, strict=False):
        parts.append(Paragraph(f"{number}、{title}", s["heading"]))
        parts.extend(_paragraphs(doc.texts.get(key, "")))
    if doc.notes:
        parts.append(Spacer(1, 8))
        parts.extend(Paragraph(markup(note), s["small"]) for note in doc.notes)
    return parts


@refuses_unprintable
def write_summary_pdf(path: Path, doc: SummaryDocument) -> None:
    # the hospital apart: a long name gives way in the head, the period and document stay whole
    head = (doc.hospital, f"{doc.period_label}工作总结", f"范围：{doc.scope_label}")
    build_pdf(path, story(doc), title=f"{doc.period_label}工作总结", running_head=head)
