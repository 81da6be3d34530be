"""Use cases of the volunteer roster."""

from __future__ import annotations

from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.volunteers import VolunteerRow, volunteer_rows


def list_volunteers(db: Database) -> list[VolunteerRow]:
    with db.read() as session:
        return volunteer_rows(session)
