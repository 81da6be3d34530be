"""Attachment files against their rows: rows whose file has gone missing from the store, and
stored files no row names. Used by `wenming check` and by the filing packet, so a missing photo
or signed sheet is said out loud, never silently left out."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.services.activities.attachments import stored_path
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.filing import AttachmentFile, attachment_files


class MissingAttachment(NamedTuple):
    row: AttachmentFile
    path: Path  # where the store should hold it

    @property
    def description(self) -> str:
        """E.g. 2026-05-03“东兴村健康义诊”的活动照片“IMG_01.jpg”（附件编号 12）."""
        r = self.row
        kinds = {k.value: k.label for k in AttachmentKind}
        kind = kinds.get(r.kind, "附件")
        name = f"“{r.original_name}”" if r.original_name else ""
        return f"{r.start_at:%Y-%m-%d}“{r.title}”的{kind}{name}（附件编号 {r.id}）"


class AttachmentReport(NamedTuple):
    missing: list[MissingAttachment]
    unnamed: list[Path]  # files in the store that no attachment row names


def missing_files(folder: DataFolder, rows: list[AttachmentFile]) -> list[MissingAttachment]:
    """The rows whose stored file does not exist."""
    out = []
    for row in rows:
        path = stored_path(folder, row.sha256, row.suffix)
        if not path.is_file():
            out.append(MissingAttachment(row, path))
    return out


def check_attachments(db: Database, folder: DataFolder) -> AttachmentReport:
    """Every attachment row against the store, and the store against the rows."""
    with db.read() as session:
        rows = attachment_files(session)
    named = {stored_path(folder, r.sha256, r.suffix).resolve() for r in rows}
    unnamed: list[Path] = []
    if folder.attachments.is_dir():
        for path in sorted(folder.attachments.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and path.resolve() not in named:
                unnamed.append(path)
    return AttachmentReport(missing_files(folder, rows), unnamed)


def report_lines(report: AttachmentReport) -> list[str]:
    """The report in Chinese, one line per file."""
    lines = [f"附件文件缺失：{m.description}，应在 {m.path}" for m in report.missing]
    lines.extend(f"附件库中有未登记的文件：{p}" for p in report.unnamed)
    return lines
