"""The filing packet's sections of the office's creation work: each meeting of the period with
its 会议记录, 会议签到表 and attachments (the scanned signed sheet, photos), and the evidence of
the period's findings (整改佐证). The three ledgers go in through the ledger registry; the packet's
index lists every file written here."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from wenming_desktop.domain.office import OFFICE_ATTACHMENT_LABELS
from wenming_desktop.domain.periods import Period
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.attachments import (
    OwnerKind,
    list_owned_attachments,
    stored_path,
)
from wenming_desktop.services.office.office_exports import (
    export_meeting_record,
    export_meeting_signin,
)
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.queries.office import finding_rows, meeting_rows

MEETING_FOLDER = "05_会议记录与签到表"
EVIDENCE_FOLDER = "06_整改佐证材料"


def office_items(ws: Workspace, period: Period) -> tuple[list[int], list[tuple[int, str]]]:
    """The period's meeting ids and (finding id, description) of findings with evidence."""
    with ws.db.read() as session:
        meetings = [m.id for m in meeting_rows(session, period.start, period.end)]
        findings = [
            (f.id, f.description)
            for f in finding_rows(session, start=period.start, end=period.end)
            if f.evidence
        ]
    return meetings, findings


def _copy(ws: Workspace, owner: OwnerKind, owner_id: int, folder: Path, stem: str) -> None:
    counters: dict[str, int] = {}
    for row in list_owned_attachments(ws.db, owner, owner_id):
        source = stored_path(ws.folder, row.sha256, row.suffix)
        if not source.exists():
            continue
        label = OFFICE_ATTACHMENT_LABELS.get(row.kind, "文件")
        counters[label] = counters.get(label, 0) + 1
        folder.mkdir(exist_ok=True)
        name = safe_filename(f"{stem}_{label}{counters[label]}{row.suffix.lower()}")
        shutil.copyfile(source, folder / name)


def write_office_sections(
    ws: Workspace,
    period: Period,
    staging: Path,
    items: tuple[list[int], list[tuple[int, str]]],
    step: Callable[[str], None],
) -> None:
    """Write the meeting and evidence folders of the packet; `step` is called per item."""
    from wenming_desktop.services.office.meetings import get_meeting

    meetings, findings = items
    if meetings:
        folder = staging / MEETING_FOLDER
        folder.mkdir()
        for number, meeting_id in enumerate(meetings, start=1):
            detail = get_meeting(ws.db, meeting_id)
            day = f"{detail.data.starts_at:%Y-%m-%d}"
            stem = safe_filename(f"{number:02d}_{day}_{detail.data.title}", max_length=70)
            export_meeting_record(ws, meeting_id, folder / f"{stem}_会议记录.pdf")
            export_meeting_signin(ws, meeting_id, folder / f"{stem}_会议签到表.pdf")
            _copy(ws, "meeting", meeting_id, folder, stem)
            step(f"会议记录：{detail.data.title}")
    if findings:
        folder = staging / EVIDENCE_FOLDER
        for number, (finding_id, description) in enumerate(findings, start=1):
            stem = safe_filename(f"{number:02d}_{description[:24]}", max_length=60)
            _copy(ws, "finding", finding_id, folder, stem)
            step(f"整改佐证：{description[:24]}")
