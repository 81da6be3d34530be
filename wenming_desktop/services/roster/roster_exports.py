"""Exporting 志愿者花名册 and 志愿服务时长台账; unmasked values only on request, audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wenming_desktop.domain.counting import ROUNDING_NOTE, TARGET_HOURS, TO_DATE, hours_text
from wenming_desktop.domain.periods import Period
from wenming_desktop.exports.excel.roster import hours_value, write_hours, write_roster
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.roster.hours import year_hours
from wenming_desktop.services.roster.roster import list_volunteers
from wenming_desktop.services.safety.unmasking import publish_unmasked, require_unmask
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage.database import Database


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _hospital(db: Database) -> str:
    return get_setting(db, "hospital_name") or "本院"


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
    """Write the roster; returns the number of volunteers written. Unmasking is refused for a
    只读 user before anything is written, and audited before the file appears."""
    if unmasked:
        require_unmask(db, "志愿者花名册")
    rows = [r for r in list_volunteers(db) if include_inactive or r.active]
    if progress is not None:
        progress.report(0, len(rows), "正在写入志愿者花名册…")
    active = sum(1 for r in rows if r.active)
    registered = sum(1 for r in rows if r.active and r.registered)
    subtitle = f"截至 {date.today():%Y年%m月%d日}　在册 {active} 人，已注册 {registered} 人" + (
        "" if unmasked else "　（身份证号、电话已部分隐藏）"
    )

    def write(target: Path) -> int:
        return write_roster(target, (_hospital(db), "志愿者花名册"), subtitle, rows, unmasked)

    if not unmasked:
        return write(path)
    return publish_unmasked(
        db,
        path,
        "志愿者花名册",
        "volunteer",
        write,
        lambda n: {"export": "志愿者花名册", "rows": n},
    )


def export_hours(
    db: Database,
    path: Path,
    year: int,
    progress: Progress | None = None,
    period: Period | None = None,
) -> int:
    """Write the hours ledger of `year` (or of `period`, a part of one year); returns the rows.

    Rows are the volunteers of counting.in_hours_ledger (the active roster and everyone who
    served, leavers marked 已停用); hours are rounded half-up from minutes, totals from minutes,
    and a footnote states the rule. The ledger holds no ID or phone numbers: nothing to unmask.
    """
    start = period.start if period else date(year, 1, 1)
    end = period.end if period else date(year, 12, 31)
    data = year_hours(db, year, start, end) if period else year_hours(db, year)
    lines = data.ledger
    months = list(range(start.month, end.month + 1))
    if progress is not None:
        progress.report(0, len(lines), "正在写入志愿服务时长台账…")
    h = data.hospital
    rate = f"{h.registration_rate:.1%}" if h.registration_rate is not None else "—"
    leavers = f"（含已停用 {h.inactive_listed} 人）" if h.inactive_listed else ""
    subtitle = f"统计期间：{_day(start)}至{_day(end)}"
    # The figures under the totals, not over every page: a ledger split across pages repeats
    # its subtitle over the narrow repeated columns on each page.
    figures = (
        f"统计：列入 {h.listed} 人{leavers}，"
        f"参与服务 {h.serving} 人，服务 {h.participations} 人次，"
        f"总时长 {hours_text(h.total_minutes)} 小时，"
        f"人均 {h.average_text} 小时（按参与服务的 {h.serving} 人计）；"
        f"在册 {h.volunteers} 人，注册率 {rate}，"
        f"{'' if len(months) == 12 else TO_DATE}未达{TARGET_HOURS}小时 {h.below_target} 人。"
    )
    month_totals = [sum(v.months[m - 1] for v in lines) for m in months]
    totals = (
        "",
        f"{len(lines)}人",
        "",
        *[hours_value(m) for m in month_totals],
        hours_value(sum(v.year_minutes for v in lines)),
        sum(v.activities for v in lines),
        f"未达标{h.below_target}人（在册）",
        None,
        "",
    )
    title = f"{year}年度" if period is None else period.label
    return write_hours(
        path,
        (_hospital(db), title, "志愿服务时长台账"),
        subtitle,
        lines,
        totals,
        months,
        (figures, ROUNDING_NOTE),
    )
