"""Reading and changing the program's settings (hospital name, office name …)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from wenming_desktop.domain.edits import merge_cells
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Setting

LABELS: dict[str, str] = {
    "hospital_name": "医院名称",
    "office_name": "科室/部门名称",
    "pdf_font_file": "PDF 字体文件",
}
# The font file PDFs embed; applied to the process by `wenming_desktop.runtime.apply_pdf_font`.
PDF_FONT_KEY = "pdf_font_file"


def get_settings(db: Database) -> dict[str, str]:
    with db.read() as session:
        return {row.key: row.value for row in session.scalars(select(Setting))}


def get_setting(db: Database, key: str, default: str = "") -> str:
    with db.read() as session:
        row = session.get(Setting, key)
        return row.value if row is not None else default


def update_settings(
    db: Database, values: dict[str, str], seen: Mapping[str, str] | None = None
) -> None:
    """Write the given settings. With `seen` (the settings as the page showed them) only the
    ones the clerk changed are written, and one changed elsewhere meanwhile raises StaleRecord
    (each setting is its own cell; its rows are locked while they are compared)."""
    with db.write() as session:
        if seen is not None:
            rows = session.scalars(
                select(Setting).where(Setting.key.in_(list(values))).with_for_update()
            )
            current = {row.key: row.value for row in rows}
            shown = {key: seen[key] for key in values if key in seen}
            merged = merge_cells(current, shown, values, "单位信息设置")
            values = {key: merged[key] for key in values if key in merged}
        for key, value in values.items():
            row = session.get(Setting, key)
            old = row.value if row is not None else None
            if old == value:
                continue
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(session, "update", "setting", None, {key: old}, {key: value})
