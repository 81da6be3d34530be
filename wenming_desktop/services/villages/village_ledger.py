"""Exporting the 结对村名册 ledger: rows from the database, unmasking audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wenming_desktop.exports.excel.villages import write_villages_ledger
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.safety.unmasking import publish_unmasked, require_unmask
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.villages import village_rows


def default_villages_name(today: date | None = None) -> str:
    return safe_filename(f"结对村名册_{(today or date.today()):%Y-%m-%d}.xlsx")


def export_villages(db: Database, path: Path, unmask: bool = False) -> int:
    """Write the ledger to `path`; returns the number of villages. Unmasking is audited."""
    if unmask:
        require_unmask(db, "结对村名册")
    hospital = get_setting(db, "hospital_name")
    with db.read() as session:
        rows = village_rows(session)
    if not unmask:
        write_villages_ledger(path, hospital, rows, unmask=False)
        return len(rows)

    def write(temp: Path) -> int:
        write_villages_ledger(temp, hospital, rows, unmask=True)
        return len(rows)

    return publish_unmasked(
        db, path, "结对村名册", "village", write, lambda _n: {"export": "结对村名册"}
    )
