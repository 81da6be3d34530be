"""The filing packet (归档材料包): one action producing what took the office days.

Numbered folders with Chinese names: ledgers of the period, the summary, one record per
activity, the attachments renamed after their activity; an index PDF with page counts and a
SHA-256 manifest. Built in a staging folder and published whole (exports/packet.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wenming_desktop.domain.activity_record import ActivityDetail
from wenming_desktop.domain.periods import Period
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import get_village
from wenming_desktop.storage.queries.filing import done_activity_ids

LEDGER_FOLDER = "01_台账"
SUMMARY_FOLDER = "02_工作总结"
RECORD_FOLDER = "03_活动记录"
ATTACHMENT_FOLDER = "04_附件"

# A ledger of the period: (file name, writer(workspace, period, village_id, path)). Every ledger
# goes in masked: a packet is handed over, so no full ID or phone number leaves in it.
LedgerWriter = Callable[[Workspace, Period, "int | None", Path], object]


def _roster(ws: Workspace, _period: Period, _village: int | None, path: Path) -> object:
    from wenming_desktop.services.roster.roster_exports import export_roster

    return export_roster(ws.db, path)


def _hours(ws: Workspace, period: Period, _village: int | None, path: Path) -> object:
    """The yearly hours ledger of the period's year (hours are a yearly target)."""
    from wenming_desktop.services.roster.roster_exports import export_hours

    return export_hours(ws.db, path, period.start.year)


def _villages(ws: Workspace, _period: Period, _village: int | None, path: Path) -> object:
    from wenming_desktop.services.villages.village_ledger import export_villages

    return export_villages(ws.db, path)


def _checkups(ws: Workspace, period: Period, village: int | None, path: Path) -> object:
    from wenming_desktop.services.checkups.checkup_exports import export_checkup_ledger

    return export_checkup_ledger(ws.db, path, period.start.year, village)


def _activities(ws: Workspace, period: Period, village: int | None, path: Path) -> object:
    """文明实践活动台账 of the period, all villages or the packet's one."""
    from wenming_desktop.services.activities.activity_export import export_period_ledger

    return export_period_ledger(ws, period, village, path)


def _audit(ws: Workspace, period: Period, _village: int | None, path: Path) -> object:
    """The period's 操作日志 (issue 8): who changed what, masked as in the viewer."""
    from wenming_desktop.services.safety.audit_log import export_audit_period

    return export_audit_period(ws.db, path, period)


LEDGERS: list[tuple[str, LedgerWriter]] = [
    ("结对村名册.xlsx", _villages),
    ("志愿者花名册.xlsx", _roster),
    ("志愿服务时长台账.xlsx", _hours),
    ("健康体检台账.xlsx", _checkups),
    ("文明实践活动台账.xlsx", _activities),
    ("操作日志.xlsx", _audit),
]


@dataclass(frozen=True)
class PacketResult:
    path: Path
    files: int
    activities: int


def activity_stem(detail: ActivityDetail) -> str:
    """Date, village (unless the title names it) and title: how a clerk would name the file."""
    village = detail.village.split("镇")[-1].split("乡")[-1]
    title = detail.title if village in detail.title else f"{village}_{detail.title}"
    return safe_filename(f"{detail.day:%Y-%m-%d}_{title}", max_length=80)


def default_packet_name(period: Period, scope: str) -> str:
    return safe_filename(f"归档材料_{period.label}_{scope}")


def build_packet(
    ws: Workspace,
    period: Period,
    village_id: int | None,
    target: Path,
    as_zip: bool = False,
    progress: Progress | None = None,
) -> PacketResult:
    """Write the packet for `period` (all villages or one) to `target` (a folder or a .zip)."""
    # reportlab and the PDF writers load here, not when the window starts.
    from wenming_desktop.exports import packet
    from wenming_desktop.services.activities.records import load_detail, write_record
    from wenming_desktop.services.filing.summary import export_summary

    progress = progress or Progress()
    with ws.db.read() as session:
        activity_ids = done_activity_ids(session, period.start, period.end, village_id)
    settings = get_settings(ws.db)
    hospital = settings.get("hospital_name", "") or "本院"
    steps = len(LEDGERS) + 1 + len(activity_ids) + 2
    done = 0

    def step(message: str) -> None:
        nonlocal done
        done += 1
        progress.report(done, steps, message)

    with packet.staging_folder(target) as staging:
        ledgers = staging / LEDGER_FOLDER
        ledgers.mkdir()
        for name, writer in LEDGERS:
            progress.check()
            writer(ws, period, village_id, ledgers / name)
            step(f"台账：{name}")
        (staging / SUMMARY_FOLDER).mkdir()
        export_summary(
            ws.db, staging / SUMMARY_FOLDER / f"{period.label}工作总结.pdf", period, village_id
        )
        step("工作总结")
        records = staging / RECORD_FOLDER
        records.mkdir()
        attachments = staging / ATTACHMENT_FOLDER
        for number, activity_id in enumerate(activity_ids, start=1):
            progress.check()
            detail = load_detail(ws, activity_id)
            stem = f"{number:03d}_{activity_stem(detail)}"
            write_record(ws, detail, records / f"{stem}.pdf", hospital)
            _copy_attachments(ws, detail, attachments, stem)
            step(f"活动记录：{detail.title}")
        progress.check()
        scope = "全部结对村" if village_id is None else get_village(ws.db, village_id).name
        packet.write_index(staging, f"{hospital}{period.label}归档材料目录", f"范围：{scope}")
        packet.write_manifest(staging)
        step("目录与清单")
        progress.check()
        result = packet.publish(staging, target, as_zip)
        files = len(packet.files_in(target)) if not as_zip else len(packet.files_in(staging))
    return PacketResult(result, files, len(activity_ids))


def _copy_attachments(ws: Workspace, detail: ActivityDetail, folder: Path, stem: str) -> None:
    counters: dict[str, int] = {}
    for attachment in detail.attachments:
        source = ws.folder.existing_attachment(attachment.sha256, attachment.suffix)
        if source is None:  # missing, or a row whose name is not a stored file's
            continue
        label = AttachmentKind(attachment.kind).label
        counters[label] = counters.get(label, 0) + 1
        folder.mkdir(exist_ok=True)
        name = safe_filename(f"{stem}_{label}{counters[label]}{attachment.suffix.lower()}")
        shutil.copyfile(source, folder / name)
