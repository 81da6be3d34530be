"""Activity record sheets (活动记录表) as PDF, one per activity."""

from __future__ import annotations

from pathlib import Path

from wenming_desktop.domain.activity_record import ActivityDetail, guideline_facts
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.guidelines import GuidelineCheck, check_activity
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.services.activities.attachments import local_file
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.queries.activity_detail import activity_detail


def load_detail(ws: Workspace, activity_id: int) -> ActivityDetail:
    with ws.db.read() as session:
        detail = activity_detail(session, activity_id)
    if detail is None:
        raise UserError(f"活动（编号 {activity_id}）不存在")
    return detail


def photos_of(ws: Workspace, detail: ActivityDetail) -> list[tuple[Path | None, str]]:
    """(stored file or None when missing, caption) of the activity's photos."""
    out: list[tuple[Path | None, str]] = []
    for attachment in detail.attachments:
        if attachment.kind != AttachmentKind.PHOTO:
            continue
        path = local_file(ws.db, ws.folder, attachment.sha256, attachment.suffix)
        out.append((path, attachment.caption or attachment.original_name))
    return out


def export_activity_record(ws: Workspace, activity_id: int, path: Path) -> Path:
    detail = load_detail(ws, activity_id)
    write_record(ws, detail, path, get_setting(ws.db, "hospital_name"))
    return path


def record_inputs(
    ws: Workspace, detail: ActivityDetail
) -> tuple[list[GuidelineCheck], list[tuple[Path | None, str]]]:
    """The guideline checks and photos an activity's record is written with."""
    return check_activity(guideline_facts(detail)), photos_of(ws, detail)


def write_record(ws: Workspace, detail: ActivityDetail, path: Path, hospital: str) -> None:
    from wenming_desktop.exports.pdf.activity_record import write_activity_record  # reportlab

    checks = check_activity(guideline_facts(detail))
    write_activity_record(path, hospital, detail, checks, photos_of(ws, detail))
