"""Exporting 志愿者花名册 and 志愿服务时长台账; unmasked values only on request, audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wenming_desktop.exports.excel.roster import hours_value, write_hours, write_roster
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.roster.hours import year_hours
from wenming_desktop.services.roster.roster import list_volunteers
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database


def _hospital(db: Database) -> str:
    return get_setting(db, "hospital_name") or "本院"


def _audit_unmask(db: Database, what: str, path: Path, count: int) -> None:
    with db.write() as session:
        audit.record(
            session,
            "unmask",
            "volunteer",
            None,
            None,
            {"export": what, "file": str(path), "rows": count},
        )


def roster_filename() -> str:
    return "志愿者花名册.xlsx"


def hours_filename(year: int) -> str:
    return f"{year}年度志愿服务时长台账.xlsx"


def export_roster(
    db: Database,
    path: Path,
    unmasked: bool = False,
    include_inactive: bool = True,
    progress: Progress | None = None,
) -> int:
    """Write the roster; returns the number of volunteers written."""
    rows = [r for r in list_volunteers(db) if include_inactive or r.active]
    if progress is not None:
        progress.report(0, len(rows), "正在写入志愿者花名册…")
    active = sum(1 for r in rows if r.active)
    registered = sum(1 for r in rows if r.active and r.registered)
    subtitle = f"截至 {date.today():%Y年%m月%d日}　在册 {active} 人，已注册 {registered} 人" + (
        "" if unmasked else "　（身份证号、电话已部分隐藏）"
    )
    count = write_roster(path, f"{_hospital(db)}志愿者花名册", subtitle, rows, unmasked)
    if unmasked:
        _audit_unmask(db, "志愿者花名册", path, count)
    return count


def export_hours(db: Database, path: Path, year: int, progress: Progress | None = None) -> int:
    """Write the hours ledger of `year` over active volunteers; returns the number of rows.

    The ledger holds no ID or phone numbers, so it has nothing to unmask.
    """
    data = year_hours(db, year)
    lines = [v for v in data.volunteers if v.volunteer.active]
    if progress is not None:
        progress.report(0, len(lines), "正在写入志愿服务时长台账…")
    h = data.hospital
    rate = f"{h.registration_rate:.1%}" if h.registration_rate is not None else "—"
    subtitle = (
        f"统计期间：{year}年1月1日至{year}年12月31日　在册志愿者 {h.volunteers} 人，"
        f"注册率 {rate}，人均 {hours_value(round(h.average_minutes))} 小时，"
        f"未达48小时 {h.below_target} 人"
    )
    months = [sum(v.months[m] for v in lines) for m in range(12)]
    totals = (
        "",
        f"{len(lines)}人",
        "",
        *[hours_value(m) for m in months],
        hours_value(sum(v.year_minutes for v in lines)),
        sum(v.activities for v in lines),
        f"未达标{sum(1 for v in lines if not v.target_met)}人",
        None,
        "",
    )
    return write_hours(path, f"{_hospital(db)}{year}年度志愿服务时长台账", subtitle, lines, totals)
