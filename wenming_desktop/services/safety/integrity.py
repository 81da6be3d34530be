"""The database integrity check of `wenming check`: SQLite integrity, foreign keys, schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from wenming_desktop.storage import schema
from wenming_desktop.storage.database import Database

MAX_REPORTED = 50


def check_sqlite_file(path: Path, quick: bool = False) -> list[str]:
    """SQLite's own integrity (or quick) check and the foreign-key check, on a raw connection.

    Runs before SQLAlchemy touches the file, so a damaged file is described, not crashed on.
    """
    problems: list[str] = []
    try:
        conn = sqlite3.connect(path, timeout=30)
    except sqlite3.Error as exc:
        return [f"无法打开数据库文件：{exc}"]
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            problems.extend(f"完整性检查：{r}" for r in rows[:MAX_REPORTED])
        if not quick:
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"外键检查：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
                if len(problems) >= MAX_REPORTED:
                    break
    except sqlite3.DatabaseError as exc:
        problems.append(f"数据库文件已损坏或不是本程序的数据库：{exc}")
    except UnicodeDecodeError:
        # SQLite's error text quoted damaged schema bytes that are not UTF-8.
        problems.append("数据库文件已损坏：数据库结构信息无法读取")
    finally:
        conn.close()
    return problems


def full_check(db: Database) -> list[str]:
    """Problems found, in Chinese; an empty list means the database is sound."""
    if db.path is not None:
        problems = check_sqlite_file(db.path)
        if problems:
            return problems
    else:
        problems = []
        with db.engine.connect() as conn:
            if db.is_sqlite:
                rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
                problems.extend(f"完整性检查：{r}" for r in rows if r != "ok")
    current = schema.current_revision(db.engine)
    if current != schema.head_revision():
        problems.append(f"数据库结构版本为 {current}，本程序需要 {schema.head_revision()}")
    return problems
