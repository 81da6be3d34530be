"""Exporting the activity ledger (文明实践活动台账): a year, or a filing packet's period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from wenming_desktop.domain.counting import activity_counts
from wenming_desktop.domain.guidelines import check_activity
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.exports.excel.activities import (
    LEDGER_NAME,
    LedgerActivity,
    write_activity_ledger,
)
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.activity_checks import facts_for, guideline_status
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.activities import ActivityFilter, activity_rows
from wenming_desktop.storage.queries.activity_ledger import volunteers_by_activity


def ledger_filename(year: int, village: str | None) -> str:
    suffix = f"_{village}" if village else ""
    return safe_filename(f"{LEDGER_NAME}_{year}{suffix}.xlsx")


def export_activities(
    db: Database,
    path: Path,
    year: int,
    village_id: int | None = None,
    village_name: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the year's ledger; returns the number of activities."""
    return export_activity_range(
        db,
        path,
        date(year, 1, 1),
        date(year, 12, 31),
        f"{year}年度",
        village_id,
        village_name,
        progress,
    )


def export_activity_range(
    db: Database,
    path: Path,
    date_from: date,
    date_to: date,
    label: str,
    village_id: int | None = None,
    village_name: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the ledger of a date range, oldest first: the held activities only
    (counting.activity_counts), their counted participations and minutes; how many are still
    planned is said under the title."""
    flt = ActivityFilter(village_id=village_id, date_from=date_from, date_to=date_to)
    with db.read() as session:
        every = activity_rows(session, flt)
        rows = [r for r in every if activity_counts(r.status)]
        planned = sum(1 for r in every if r.status == ActivityStatus.PLANNED)
        rows.reverse()  # the query is newest first; a ledger reads oldest first
        ids = [r.id for r in rows]
        people = volunteers_by_activity(session, ids)
        facts = facts_for(session, ids)
    hospital = get_setting(db, "hospital_name")
    title = (hospital or "", LEDGER_NAME)
    subtitle = label + (f" · {village_name}" if village_name else " · 全部结对村")
    subtitle += "　仅列已开展的活动" + (f"（另有计划中 {planned} 场未列入）" if planned else "")

    def ledger_rows() -> Iterator[LedgerActivity]:
        for i, r in enumerate(rows):
            if progress is not None and i % 200 == 0:
                progress.report(i, len(rows), "正在写入活动台账")
            names, minutes = people.get(r.id, ([], 0))
            yield LedgerActivity(
                day=r.start_at.date(),
                village=r.village,
                category=r.category,
                title=r.title,
                place=r.place,
                status=ActivityStatus(r.status).label,
                volunteer_names=names,
                minutes=minutes,
                people_served=r.actual_attendance,
                guideline_status=guideline_status(check_activity(facts[r.id])),
            )

    return write_activity_ledger(path, title, subtitle, ledger_rows())
