"""The period summary PDF (工作总结): figures from the records, charts, and the clerk's text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from wenming_desktop.domain.vocabulary import SUMMARY_SECTIONS
from wenming_desktop.exports.pdf.charts import bar_chart, month_figures, village_chart
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup

TEXT_SECTIONS = SUMMARY_SECTIONS


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


def _table(rows: list[tuple[str, str]]) -> Table:
    font = register_fonts()
    table = Table([list(r) for r in rows], colWidths=[200, 260])
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
        Paragraph(
            markup(f"{doc.hospital}{doc.period_label}新时代文明实践结对共建工作总结"), s["title"]
        ),
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
    parts.append(Paragraph("三、义诊与健康体检", s["heading"]))
    if doc.services:
        parts.append(bar_chart("义诊服务项目（服务人次）", doc.services))
    parts.append(_table(doc.checkup_lines))
    for number, (key, title) in zip("四五六", TEXT_SECTIONS, strict=True):
        parts.append(Paragraph(f"{number}、{title}", s["heading"]))
        parts.extend(_paragraphs(doc.texts.get(key, "")))
    return parts


def write_summary_pdf(path: Path, doc: SummaryDocument) -> None:
    build_pdf(path, story(doc), title=f"{doc.period_label}工作总结")
