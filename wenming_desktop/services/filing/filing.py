"""The filing packet (归档材料包): one action producing what took the office days.

Numbered folders with Chinese names: the ledgers and the summary of the period (every entry of
the registry in services/filing/ledgers.py that goes into the packet, always masked: a packet
is handed over), one record per activity, the attachments renamed after their activity; an
index PDF with page counts and a SHA-256 manifest. Built in a staging folder and published
whole (exports/packet.py).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from wenming_desktop.domain.activity_record import ActivityDetail
from wenming_desktop.domain.counting import PER_CAPITA_LABEL, hours_text, per_capita_hours_text
from wenming_desktop.domain.periods import Period
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.attachments import local_file
from wenming_desktop.services.filing.ledgers import (
    LEDGER_FOLDER,
    LedgerRequest,
    packet_parts,
)
from wenming_desktop.services.progress import PacketTally, Progress
from wenming_desktop.services.safety.attachment_check import missing_files
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import get_village
from wenming_desktop.storage.queries.filing import attachment_files, done_activity_ids

RECORD_FOLDER = "03_活动记录"
ATTACHMENT_FOLDER = "04_附件"


@dataclass(frozen=True)
class PacketResult:
    path: Path
    files: int
    activities: int
    missing: tuple[str, ...] = ()  # attachments whose file is gone (listed in the index too)


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
    options: frozenset[str] = frozenset(),
) -> PacketResult:
    """Write the packet for `period` (all villages or one) to `target` (a folder or a .zip).

    `options`: keys of the packet's own options (ledgers.packet_options(), e.g. the full
    checkup ledger). The activity records are written by worker processes while this thread
    writes the ledgers (services/filing/record_pool.py); progress moves with every record and
    within each ledger."""
    # reportlab and the PDF writers load here, not when the window starts.
    from wenming_desktop.exports import packet
    from wenming_desktop.exports.pdf.font_choice import chosen_font_file
    from wenming_desktop.exports.pdf.refusals import deferred_refusals
    from wenming_desktop.services.activities.records import load_detail, record_inputs
    from wenming_desktop.services.filing.record_pool import CACHE_FOLDER, RecordWriter, record_job
    from wenming_desktop.services.office.office_packet import office_items, write_office_sections

    progress = progress or Progress()
    with ws.db.read() as session:
        activity_ids = done_activity_ids(session, period.start, period.end, village_id)
    settings = get_settings(ws.db)
    hospital = settings.get("hospital_name", "") or "本院"
    parts = packet_parts(options)
    village = get_village(ws.db, village_id).name if village_id is not None else None
    request = LedgerRequest(period, village_id, village)
    office = office_items(ws, period)  # meetings with records and sign-in sheets, 整改 evidence
    # Progress units: a record counts twice (its data prepared here, its PDF written by a
    # worker); a ledger, the index and the manifest each as much as a tenth of the records.
    heavy = max(1, len(activity_ids) // 10)
    units = (len(parts) + 2) * heavy + 2 * len(activity_ids) + len(office[0]) + len(office[1])
    tally = PacketTally(progress, units)
    font = chosen_font_file()

    def record_done(title: str) -> None:
        tally.step(f"活动记录：{title}")

    with (
        packet.staging_folder(target) as staging,
        RecordWriter(ws.folder.root / CACHE_FOLDER, len(activity_ids), record_done) as writer,
    ):
        records = staging / RECORD_FOLDER
        records.mkdir()
        attachments = staging / ATTACHMENT_FOLDER
        # A document with a character no font prints is left out and noted; the packet is
        # refused once, naming every such text, before the index (refusals.py).
        with deferred_refusals():
            # The records first: the workers write them while this thread writes the ledgers.
            for number, activity_id in enumerate(activity_ids, start=1):
                progress.check()
                detail = load_detail(ws, activity_id)
                stem = f"{number:03d}_{activity_stem(detail)}"
                checks, photos = record_inputs(ws, detail)
                writer.submit(
                    record_job(records / f"{stem}.pdf", hospital, detail, checks, photos, font)
                )
                _copy_attachments(ws, detail, attachments, stem)
                tally.step(f"准备活动记录：{detail.title}")
            for spec in parts:
                assert spec.packet_file is not None  # packet_parts() holds only these
                progress.check()
                folder = staging / spec.packet_folder
                folder.mkdir(exist_ok=True)
                name = f"台账：{spec.title}" if spec.packet_folder == LEDGER_FOLDER else spec.title
                part = replace(request, progress=tally.part(f"正在写入{name}", heavy))
                spec.write(ws, part, folder / spec.packet_file(request))
                tally.end_part(name)
            progress.check()
            write_office_sections(ws, period, staging, office, tally.step)
            writer.drain(progress.check)
            progress.check()
        with ws.db.read() as session:
            missing = [
                m.description
                for m in missing_files(ws.folder, attachment_files(session, activity_ids))
            ]
        scope = village or "全部结对村"
        index = tally.part("正在编制目录", heavy)
        packet.write_index(
            staging,
            f"{hospital}{period.label}归档材料目录",
            f"范围：{scope}",
            figures=packet_figures(ws, period, village_id, len(activity_ids)),
            missing=missing,
            tick=lambda done, total: index.report(done, total),
            title_parts=(hospital, period.label, "归档材料目录"),
        )
        tally.end_part("目录")
        manifest = tally.part("正在计算校验值", heavy)
        packet.write_manifest(staging, lambda done, total: manifest.report(done, total))
        tally.end_part("目录与清单")
        progress.check()
        result = packet.publish(staging, target, as_zip)
        files = len(packet.files_in(target)) if not as_zip else len(packet.files_in(staging))
    return PacketResult(result, files, len(activity_ids), tuple(missing))


def packet_figures(
    ws: Workspace, period: Period, village_id: int | None, records: int
) -> list[tuple[str, str]]:
    """The shared figures the index states, from the same figures as the summary."""
    from wenming_desktop.services.filing.summary import compute_figures

    f = compute_figures(ws.db, period, village_id)
    return [
        ("开展活动（场次）", str(f.activities_done)),
        ("活动记录（份）", str(records)),
        ("参与服务的志愿者（人）", str(f.volunteers_serving)),
        ("志愿服务（人次）", str(f.participations)),
        ("志愿服务总时长（小时）", hours_text(f.volunteer_minutes)),
        (PER_CAPITA_LABEL, per_capita_hours_text(f.volunteer_minutes, f.volunteers_serving)),
        ("健康体检（人次）", str(f.checkups)),
    ]


def _copy_attachments(ws: Workspace, detail: ActivityDetail, folder: Path, stem: str) -> None:
    """Copy the activity's attachments that exist; the missing ones are listed in the index."""
    counters: dict[str, int] = {}
    for attachment in detail.attachments:
        source = local_file(ws.db, ws.folder, attachment.sha256, attachment.suffix)
        if source is None:
            continue
        label = AttachmentKind(attachment.kind).label
        counters[label] = counters.get(label, 0) + 1
        folder.mkdir(exist_ok=True)
        name = safe_filename(f"{stem}_{label}{counters[label]}{attachment.suffix.lower()}")
        shutil.copyfile(source, folder / name)
