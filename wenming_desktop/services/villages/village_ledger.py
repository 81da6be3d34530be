"""Exporting the 结对村名册 ledger: rows from the database, unmasking audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wenming_desktop.exports.excel.villages import write_villages_ledger
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.villages import village_rows


def default_villages_name(today: date | None = None) -> str:
    return safe_filename(f"结对村名册_{(today or date.today()):%Y-%m-%d}.xlsx")


def export_villages(db: Database, path: Path, unmask: bool = False) -> int:
    """Write the ledger to `path`; returns the number of villages. Unmasking is audited."""
    hospital = get_setting(db, "hospital_name")
    with db.read() as session:
        rows = village_rows(session)
    write_villages_ledger(path, hospital, rows, unmask=unmask)
    if unmask:
        with db.write() as session:
            audit.record(
                session,
                "unmask",
                "village",
                None,
                None,
                {"export": "结对村名册", "file": str(path)},
            )
    return len(rows)
