"""The consistency check of the figures: every document that shows a figure, read back, against
an independent recomputation in plain SQL (sqlite3 on the database file, no program code).

Used by tests/services/filing/test_figures_agree.py on the demo data and on the large data.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook

# Plain SQL, written here from the rules as the office states them, not from the program's code.
HELD = "a.status = 'done'"
MINUTES = "coalesce(p.corrected_minutes, p.recorded_minutes)"
IN_YEAR = "a.start_at >= :lo AND a.start_at < :hi"


def half_up(minutes: int | Decimal) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Recomputed:
    held: int
    planned: int
    participations: int
    serving: int
    minutes: int
    people_served: int
    per_person: dict[str, tuple[int, int, bool]]  # name → (participations, minutes, active)
    months: dict[str, list[int]]  # name → twelve monthly minutes
    checkups: int

    @property
    def per_capita(self) -> Decimal:
        return half_up(Decimal(self.minutes) / self.serving)


def recompute(database: Path, start: date, end: date) -> Recomputed:
    """The figures of the days start…end (inclusive)."""
    db = sqlite3.connect(database)
    args = {"lo": f"{start}", "hi": f"{end + timedelta(days=1)}"}

    def one(sql: str) -> tuple:  # type: ignore[type-arg]
        return db.execute(sql, args).fetchone()  # type: ignore[no-any-return]

    try:
        held = one(f"SELECT count(*) FROM activity a WHERE {HELD} AND {IN_YEAR}")[0]
        planned = one(f"SELECT count(*) FROM activity a WHERE a.status='planned' AND {IN_YEAR}")[0]
        served = one(f"SELECT sum(actual_attendance) FROM activity a WHERE {HELD} AND {IN_YEAR}")
        counted = (
            f"FROM participation p JOIN activity a ON a.id = p.activity_id "
            f"JOIN volunteer v ON v.id = p.volunteer_id "
            f"WHERE {HELD} AND {IN_YEAR} AND {MINUTES} > 0"
        )
        n, serving, minutes = one(
            f"SELECT count(*), count(DISTINCT p.volunteer_id), sum({MINUTES}) {counted}"
        )
        per_person = {
            name: (int(k), int(m), bool(active))
            for name, k, m, active in db.execute(
                f"SELECT v.name || '#' || v.staff_no, count(*), sum({MINUTES}), v.active "
                f"{counted} GROUP BY v.id",
                args,
            )
        }
        months: dict[str, list[int]] = {}
        for name, month, m in db.execute(
            f"SELECT v.name || '#' || v.staff_no, CAST(strftime('%m', a.start_at) AS INTEGER), "
            f"sum({MINUTES}) {counted} GROUP BY v.id, 2",
            args,
        ):
            months.setdefault(name, [0] * 12)[month - 1] = int(m)
        checkups = db.execute(
            "SELECT count(*) FROM checkup WHERE checkup_date >= ? AND checkup_date <= ?",
            (f"{start}", f"{end}"),
        ).fetchone()[0]
    finally:
        db.close()
    return Recomputed(
        held, planned, int(n), int(serving), int(minutes), int(served[0] or 0),
        per_person, months, int(checkups),
    )  # fmt: skip


@dataclass
class HoursLedger:
    rows: dict[str, tuple[list[float], float, int, str]]  # name#staff → months, total, 参加, 达标
    total_hours: float
    participations: int
    subtitle: str
    note: str


def read_hours_ledger(path: Path) -> HoursLedger:
    sheet = load_workbook(path).active
    lines = list(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
    header = list(lines[2])
    total_col = next(i for i, h in enumerate(header) if h and "合计" in str(h))
    rows: dict[str, tuple[list[float], float, int, str]] = {}
    totals: tuple | None = None  # type: ignore[type-arg]
    for line in lines[3:]:
        if line[0] == "合计":
            totals = line
            break
        name = str(line[2]).replace("（已停用）", "")
        rows[f"{name}#{line[1]}"] = (
            [float(x) for x in line[4:total_col]],
            float(line[total_col]),
            int(line[total_col + 1]),
            str(line[total_col + 2]),
        )
    assert totals is not None
    # the notes under the totals: the figures, then the rounding rule
    # (a note over a split sheet's repeated columns is broken into lines: joined again)
    below = lines[lines.index(totals) + 1 :]
    note = "\n".join(str(line[0]).replace("\n", "") for line in below if line[0])
    return HoursLedger(rows, float(totals[total_col]), int(totals[total_col + 1]),
                       str(lines[1][0]), note)  # fmt: skip


@dataclass
class ActivityLedger:
    rows: int
    total_label: str
    participations: int
    total_hours: float
    people_served: int
    subtitle: str
    note: str


def read_activity_ledger(path: Path) -> ActivityLedger:
    sheet = load_workbook(path).active
    lines = list(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
    body = [line for line in lines[3:] if isinstance(line[0], int)]
    totals = next(line for line in lines if line[0] == "合计")
    # the notes under the totals: the figures, then the rounding rule
    # (a note over a split sheet's repeated columns is broken into lines: joined again)
    below = lines[lines.index(totals) + 1 :]
    note = "\n".join(str(line[0]).replace("\n", "") for line in below if line[0])
    return ActivityLedger(
        len(body), str(totals[4]), int(totals[7]), float(totals[9]), int(totals[10]),
        str(lines[1][0]), note,
    )  # fmt: skip
