"""Use cases of activities and free clinics."""

from __future__ import annotations

from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.activities import ActivityRow, activity_rows


def list_activities(db: Database) -> list[ActivityRow]:
    with db.read() as session:
        return activity_rows(session)
