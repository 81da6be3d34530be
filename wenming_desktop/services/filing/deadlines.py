"""Report deadlines (工作小结, 全年工作总结 …): editing them and what is due soon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import select

from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import apply_values
from wenming_desktop.storage.models import Deadline
from wenming_desktop.storage.queries.rows import rows_as

_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


class DeadlineRow(NamedTuple):
    id: int
    name: str
    month_day: str
    notes: str
    version: int


@dataclass(frozen=True)
class DeadlineData:
    """What the 报送期限 tab edits of a deadline ("MM-DD" for `month_day`)."""

    name: str
    month_day: str


def seen_of(row: DeadlineRow) -> Seen[DeadlineData]:
    """The values and version a listed deadline was shown with, for `save_deadline`'s `seen`."""
    return Seen(DeadlineData(name=row.name, month_day=row.month_day), row.version)


class DueDeadline(NamedTuple):
    name: str
    due: date
    days_left: int


def parse_month_day(text: str) -> str:
    """ "10-20" or "2-20" → "MM-DD"; a day that never exists is refused (02-29 is allowed)."""
    match = _MONTH_DAY.match(text.strip())
    if not match:
        raise UserError(f"截止日期“{text}”格式不正确，应写成 月-日，例如 10-20")
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2024, month, day)  # a leap year, so 02-29 is accepted
    except ValueError:
        raise UserError(f"截止日期“{text}”不存在") from None
    return f"{month:02d}-{day:02d}"


def list_deadlines(db: Database) -> list[DeadlineRow]:
    with db.read() as session:
        stmt = select(
            Deadline.id, Deadline.name, Deadline.month_day, Deadline.notes, Deadline.version
        ).order_by(Deadline.id)
        return rows_as(DeadlineRow, session.execute(stmt))


def save_deadline(
    db: Database,
    deadline_id: int | None,
    name: str,
    month_day: str,
    seen: Seen[DeadlineData] | None = None,
) -> int:
    """Add (deadline_id None) or change a deadline; returns its id.

    With `seen` (from `seen_of` on the listed row) only the fields the clerk changed are
    written, and a change to a field someone else changed meanwhile raises StaleRecord;
    without it both fields are written. UserError for an empty name, a bad date or a name
    already used.
    """
    clean_name = name.strip()
    if not clean_name:
        raise UserError("报送事项名称不能为空")
    clean_day = parse_month_day(month_day)
    with db.write() as session:
        clash = session.scalar(select(Deadline.id).where(Deadline.name == clean_name))
        if clash is not None and clash != deadline_id:
            raise UserError(f"已有名为“{clean_name}”的报送事项")
        if deadline_id is None:
            added = Deadline(name=clean_name, month_day=clean_day)
            session.add(added)
            session.flush()
            audit.record(
                session,
                "create",
                "deadline",
                added.id,
                None,
                {"name": clean_name, "month_day": clean_day},
            )
            return added.id
        row = session.get(Deadline, deadline_id)
        if row is None:
            raise UserError("这条报送事项已不存在")
        current = DeadlineData(name=row.name, month_day=row.month_day)
        edited = DeadlineData(name=clean_name, month_day=clean_day)
        what = f"报送事项“{(seen.data if seen else current).name}”"  # as the clerk saw it
        values = values_to_save(current, row.version, seen, edited, what)
        old, new = apply_values(row, values)
        if new:
            audit.record(session, "update", "deadline", row.id, old, new)
        return row.id


def delete_deadline(db: Database, deadline_id: int) -> None:
    with db.write() as session:
        row = session.get(Deadline, deadline_id)
        if row is None:
            return
        session.delete(row)
        audit.record(session, "delete", "deadline", deadline_id, {"name": row.name}, None)


def _next_occurrence(month_day: str, today: date) -> date:
    month, day = (int(p) for p in month_day.split("-"))
    for year in (today.year, today.year + 1, today.year + 2):
        try:
            due = date(year, month, day)
        except ValueError:  # 02-29 outside a leap year: the day before
            due = date(year, month, day - 1)
        if due >= today:
            return due
    raise AssertionError("unreachable")


def due_within(db: Database, today: date, days: int = 30) -> list[DueDeadline]:
    """Deadlines falling in the next `days` days (today included), soonest first."""
    result = []
    for row in list_deadlines(db):
        due = _next_occurrence(row.month_day, today)
        left = (due - today).days
        if left <= days:
            result.append(DueDeadline(row.name, due, left))
    return sorted(result, key=lambda d: d.due)
