"""健康体检汇总: the checkups of a period as an inspector reads them, one row per village and
checkup day — people checked, the share in each threshold band, focus groups reached, follow-ups
needed and done — and a list of who was checked, with no ID number, phone or health value.

This is what a filing packet carries instead of the (masked) full 健康体检台账; what counts is
domain.checkup_summary's, the sheet is exports/excel/checkup_summary.py.
"""

from __future__ import annotations

from pathlib import Path

from wenming_desktop.domain.checkup_summary import CheckupSummary, focus_labels, summarise
from wenming_desktop.domain.periods import Period
from wenming_desktop.services.progress import Progress
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Setting, Village
from wenming_desktop.storage.queries.checkups import checkup_rows
from wenming_desktop.storage.queries.residents import resident_rows


def compute_summary(
    db: Database, period: Period, village_id: int | None = None, progress: Progress | None = None
) -> CheckupSummary:
    """The summary of the period's checkups (of one village, or all)."""
    with db.read() as session:
        rows = checkup_rows(
            session,
            village_id,
            newest_first=False,
            date_from=period.start,
            date_to=period.end,
        )
        if progress is not None:
            progress.report(1, 3, "正在汇总健康体检…")
        residents = resident_rows(session, village_id)
        village = session.get(Village, village_id).name if village_id else "全部结对村"  # type: ignore[union-attr]  # id from find_village
        setting = session.get(Setting, "hospital_name")
        hospital = (setting.value if setting else "") or "本院"
    focus = {r.id: labels for r in residents if (labels := focus_labels(r))}
    days, total = summarise(rows, focus)
    return CheckupSummary(
        f"{hospital}{period.label}健康体检汇总",
        f"{village}　体检 {len(days)} 场次（按村和体检日）　共 {total.people} 人次",
        days,
        total,
    )


def export_checkup_summary(
    db: Database,
    path: Path,
    period: Period,
    village_id: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Write 健康体检汇总.xlsx for the period (and village); returns the checkups counted.
    Holds no health value of a person, so it is never masked and needs no audited choice."""
    from wenming_desktop.exports.excel.checkup_summary import write_checkup_summary

    if progress is not None:
        progress.report(0, 3, "正在汇总健康体检…")
    summary = compute_summary(db, period, village_id, progress)
    if progress is not None:
        progress.report(2, 3, "正在写入健康体检汇总…")
    write_checkup_summary(path, summary)
    return summary.total.people
