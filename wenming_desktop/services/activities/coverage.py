"""Monthly coverage: activities per paired village per month, and the concentrated week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from wenming_desktop.domain.periods import in_concentrated_week
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Activity, Village
from wenming_desktop.storage.queries.counting import ACTIVITY_COUNTS, ARRANGED, activity_in


@dataclass(frozen=True)
class MonthCell:
    activities: int = 0
    in_concentrated_week: bool = False  # at least one fell in the month's third week


@dataclass(frozen=True)
class VillageCoverage:
    village_id: int
    village: str
    months: tuple[MonthCell, ...]  # 12 cells, January first

    @property
    def total(self) -> int:
        return sum(cell.activities for cell in self.months)


def year_coverage(db: Database, year: int, planned: bool = True) -> list[VillageCoverage]:
    """One row per village. The planning view (月度覆盖, 首页's reminder) counts held and planned
    activities (counting.arranged); with `planned=False` only held ones (counting.activity_counts),
    as the summary's coverage table does."""
    counted = ARRANGED if planned else ACTIVITY_COUNTS
    with db.read() as session:
        villages = session.execute(select(Village.id, Village.name).order_by(Village.id)).all()
        acts = session.execute(
            select(Activity.village_id, Activity.start_at).where(
                activity_in(date(year, 1, 1), date(year, 12, 31)), counted
            )
        ).all()
    counts: dict[tuple[int, int], int] = {}
    weeks: set[tuple[int, int]] = set()
    for village_id, start_at in acts:
        key = (village_id, start_at.month)
        counts[key] = counts.get(key, 0) + 1
        if in_concentrated_week(start_at.date()):
            weeks.add(key)
    return [
        VillageCoverage(
            vid,
            name,
            tuple(MonthCell(counts.get((vid, m), 0), (vid, m) in weeks) for m in range(1, 13)),
        )
        for vid, name in villages
    ]


def uncovered_villages(db: Database, today: date) -> list[tuple[int, str]]:
    """Villages with no (planned or held) activity in today's month."""
    rows = year_coverage(db, today.year)
    return [(r.village_id, r.village) for r in rows if r.months[today.month - 1].activities == 0]
