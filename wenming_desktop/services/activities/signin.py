"""The volunteer sign-in sheet (志愿者签到表) of an activity, pre-filled with its volunteers.

The villager sheet of a checkup day is `checkup_exports.export_resident_signin`; both use the
same sheet builder (exports/pdf/signin.py).
"""

from __future__ import annotations

from pathlib import Path

from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.services.activities.records import load_detail
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.services.settings.workspace import Workspace

# The sheet builder puts 序号 in front of these.
VOLUNTEER_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("姓名", 1.2, False),
    ("科室", 1.2, False),
    ("联系电话", 1.6, False),
    ("签到时间", 1.2, True),
    ("签退时间", 1.2, True),
    ("本人签名", 1.6, False),
)


def volunteer_signin_name(ws: Workspace, activity_id: int) -> str:
    from wenming_desktop.exports.files import safe_filename

    detail = load_detail(ws, activity_id)
    return safe_filename(f"志愿者签到表_{detail.day:%Y-%m-%d}_{detail.title}.pdf")


def export_volunteer_signin(
    ws: Workspace, activity_id: int, path: Path, blank_rows: int = 5
) -> int:
    """Write the sheet; returns how many volunteers were pre-filled. Phones are masked."""
    from wenming_desktop.exports.pdf.signin import (  # reportlab loads on use
        SigninColumn,
        SigninHeading,
        build_signin_sheet,
    )

    detail = load_detail(ws, activity_id)
    rows = [
        [p.name, p.department or "", mask_phone(p.phone), "", "", ""] for p in detail.participants
    ]
    heading = SigninHeading(
        title=detail.title,
        sheet_name="志愿者签到表",
        day=f"{detail.start_at:%Y年%m月%d日 %H:%M}—{detail.end_at:%H:%M}",
        place=detail.place or detail.village,
        organizer=detail.organizer or get_setting(ws.db, "hospital_name"),
        extra=(("结对村", detail.village),),
    )
    columns = [SigninColumn(title, weight, center) for title, weight, center in VOLUNTEER_COLUMNS]
    build_signin_sheet(path, heading, columns, rows, blank_rows)
    return len(rows)
