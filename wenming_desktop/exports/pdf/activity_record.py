"""The activity record sheet (活动记录表): every field, volunteers with hours, free-clinic
services, guideline checks, and photos with captions two per row."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from wenming_desktop.domain.activity_record import ActivityDetail
from wenming_desktop.domain.guidelines import CheckResult, GuidelineCheck
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.keep import keep_totals
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import refuses_unprintable
from wenming_desktop.exports.pdf.titles import title_paragraph

CONTENT_WIDTH = 180 * mm
PHOTO_WIDTH = 85 * mm
PHOTO_HEIGHT = 62 * mm


def _grid(data: list[list[object]], widths: Sequence[float], header: bool = True) -> Table:
    table = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2dcdb")))
    table.setStyle(TableStyle(style))
    return table


def _p(text: object) -> Paragraph:
    return Paragraph(markup("" if text is None else str(text)), styles()["cell"])


def _fields(d: ActivityDetail) -> Table:
    yes_no = {True: "是", False: "否"}
    when = f"{d.start_at:%Y年%m月%d日 %H:%M}—{d.end_at:%H:%M}"
    rows: list[list[object]] = [
        ["活动名称", _p(d.title), "活动类别", _p(d.category)],
        ["结对村", _p(d.village), "活动状态", ActivityStatus(d.status).label],
        ["活动地点", _p(d.place), "公共场所", yes_no[d.place_is_public]],
        ["活动时间", _p(when), "主办单位", _p(d.organizer)],
        ["负责人", _p(d.person_in_charge), "应急药箱携带人", _p(d.medicine_kit_holder or "未指定")],
        ["预计参加人数", d.expected_attendance or "", "受益群众人次", d.actual_attendance or ""],
        ["公安审批文号", _p(d.police_approval_ref or "—"),
         "城管审批文号", _p(d.city_approval_ref or "—")],
        ["背景板/横幅", yes_no[d.has_backdrop],
         "群众满意度", f"{d.satisfaction} 分" if d.satisfaction else "—"],
    ]  # fmt: skip
    table = _grid(rows, [28 * mm, 62 * mm, 30 * mm, 60 * mm], header=False)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f5efe6")),
                ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f5efe6")),
            ]
        )
    )
    return table


def _volunteers(d: ActivityDetail) -> Flowable:
    if not d.participants:
        return Paragraph("（未登记志愿者）", styles()["small"])
    rows: list[list[object]] = [["序号", "姓名", "科室", "签到", "签退", "时长(小时)", "备注"]]
    total = 0
    for i, p in enumerate(d.participants, start=1):
        if p.corrected_minutes is not None:
            minutes, note = p.corrected_minutes, f"已更正：{p.correction_reason}"
        elif p.recorded_minutes is not None:
            minutes, note = p.recorded_minutes, ""
        else:
            minutes, note = None, "未签退，未计入"
        total += minutes or 0
        rows.append(
            [
                i,
                _p(p.name),
                _p(p.department or ""),
                f"{p.sign_in:%H:%M}" if p.sign_in else "",
                f"{p.sign_out:%H:%M}" if p.sign_out else "",
                format_hours(minutes) if minutes is not None else "—",
                _p(note),
            ]
        )
    rows.append(["合计", f"{len(d.participants)} 人", "", "", "", format_hours(total), ""])
    widths = [12 * mm, 24 * mm, 26 * mm, 18 * mm, 18 * mm, 22 * mm, 60 * mm]
    return keep_totals(_grid(rows, widths))


def _services(d: ActivityDetail) -> list[Flowable]:
    if not d.services and not d.departments:
        return []
    s = styles()
    parts: list[Flowable] = [Paragraph("义诊服务情况", s["heading"])]
    if d.departments:
        departments = Paragraph(markup("参加科室：" + "、".join(d.departments)), s["body"])
        departments.keepWithNext = 1  # the services table follows: kept with its first rows
        parts.append(departments)
    if d.services:
        rows: list[list[object]] = [["服务项目", "科室", "服务人次", "发放药品/资料(份)"]]
        rows += [[_p(r.service), _p(r.department or "—"), r.people_served, r.materials_given]
                 for r in d.services]  # fmt: skip
        parts.append(_grid(rows, [50 * mm, 40 * mm, 35 * mm, 45 * mm]))
    return parts


def _checks(checks: Sequence[GuidelineCheck]) -> Table:
    rows: list[list[object]] = [["检查项目", "结果", "说明"]]
    rows += [[_p(c.title), c.result.label, _p(c.reason)] for c in checks]
    table = _grid(rows, [70 * mm, 25 * mm, 85 * mm])
    for i, check in enumerate(checks, start=1):
        if check.result is CheckResult.NOT_MET:
            table.setStyle(TableStyle([("TEXTCOLOR", (1, i), (1, i), colors.HexColor("#c0392b"))]))
    return table


def _photos(photos: Sequence[tuple[Path | None, str]]) -> list[Flowable]:
    if not photos:
        return []
    s = styles()
    cells: list[Flowable] = []
    for path, caption in photos:
        if path is not None and path.exists():
            image = Image(str(path))
            ratio = min(PHOTO_WIDTH / image.imageWidth, PHOTO_HEIGHT / image.imageHeight)
            image.drawWidth, image.drawHeight = image.imageWidth * ratio, image.imageHeight * ratio
            cells.append(Table([[image], [_p(caption)]], colWidths=[PHOTO_WIDTH + 4]))
        else:
            cells.append(Paragraph(markup(f"（照片文件缺失：{caption}）"), s["small"]))
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2)
    grid.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
    )
    return [Paragraph("活动照片", s["heading"]), grid]


def record_story(
    hospital: str,
    detail: ActivityDetail,
    checks: Sequence[GuidelineCheck],
    photos: Sequence[tuple[Path | None, str]],
) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph("新时代文明实践活动记录表", s["title"]),
        title_paragraph((hospital,), s["subtitle"]),
        Spacer(1, 6),
        _fields(detail),
        Paragraph("活动内容及成效", s["heading"]),
        Paragraph(markup(detail.summary or "（未填写）"), s["body"]),
        Paragraph("参加志愿者及服务时长", s["heading"]),
        _volunteers(detail),
        *_services(detail),
        Paragraph("活动规范检查", s["heading"]),
        _checks(checks),
        *_photos(photos),
    ]
    return story


@refuses_unprintable
def write_activity_record(
    path: Path,
    hospital: str,
    detail: ActivityDetail,
    checks: Sequence[GuidelineCheck],
    photos: Sequence[tuple[Path | None, str]],
) -> None:
    build_pdf(
        path,
        record_story(hospital, detail, checks, photos),
        title=f"活动记录表 {detail.title}",
        running_head=("活动记录表", detail.title, f"{detail.start_at:%Y年%m月%d日}"),
    )
