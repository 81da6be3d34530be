"""Period summaries: the figures computed from the records and the clerk's own text sections."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Select, select

from wenming_desktop.domain.counting import (
    PER_CAPITA_LABEL,
    ROUNDING_NOTE,
    hours_text,
    per_capita_hours_text,
)
from wenming_desktop.domain.edits import merge_cells
from wenming_desktop.domain.periods import Period
from wenming_desktop.domain.thresholds import (
    BMI_NOTE,
    Band,
    blood_pressure_band,
    bmi_band_of,
    glucose_band,
)
from wenming_desktop.domain.vocabulary import SUMMARY_SECTIONS
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import PeriodText, Village
from wenming_desktop.storage.queries.summary import SummaryFigures, checkup_values, summary_figures

if TYPE_CHECKING:
    from wenming_desktop.exports.pdf.summary import SummaryDocument

SECTION_KEYS = tuple(key for key, _ in SUMMARY_SECTIONS)
BAND_LABELS = ("血压偏高", "血糖偏高", "空腹血糖受损", "偏瘦", "超重", "肥胖")
BMI_LABELS = {Band.LOW: "偏瘦", Band.OVERWEIGHT: "超重", Band.OBESE: "肥胖"}


def compute_figures(db: Database, period: Period, village_id: int | None) -> SummaryFigures:
    with db.read() as session:
        figures = summary_figures(session, period.start, period.end, village_id)
        values = checkup_values(session, period.start, period.end, village_id)
    bands = dict.fromkeys(BAND_LABELS, 0)
    for _resident, systolic, diastolic, glucose, height, weight in values:
        if blood_pressure_band(systolic, diastolic) is Band.HIGH:
            bands["血压偏高"] += 1
        if glucose is not None:
            band = glucose_band(glucose)
            if band is Band.HIGH:
                bands["血糖偏高"] += 1
            elif band is Band.IMPAIRED:
                bands["空腹血糖受损"] += 1
        if height and weight:
            label = BMI_LABELS.get(bmi_band_of(height, weight))
            if label:
                bands[label] += 1
    figures.checkups = len(values)
    figures.residents_checked = len({v[0] for v in values})
    figures.bands = bands
    return figures


def _texts_query(period: Period, village_id: int | None) -> Select[PeriodText]:
    """The stored sections of one period and scope (village_id None: the whole office)."""
    return select(PeriodText).where(
        PeriodText.period == period.code,
        PeriodText.village_id.is_(None)
        if village_id is None
        else PeriodText.village_id == village_id,
    )


def get_texts(db: Database, period: Period, village_id: int | None) -> dict[str, str]:
    with db.read() as session:
        rows = session.scalars(_texts_query(period, village_id)).all()
        return {row.section: row.text for row in rows}


def save_texts(
    db: Database,
    period: Period,
    village_id: int | None,
    texts: dict[str, str],
    seen: Mapping[str, str] | None = None,
) -> None:
    """Store the clerk's sections for this period and scope, in one transaction.

    With `seen` (the sections as the page loaded them, `get_texts`) only the sections the clerk
    changed are written; a section someone else changed meanwhile raises StaleRecord (each
    section is its own cell; its rows are locked while they are compared).
    """
    with db.write() as session:
        if seen is not None:
            current = {
                row.section: row.text
                for row in session.scalars(_texts_query(period, village_id).with_for_update())
                if row.text
            }
            shown = {key: text for key, text in seen.items() if text}
            edited = {key: text for key, text in texts.items() if text}
            what = f"{period.label}的工作总结文字"
            merged = merge_cells(current, shown, edited, what)
            texts = {key: merged.get(key, "") for key in texts}
        for section, text in texts.items():
            if section not in SECTION_KEYS:
                raise ValueError(f"unknown summary section {section!r}")
            row = session.scalars(
                select(PeriodText).where(
                    PeriodText.period == period.code,
                    PeriodText.section == section,
                    PeriodText.village_id.is_(None)
                    if village_id is None
                    else PeriodText.village_id == village_id,
                )
            ).first()
            old = row.text if row is not None else ""
            if old == text:
                continue
            if row is None:
                row = PeriodText(period=period.code, village_id=village_id, section=section)
                session.add(row)
            row.text = text
            session.flush()
            audit.record(session, "update", "period_text", row.id, {section: old}, {section: text})


def build_document(
    db: Database, period: Period, village_id: int | None, today: date | None = None
) -> SummaryDocument:
    from wenming_desktop.exports.pdf.summary import SummaryDocument

    figures = compute_figures(db, period, village_id)
    settings = get_settings(db)
    scope = "全部结对村"
    if village_id is not None:
        with db.read() as session:
            village = session.get(Village, village_id)
            scope = village.name if village else scope
    rate = figures.registration_rate
    key_figures = [
        ("开展活动（场次）", str(figures.activities_done)),
        (
            "计划中 / 已取消（场次）",
            f"{figures.activities_planned} / {figures.activities_cancelled}",
        ),
        ("受益群众（人次）", str(figures.people_served)),
        ("参与服务的志愿者（人）", str(figures.volunteers_serving)),
        ("志愿服务（人次）", str(figures.participations)),
        ("志愿服务总时长（小时）", hours_text(figures.volunteer_minutes)),
        (
            PER_CAPITA_LABEL,
            per_capita_hours_text(figures.volunteer_minutes, figures.volunteers_serving),
        ),
        (
            "志愿者注册率",
            f"{rate:.1%}（{figures.volunteers_registered}/{figures.volunteers_active}）"
            if rate is not None
            else "—",
        ),
        ("健康体检（人次 / 人数）", f"{figures.checkups} / {figures.residents_checked}"),
    ]
    checkup_lines = [("体检人次", str(figures.checkups))]
    for label, count in figures.bands.items():
        share = f"{count / figures.checkups:.1%}" if figures.checkups else "—"
        checkup_lines.append((label, f"{count} 人次（{share}）"))
    office_lines, office_notes = office_section(db, period, today or date.today())
    return SummaryDocument(
        hospital=settings.get("hospital_name", "") or "本院",
        office=settings.get("office_name", ""),
        period_label=period.label,
        scope_label=scope,
        issued_on=today or date.today(),
        key_figures=key_figures,
        by_category=figures.by_category,
        by_village=figures.by_village,
        by_month=figures.by_month,
        coverage=figures.coverage,
        notes=[ROUNDING_NOTE, BMI_NOTE],
        services=figures.services,
        checkup_lines=checkup_lines,
        texts=get_texts(db, period, village_id),
        office_lines=office_lines,
        office_notes=office_notes,
    )


def office_section(
    db: Database, period: Period, today: date
) -> tuple[list[tuple[str, str]], list[str]]:
    """The summary's 文明创建工作: meetings, the quarterly rule, 整改 and commendations; the
    quarters without a leadership meeting and the overdue findings are named."""
    from wenming_desktop.domain.office import missing_quarters
    from wenming_desktop.services.office.alerts import period_office

    office = period_office(db, period, today)
    if not (office.meetings or office.findings or office.commendations or office.quarters):
        return [], []
    missing = missing_quarters(office.quarters)
    lines = [
        ("召开会议（次）", str(office.meetings)),
        ("其中创建领导小组会议（次）", str(office.leadership_meetings)),
        ("未召开领导小组会议的季度", "、".join(q.label for q in missing) or "无"),
        ("检查反馈问题（项）", str(office.findings)),
        ("已完成整改（项）", str(office.findings_closed)),
        ("逾期未整改（项）", str(len(office.overdue))),
        ("评选表彰（项）", str(office.commendations)),
    ]
    notes = [
        f"{q.label}未召开创建领导小组会议，不符合“每季度至少召开一次”的要求。" for q in missing
    ]
    notes += [
        f"逾期未整改：{i.what}（{i.responsible or '未指定责任人'}，"
        f"整改时限 {i.deadline:%Y-%m-%d}，已逾期 {-i.days_left} 天）。"
        for i in office.overdue
    ]
    return lines, notes


def export_summary(db: Database, path: Path, period: Period, village_id: int | None) -> Path:
    from wenming_desktop.exports.pdf.summary import write_summary_pdf  # reportlab: not at start

    write_summary_pdf(path, build_document(db, period, village_id))
    return path
