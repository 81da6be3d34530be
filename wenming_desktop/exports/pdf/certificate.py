"""志愿服务记录证明: a volunteer's service over a date range, with number, issuer and seal space
(identity, service content and hours, issuing organisation with seal, issue date, and how the
record can be checked: docs/rules.md, "Volunteer certificates")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from wenming_desktop.domain.counting import SHORT_ROUNDING_NOTE
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.keep import keep_totals
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import refuses_unprintable


@dataclass(frozen=True)
class CertificateLine:
    day: date
    title: str
    place: str
    hours: str


@dataclass(frozen=True)
class CertificateContent:
    number: str
    hospital: str
    office: str
    name: str
    gender: str
    id_masked: str
    staff_no: str
    department: str
    registry_no: str
    date_from: date
    date_to: date
    total_hours: str
    lines: tuple[CertificateLine, ...]
    issued_on: date


def _d(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _table(content: CertificateContent) -> Table:
    cell = styles()["cell"]
    data: list[list[object]] = [["序号", "日期", "服务内容（活动名称）", "服务地点", "时长(小时)"]]
    for i, line in enumerate(content.lines, start=1):
        data.append(
            [i, f"{line.day:%Y-%m-%d}", Paragraph(markup(line.title), cell),
             Paragraph(markup(line.place), cell), line.hours]
        )  # fmt: skip
    data.append(["合计", "", f"共 {len(content.lines)} 次", "", content.total_hours])
    table = Table(data, colWidths=[14 * mm, 26 * mm, 80 * mm, 40 * mm, 20 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2dcdb")),
                ("SPAN", (0, -1), (1, -1)),
            ]
        )
    )
    return keep_totals(table)


@refuses_unprintable
def write_certificate(path: Path, content: CertificateContent) -> None:
    s = styles()
    identity = f"{content.name}（{content.gender or '性别未登记'}"
    if content.id_masked:
        identity += f"，身份证号 {content.id_masked}"
    if content.staff_no:
        identity += f"，工号 {content.staff_no}"
    identity += f"，{content.department}）" if content.department else "）"
    registry = (
        f"其全国志愿服务信息系统志愿者编号为 {markup(content.registry_no)}。"
        if content.registry_no
        else ""
    )
    body = (
        f"兹证明 {markup(identity)}，系{markup(content.hospital)}志愿者。"
        f"{_d(content.date_from)}至{_d(content.date_to)}期间，该同志参加本院组织的新时代文明实践"
        f"志愿服务活动 {len(content.lines)} 次，累计志愿服务时长 {content.total_hours} 小时。"
        f"{registry}服务记录如下表。特此证明。"
    )
    issuer = markup(content.hospital + (f"（{content.office}）" if content.office else ""))
    seal = Table(
        [[Paragraph(f"出具单位：{issuer}", s["body"]), "（盖章）"],
         [Paragraph(f"出具日期：{_d(content.issued_on)}", s["body"]), ""]],
        colWidths=[110 * mm, 60 * mm],
        rowHeights=[22 * mm, 10 * mm],
    )  # fmt: skip
    seal.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("TEXTCOLOR", (1, 0), (1, 0), colors.grey),
                ("BOX", (1, 0), (1, 1), 0.5, colors.lightgrey),
            ]
        )
    )
    check = (
        f"核验方式：本证明编号 {markup(content.number)} 已登记在{markup(content.hospital)}文明实践"
        "工作台中，记载了开具对象、期间、服务次数和时长；如需核验，请持本证明联系出具单位，"
        "凭编号查对。涂改无效。"
    )
    story: list[Flowable] = [
        Paragraph("志愿服务记录证明", s["title"]),
        Paragraph(f"编号：{markup(content.number)}", s["subtitle"]),
        Spacer(1, 6 * mm),
        Paragraph(body, s["body"]),
        Spacer(1, 4 * mm),
        _table(content),
        Paragraph(SHORT_ROUNDING_NOTE, s["small"]),
        Spacer(1, 8 * mm),
        seal,
        Spacer(1, 8 * mm),
        Paragraph(check, s["small"]),
    ]
    build_pdf(
        path,
        story,
        title=f"志愿服务记录证明 {content.number}",
        running_head=("志愿服务记录证明", f"编号：{content.number}", content.name),
    )
