"""Attachment files against their rows: rows whose file has gone missing from the store, and
stored files no row names. Used by `wenming check` and by the filing packet, so a missing photo
or signed sheet is said out loud, never silently left out."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.filing import AttachmentFile, attachment_files


class MissingAttachment(NamedTuple):
    row: AttachmentFile
    path: Path | None  # where the store should hold it (None: the row's name is not valid)

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


def _expected(folder: DataFolder, row: AttachmentFile) -> Path | None:
    try:
        return folder.attachment_file(row.sha256, row.suffix)
    except UserError:  # a row whose name cannot be a stored file's
        return None


def missing_files(folder: DataFolder, rows: list[AttachmentFile]) -> list[MissingAttachment]:
    """The rows whose stored file cannot be found (DataFolder.existing_attachment: missing, or
    not a regular file inside the attachment folder)."""
    return [
        MissingAttachment(row=row, path=_expected(folder, row))
        for row in rows
        if folder.existing_attachment(row.sha256, row.suffix) is None
    ]


def check_attachments(db: Database, folder: DataFolder) -> AttachmentReport:
    """Every attachment row against the store, and the store against the rows."""
    with db.read() as session:
        rows = attachment_files(session)
    named = {path.resolve() for r in rows if (path := _expected(folder, r)) is not None}
    unnamed: list[Path] = []
    if folder.attachments.is_dir():
        for path in sorted(folder.attachments.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and path.resolve() not in named:
                unnamed.append(path)
    return AttachmentReport(missing=missing_files(folder, rows), unnamed=unnamed)


def report_lines(report: AttachmentReport) -> list[str]:
    """The report in Chinese, one line per file."""
    lines = [
        f"附件文件缺失：{m.description}" + (f"，应在 {m.path}" if m.path else "，其文件名无效")
        for m in report.missing
    ]
    lines.extend(f"附件库中有未登记的文件：{p}" for p in report.unnamed)
    return lines
