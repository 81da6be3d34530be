"""Attachments (photos, scanned signed sheets, approvals) in the program's store.

Files are copied into the data folder's attachments/ folder and named by their SHA-256, so the
original may be moved or deleted and the same file added twice is stored once. An attachment
belongs to one owner: an activity, a meeting or a finding (整改 evidence); a stored file is
removed only when no attachment of any owner uses it. On a server database the bytes also go
into the database (attachment_content, by hash), and the local folder is a cache: `local_file`
fetches what another PC added (docs/postgres.md).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.attachment_names import clean_suffix
from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.storage import audit
from wenming_desktop.storage.conflicts import run_retrying
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import apply_values
from wenming_desktop.storage.models import Activity, Attachment, AttachmentContent
from wenming_desktop.storage.office_models import Finding, Meeting
from wenming_desktop.storage.queries.rows import rows_as

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp"})
MAX_SIZE = 200 * 1024 * 1024

OwnerKind = Literal["activity", "meeting", "finding"]
# owner → (its model, the attachment column naming it, the message when it is gone)
_OWNERS: dict[str, tuple[Any, Any, str]] = {
    "activity": (Activity, Attachment.activity_id, "活动已不存在"),
    "meeting": (Meeting, Attachment.meeting_id, "会议已不存在"),
    "finding": (Finding, Attachment.finding_id, "整改事项已不存在"),
}


class AttachmentRow(NamedTuple):
    id: int
    kind: str
    original_name: str
    caption: str
    sha256: str
    suffix: str
    size: int
    added_at: datetime | None
    version: int


@dataclass(frozen=True)
class CaptionData:
    """What 修改说明… edits of an attachment."""

    caption: str


def seen_caption(row: AttachmentRow) -> Seen[CaptionData]:
    """The caption and version a listed attachment was shown with, for `set_caption`."""
    return Seen(CaptionData(caption=row.caption), row.version)


class StoredFile(NamedTuple):
    sha256: str
    suffix: str
    size: int
    original_name: str


def stored_path(folder: DataFolder, sha256: str, suffix: str) -> Path:
    """Where the store keeps a file (the data folder's one rule, shared with filing).

    Raises UserError for a row whose name is not of the content-hash form.
    """
    return folder.attachment_file(sha256, suffix)


def existing_file(folder: DataFolder, row: AttachmentRow) -> Path | None:
    """The stored file of a row, or None when missing or its name is not valid (never a path
    outside the attachment folder)."""
    return folder.existing_attachment(row.sha256, row.suffix)


def _discard_stored(folder: DataFolder, sha256: str, suffix: str) -> None:
    """Delete a stored file no row uses any more; a row of an invalid name deletes nothing."""
    path = folder.existing_attachment(sha256, suffix)
    if path is not None:
        path.unlink(missing_ok=True)


def is_image(row: AttachmentRow) -> bool:
    return row.suffix in IMAGE_SUFFIXES


def store_file(folder: DataFolder, source: Path) -> StoredFile:
    """Copy a file into the store (once per content); returns what identifies it."""
    source = Path(source)
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise UserError(f"“{source}”不是文件")
        if size > MAX_SIZE:
            raise UserError(f"“{source.name}”超过200 MB，不能作为附件")
        digest = hashlib.sha256()
        with open(source, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        sha = digest.hexdigest()
        suffix = clean_suffix(source.suffix)
        target = stored_path(folder, sha, suffix)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".part-", dir=target.parent)
            os.close(fd)
            try:
                shutil.copyfile(source, temp)
                os.replace(temp, target)
            finally:
                Path(temp).unlink(missing_ok=True)
    except UserError:
        raise
    except OSError as exc:
        raise UserError(f"无法读取或保存附件“{source}”：{os_reason(exc)}") from None
    return StoredFile(sha, suffix, size, source.name)


def add_attachments(
    db: Database, folder: DataFolder, activity_id: int, paths: Sequence[Path], kind: str
) -> list[int]:
    """Copy the files into the store, then record them all in one transaction."""
    return add_owned_attachments(db, folder, "activity", activity_id, paths, kind)


def add_owned_attachments(
    db: Database,
    folder: DataFolder,
    owner: OwnerKind,
    owner_id: int,
    paths: Sequence[Path],
    kind: str,
) -> list[int]:
    """Attach files to an activity, a meeting or a finding; one transaction for all of them."""
    kind_value = AttachmentKind(kind).value
    model, column, gone = _OWNERS[owner]
    stored = [store_file(folder, Path(p)) for p in paths]

    def work(session: Session) -> list[int]:
        if session.get(model, owner_id) is None:
            raise UserError(gone)
        ids = []
        for item in stored:
            row = Attachment(
                kind=kind_value,
                sha256=item.sha256,
                original_name=item.original_name[:255],
                suffix=item.suffix,
                size=item.size,
                caption=Path(item.original_name).stem[:200],
                added_at=datetime.now().replace(microsecond=0),
            )
            setattr(row, column.key, owner_id)
            session.add(row)
            session.flush()
            audit.record(
                session,
                "create",
                "attachment",
                row.id,
                None,
                {column.key: owner_id, "name": item.original_name, "sha256": item.sha256},
            )
            ids.append(row.id)
        if not db.is_sqlite:
            _share_contents(session, folder, stored)
        return ids

    return run_retrying(db, work)  # two PCs adding the same photo at once: the second retries


def _share_contents(session: Session, folder: DataFolder, stored: Sequence[StoredFile]) -> None:
    """Put the bytes of files the server does not hold yet into attachment_content."""
    hashes = {item.sha256 for item in stored}
    present = set(
        session.scalars(
            select(AttachmentContent.sha256).where(AttachmentContent.sha256.in_(hashes))
        )
    )
    for item in stored:
        if item.sha256 in present:
            continue
        present.add(item.sha256)
        path = stored_path(folder, item.sha256, item.suffix)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"无法读取附件“{item.original_name}”：{exc.strerror or exc}") from None
        session.add(AttachmentContent(sha256=item.sha256, data=data))
    session.flush()


def local_file(db: Database, folder: DataFolder, sha256: str, suffix: str) -> Path | None:
    """The attachment's file in this PC's store, fetched from the server when another PC added
    it; None when its bytes are nowhere (a SQLite folder whose file was lost)."""
    existing = folder.existing_attachment(sha256, suffix)
    if existing is not None or db.is_sqlite:
        return existing
    path = stored_path(folder, sha256, suffix)
    with db.read() as session:
        data = session.scalar(
            select(AttachmentContent.data).where(AttachmentContent.sha256 == sha256)
        )
    if data is None:
        return None
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise UserError(f"无法保存附件到“{path.parent}”：{exc.strerror or exc}") from None
    return path


def list_attachments(db: Database, activity_id: int) -> list[AttachmentRow]:
    return list_owned_attachments(db, "activity", activity_id)


def list_owned_attachments(db: Database, owner: OwnerKind, owner_id: int) -> list[AttachmentRow]:
    column = _OWNERS[owner][1]
    with db.read() as session:
        stmt = (
            select(
                Attachment.id,
                Attachment.kind,
                Attachment.original_name,
                Attachment.caption,
                Attachment.sha256,
                Attachment.suffix,
                Attachment.size,
                Attachment.added_at,
                Attachment.version,
            )
            .where(column == owner_id)
            .order_by(Attachment.id)
        )
        return rows_as(AttachmentRow, session.execute(stmt))


def set_caption(
    db: Database, attachment_id: int, caption: str, seen: Seen[CaptionData] | None = None
) -> None:
    """Change an attachment's caption (trimmed, at most 200 characters).

    With `seen` (`seen_caption`), a caption someone else changed meanwhile is not overwritten:
    StaleRecord (Chinese, offers 重新载入). UserError when the attachment is gone.
    """
    with db.write() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise UserError("附件已不存在")
        current = CaptionData(caption=row.caption)
        edited = CaptionData(caption=caption.strip()[:200])
        shown = (seen.data if seen else current).caption or row.original_name
        values = values_to_save(current, row.version, seen, edited, f"附件“{shown}”的说明")
        old, new = apply_values(row, values)
        if new:
            audit.record(session, "update", "attachment", attachment_id, old, new)


def remove_attachment(db: Database, folder: DataFolder, attachment_id: int) -> None:
    """Delete the record; the stored file goes too when no other record uses it."""
    with db.write() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            return
        sha, suffix = row.sha256, row.suffix
        session.delete(row)
        audit.record(
            session,
            "delete",
            "attachment",
            attachment_id,
            {"name": row.original_name, "sha256": sha},
            None,
        )
        session.flush()
        others = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.sha256 == sha)
        )
        if not others and not db.is_sqlite:
            content = session.get(AttachmentContent, sha)
            if content is not None:
                session.delete(content)
    if not others:
        _discard_stored(folder, sha, suffix)


def delete_activity_and_files(db: Database, folder: DataFolder, activity_id: int) -> None:
    """Delete an activity (services.activities), then the stored files only it used."""
    from wenming_desktop.services.activities.activities import delete_activity

    files = owned_files(db, "activity", activity_id)
    delete_activity(db, activity_id)
    remove_unused_files(db, folder, files)


def owned_files(db: Database, owner: OwnerKind, owner_id: int) -> set[tuple[str, str]]:
    """(sha256, suffix) of the files an owner's attachments use: read before deleting it."""
    column = _OWNERS[owner][1]
    with db.read() as session:
        rows = session.execute(
            select(Attachment.sha256, Attachment.suffix).where(column == owner_id)
        )
        return {(sha, suffix) for sha, suffix in rows}


def remove_unused_files(db: Database, folder: DataFolder, files: set[tuple[str, str]]) -> None:
    """Unlink those of `files` no attachment (of any owner) uses any more."""
    with db.read() as session:
        still_used = set(
            session.scalars(
                select(Attachment.sha256).where(Attachment.sha256.in_([s for s, _x in files]))
            )
        )
    for sha, suffix in files:
        if sha not in still_used:
            _discard_stored(folder, sha, suffix)
