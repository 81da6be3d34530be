"""Exports of the checkup subject: 健康体检台账.xlsx and a checkup day's villager sign-in sheet.

The writers (openpyxl, reportlab) are imported when an export runs, not when the window starts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from wenming_desktop.domain.checkups import ELDERLY_AGE
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.periods import Period
from wenming_desktop.domain.privacy import MASKED_NOTE
from wenming_desktop.domain.residents import age_on
from wenming_desktop.domain.thresholds import BMI_SHORT_NOTE
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.safety.unmasking import publish_unmasked, require_unmask
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Setting, Village
from wenming_desktop.storage.queries.checkups import activity_day, ledger_checkup_rows
from wenming_desktop.storage.queries.residents import born_on_or_before

LEDGER_FILE_NAME = "健康体检台账.xlsx"
# (title, share of the width, centred) of the villager sign-in sheet's columns
RESIDENT_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("姓名", 1.3, False),
    ("性别", 0.6, True),
    ("年龄", 0.6, True),
    ("村民小组", 1.5, False),
    ("身份证号", 2.6, False),
    ("联系电话", 1.7, False),
    ("本人签名", 2.0, False),
)


def _hospital(session: Session) -> str:
    setting = session.get(Setting, "hospital_name")
    return setting.value if setting else ""


def _years_before(day: date, years: int) -> date:
    """The latest birth date of someone `years` old on `day` (29 February → 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def export_checkup_ledger(
    db: Database,
    path: Path,
    year: int,
    village_id: int | None = None,
    unmasked: bool = False,
    progress: Progress | None = None,
    period: Period | None = None,
) -> int:
    """Write 健康体检台账 for a year, or a `period` of it (and village). ID numbers, phones and
    health values are masked unless `unmasked`, which is recorded in the audit log.

    The rows stream from the database into the file (a year is ~50,000 rows): the file is
    written inside one read transaction, which holds no lock on SQLite (WAL) or PostgreSQL."""
    from wenming_desktop.exports.excel.checkups import write_checkup_ledger  # on use

    if unmasked:
        require_unmask(db, "健康体检台账")
    with db.read() as session:
        village = session.get(Village, village_id).name if village_id else "全部结对村"  # type: ignore[union-attr]  # id from find_village
        hospital = _hospital(session)
        total, rows = ledger_checkup_rows(
            session,
            village_id,
            year,
            date_from=period.start if period else None,
            date_to=period.end if period else None,
        )
        if progress is not None:
            progress.report(0, total, "正在写入健康体检台账…")
        label = period.label if period else f"{year}年"
        title = (hospital, label, "健康体检台账")
        subtitle = f"{village}　共 {total} 人次" + (
            f"　（{BMI_SHORT_NOTE}）" if unmasked else f"　（身份证号、电话已脱敏，{MASKED_NOTE}）"
        )

        def tick(done: int) -> None:
            if progress is not None:
                progress.report(done, total, "正在写入健康体检台账…")

        def write(target: Path) -> int:
            count = write_checkup_ledger(target, rows, title, subtitle, unmasked, tick)
            # The rows are read: end the read transaction before the unmask entry is written
            # (SQLite without WAL would make that writer wait for this reader).
            session.rollback()
            return count

        if not unmasked:
            return write(path)
        return publish_unmasked(
            db,
            path,
            "健康体检台账",
            "checkup_ledger",
            write,
            lambda n: {
                "year": year,
                "village": village,
                "rows": n,
                "fields": "身份证号、电话、健康数值",
            },
        )


def export_resident_signin(
    db: Database,
    activity_id: int,
    path: Path,
    residents: bool = True,
    blank_rows: int = 0,
    min_age: int = ELDERLY_AGE,
) -> int:
    """The villager sign-in sheet of a checkup day: the village's residents of `min_age` and
    over (masked ID and phone), then `blank_rows` empty rows. Returns the pre-filled count."""
    # reportlab loads here, not when the window starts.
    from wenming_desktop.exports.pdf.signin import SigninColumn, SigninHeading, build_signin_sheet

    if blank_rows < 0 or blank_rows > 2000:
        raise UserError("空白行数应在 0–2000 之间")
    with db.read() as session:
        day = activity_day(session, activity_id)
        if day is None:
            raise UserError(f"活动（编号 {activity_id}）不存在")
        when = day.start_at.date()
        latest = _years_before(when, min_age) if residents else None
        people = born_on_or_before(session, day.village_id, latest) if latest else []
        organizer = day.organizer or _hospital(session)
    if not people and blank_rows == 0:
        raise UserError("没有可填入的村民，请用空白行（--blank）打印签到表")
    rows = [
        [
            p.name,
            p.gender,
            str(age_on(p.birth_date, when) or ""),
            p.group_name,
            mask_id(p.id_number),
            mask_phone(p.phone),
            "",
        ]
        for p in people
    ]
    heading = SigninHeading(
        title=day.title,
        sheet_name="村民签到表",
        day=f"{day.start_at:%Y年%m月%d日 %H:%M}",
        place=day.place or day.village,
        organizer=organizer,
        extra=(("结对村", day.village),),
    )
    columns = [SigninColumn(title, weight, center) for title, weight, center in RESIDENT_COLUMNS]
    build_signin_sheet(path, heading, columns, rows, blank_rows)
    return len(rows)
