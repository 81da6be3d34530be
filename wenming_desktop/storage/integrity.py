"""SQLite's own integrity check of a database file, with nothing but the sqlite3 module.

Kept apart from services.backups (which loads SQLAlchemy) so that the window can check the
database file while it is still loading everything else (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def check_file(path: Path, full: bool = False) -> list[str]:
    """SQLite's quick (or full) integrity check of a database file; [] means sound."""
    pragma = "integrity_check" if full else "quick_check"
    if not Path(path).is_file():
        return [f"文件不存在：{path}"]
    try:
        with closing(sqlite3.connect(str(path), timeout=30)) as conn:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [f"无法读取数据库文件：{exc}"]
    return [] if rows == ["ok"] else rows[:20]
