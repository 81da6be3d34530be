"""Use cases of residents and health checkups."""

from __future__ import annotations

from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.checkups import CheckupRow, checkup_rows


def list_checkups(db: Database) -> list[CheckupRow]:
    with db.read() as session:
        return checkup_rows(session)
