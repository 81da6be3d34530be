"""Which activities belong to a filing period, and the attachment rows to file with them."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.storage.models import Activity, Attachment
from wenming_desktop.storage.queries.counting import ACTIVITY_COUNTS, activity_in
from wenming_desktop.storage.queries.rows import rows_as


def done_activity_ids(
    session: Session, start: date, end: date, village_id: int | None = None
) -> list[int]:
    """Activities carried out (已开展) in the period, in date order."""
    stmt = select(Activity.id).where(activity_in(start, end), ACTIVITY_COUNTS)
    if village_id is not None:
        stmt = stmt.where(Activity.village_id == village_id)
    return list(session.scalars(stmt.order_by(Activity.start_at, Activity.id)))


class AttachmentFile(NamedTuple):
    """An attachment row with the activity it belongs to, to say where a missing file belongs."""

    id: int
    activity_id: int
    start_at: datetime
    title: str
    kind: str
    original_name: str
    sha256: str
    suffix: str


def attachment_files(
    session: Session, activity_ids: list[int] | None = None
) -> list[AttachmentFile]:
    """Every attachment row (or those of some activities), by activity date."""
    stmt = (
        select(
            Attachment.id,
            Attachment.activity_id,
            Activity.start_at,
            Activity.title.label("title"),
            Attachment.kind,
            Attachment.original_name,
            Attachment.sha256,
            Attachment.suffix,
        )
        .join(Activity, Activity.id == Attachment.activity_id)
        .order_by(Activity.start_at, Attachment.id)
    )
    if activity_ids is not None:
        stmt = stmt.where(Attachment.activity_id.in_(activity_ids))
    return rows_as(AttachmentFile, session.execute(stmt))
