"""Helpers for backup tests: whole-database dumps and attachments stored as the program does."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Attachment


def dump_tables(database: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a database file, in a stable order (restore entries of the
    audit log aside)."""
    conn = sqlite3.connect(str(database))
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        dump = {
            t: sorted((tuple(r) for r in conn.execute(f'SELECT * FROM "{t}"')), key=repr)
            for t in tables
        }
        if "audit_entry" in dump:  # a restore notes itself in the restored log; leave that out
            restores = {
                r[0] for r in conn.execute("SELECT seq FROM audit_entry WHERE action = 'restore'")
            }
            dump["audit_entry"] = [r for r in dump["audit_entry"] if r[0] not in restores]
        return dump
    finally:
        conn.close()


def add_attachment(ws: Workspace, activity_id: int, content: bytes, suffix: str = ".jpg") -> str:
    """Store `content` as an attachment of an activity; returns its SHA-256."""
    sha = hashlib.sha256(content).hexdigest()
    path = ws.folder.attachment_file(sha, suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with ws.db.write() as session:
        session.add(
            Attachment(
                activity_id=activity_id,
                sha256=sha,
                suffix=suffix,
                size=len(content),
                original_name=f"photo{suffix}",
            )
        )
    return sha
