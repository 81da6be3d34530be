"""健康体检汇总 (what counts): a period's checkups per village and checkup day — people checked,
the share in each threshold band, focus groups reached, follow-ups needed and done — and who was
checked (村民小组 and name only).

The bands and their labels are domain.thresholds'; the follow-up rule is
domain.checkups.needs_follow_up; the focus groups are domain.vocabulary.FocusGroup. A share is
of the people whose value was measured that day (a missing value is not judged), so each
measure's shares add up to 100 %. Every checkup counts once in its day's row (a person is
checked at most once a day); the total row counts every checkup of the period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import needs_follow_up
from wenming_desktop.domain.thresholds import Band, blood_pressure_band, bmi_band_of, glucose_band
from wenming_desktop.domain.vocabulary import FocusGroup


def _pressure(row: CheckupRow) -> Band | None:
    if row.systolic is None and row.diastolic is None:
        return None
    return blood_pressure_band(row.systolic, row.diastolic)


def _glucose(row: CheckupRow) -> Band | None:
    return glucose_band(row.fasting_glucose) if row.fasting_glucose is not None else None


def _bmi(row: CheckupRow) -> Band | None:
    if not row.height_cm or not row.weight_kg:
        return None
    return bmi_band_of(row.height_cm, row.weight_kg)


@dataclass(frozen=True)
class Measure:
    """A measured value judged into bands: `prefix` names it in a column title."""

    prefix: str
    bands: tuple[Band, ...]
    judge: Callable[[CheckupRow], Band | None]

    def column_title(self, band: Band) -> str:
        """血压正常, 血压偏高, 空腹血糖受损 (the label already names the measure), BMI超重 …"""
        return band.label if "血糖" in band.label else f"{self.prefix}{band.label}"


MEASURES: tuple[Measure, ...] = (
    Measure("血压", (Band.NORMAL, Band.HIGH), _pressure),
    Measure("血糖", (Band.NORMAL, Band.IMPAIRED, Band.HIGH), _glucose),
    Measure("BMI", (Band.LOW, Band.NORMAL, Band.OVERWEIGHT, Band.OBESE), _bmi),
)
BAND_TITLES: tuple[str, ...] = tuple(m.column_title(b) for m in MEASURES for b in m.bands)


@dataclass
class BandCount:
    """People in one band of one measure, among those `measured` for it."""

    title: str
    count: int = 0
    measured: int = 0

    @property
    def share(self) -> float:
        """count / measured as a fraction, 0.0 when nobody was measured."""
        return self.count / self.measured if self.measured else 0.0


@dataclass
class DaySummary:
    """One village's checkup day (or, with `day` None, the whole period's totals)."""

    day: date | None
    village: str
    people: int = 0
    bands: list[BandCount] = field(default_factory=lambda: [BandCount(t) for t in BAND_TITLES])
    focus: dict[str, int] = field(default_factory=lambda: {g.label: 0 for g in FocusGroup})
    follow_up_needed: int = 0
    follow_up_done: int = 0
    names: list[tuple[str, str]] = field(default_factory=list)  # (村民小组, 姓名)

    def add(self, row: CheckupRow, groups: tuple[str, ...]) -> None:
        self.people += 1
        i = 0
        for measure in MEASURES:
            band = measure.judge(row)
            for b in measure.bands:
                if band is not None:
                    self.bands[i].measured += 1
                    if band is b:
                        self.bands[i].count += 1
                i += 1
        for label in groups:
            self.focus[label] += 1
        if needs_follow_up(row.systolic, row.diastolic, row.fasting_glucose):
            self.follow_up_needed += 1
            if row.followed_up_on is not None:
                self.follow_up_done += 1
        self.names.append((row.group_name, row.name))


@dataclass
class CheckupSummary:
    title: str
    subtitle: str
    days: list[DaySummary]
    total: DaySummary


def summarise(
    rows: list[CheckupRow], focus: dict[int, tuple[str, ...]]
) -> tuple[list[DaySummary], DaySummary]:
    """Per (checkup date, village) in date then village order, and the period's total; `rows`
    sorted by date and village; `focus` maps a resident id to their focus-group labels."""
    days: list[DaySummary] = []
    total = DaySummary(None, "合计")
    for (day, _village_id), group in groupby(rows, key=lambda r: (r.checkup_date, r.village_id)):
        summary: DaySummary | None = None
        for row in group:
            if summary is None:
                summary = DaySummary(day, row.village)
            groups = focus.get(row.resident_id, ())
            summary.add(row, groups)
            total.add(row, groups)
        if summary is not None:
            days.append(summary)
    return days, total


def focus_labels(flags: object) -> tuple[str, ...]:
    """The focus-group labels of a resident row (any object with the FocusGroup flags)."""
    return tuple(g.label for g in FocusGroup if getattr(flags, g.value))
