"""The database integrity check of `wenming check`: SQLite integrity, foreign keys, schema."""

from __future__ import annotations

from sqlalchemy import text

from wenming_desktop.storage import schema
from wenming_desktop.storage.database import Database


def full_check(db: Database) -> list[str]:
    """Problems found, in Chinese; an empty list means the database is sound."""
    problems: list[str] = []
    if db.is_sqlite:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                problems.extend(f"完整性检查：{r}" for r in rows[:20])
            for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"外键检查：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
                if len(problems) > 50:
                    break
    current = schema.current_revision(db.engine)
    if current != schema.head_revision():
        problems.append(f"数据库结构版本为 {current}，本程序需要 {schema.head_revision()}")
    return problems
