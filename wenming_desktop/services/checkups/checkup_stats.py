"""Checkup statistics per village and year: people checked, threshold bands, constitutions
(as the questionnaire judged them, and those picked without one), self-care bands and
focus-group coverage. Each person counts once, by their last checkup of
the year, so the shares are shares of people."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import ELDERLY_AGE, self_care_summary
from wenming_desktop.domain.constitution import judge_text
from wenming_desktop.domain.residents import age_on
from wenming_desktop.domain.thresholds import (
    Band,
    blood_pressure_band,
    bmi_band_of,
    glucose_band,
    self_care_band,
)
from wenming_desktop.domain.vocabulary import TCM_CONSTITUTIONS, FocusGroup
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.checkups import checkup_rows
from wenming_desktop.storage.queries.residents import ResidentRow, resident_rows

SELF_CARE_BANDS = ("可自理", "轻度依赖", "中度依赖", "不能自理")
NOT_JUDGED = "问卷未能判定"


@dataclass
class Distribution:
    """Counts per category among `measured` people (those with the value recorded)."""

    title: str
    counts: list[tuple[str, int]]
    measured: int

    def share(self, count: int) -> float:
        return count / self.measured if self.measured else 0.0


@dataclass
class Coverage:
    group: str
    registered: int
    checked: int


@dataclass
class CheckupStats:
    year: int
    checkups: int = 0  # 人次
    people: int = 0  # 人数
    elderly_registered: int = 0
    elderly_checked: int = 0
    distributions: list[Distribution] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    # 中医体质 of the people counted: judged by the questionnaire (of whom a doctor overrode
    # how many), or picked without one.
    constitution_asked: int = 0
    constitution_overridden: int = 0
    constitution_picked: int = 0


def _distribution(title: str, labels: tuple[str, ...], values: list[str]) -> Distribution:
    counted = Counter(values)
    return Distribution(title, [(label, counted.get(label, 0)) for label in labels], len(values))


def _judged(answers: str) -> str:
    judgement = judge_text(answers)
    return (judgement.primary if judgement else "") or NOT_JUDGED


def _latest_per_person(rows: list[CheckupRow]) -> dict[int, CheckupRow]:
    latest: dict[int, CheckupRow] = {}
    for row in sorted(rows, key=lambda r: (r.checkup_date, r.id)):
        latest[row.resident_id] = row
    return latest


def compute_stats(year: int, rows: list[CheckupRow], registered: list[ResidentRow]) -> CheckupStats:
    """The statistics from one year's checkup rows and the residents registered (ResidentRow)."""
    stats = CheckupStats(year, checkups=len(rows))
    latest = _latest_per_person(rows)
    people = list(latest.values())
    stats.people = len(people)
    pressure = [
        blood_pressure_band(r.systolic, r.diastolic).label
        for r in people
        if r.systolic is not None or r.diastolic is not None  # each judged on its own
    ]
    glucose = [glucose_band(r.fasting_glucose).label for r in people if r.fasting_glucose]
    weights = [
        bmi_band_of(r.height_cm, r.weight_kg).label for r in people if r.height_cm and r.weight_kg
    ]
    asked = [r for r in people if r.tcm_answers]
    judged = [_judged(r.tcm_answers) for r in asked]
    picked = [r.constitution for r in people if not r.tcm_answers and r.constitution]
    stats.constitution_asked = len(asked)
    stats.constitution_overridden = sum(1 for r in asked if r.constitution_override_reason)
    stats.constitution_picked = len(picked)
    care = []
    for r in people:
        summary = self_care_summary(
            {
                "eating": r.self_care_eating,
                "grooming": r.self_care_grooming,
                "dressing": r.self_care_dressing,
                "toilet": r.self_care_toilet,
                "moving": r.self_care_moving,
            }
        )
        if summary is not None:
            care.append(self_care_band(summary[0]))
    stats.distributions = [
        _distribution("血压", (Band.NORMAL.label, Band.HIGH.label), pressure),
        _distribution(
            "空腹血糖", (Band.NORMAL.label, Band.IMPAIRED.label, Band.HIGH.label), glucose
        ),
        _distribution(
            "BMI",
            tuple(b.label for b in (Band.LOW, Band.NORMAL, Band.OVERWEIGHT, Band.OBESE)),
            weights,
        ),
        _distribution("中医体质（问卷辨识）", (*TCM_CONSTITUTIONS, NOT_JUDGED), judged),
        _distribution("中医体质（直接选定）", TCM_CONSTITUTIONS, picked),
        _distribution("生活自理能力（60岁及以上）", SELF_CARE_BANDS, care),
    ]
    checked = set(latest)
    year_end = date(year, 12, 31)
    for group in FocusGroup:
        flagged = [r for r in registered if getattr(r, group.value)]
        stats.coverage.append(
            Coverage(group.label, len(flagged), sum(1 for r in flagged if r.id in checked))
        )
    elderly = [
        r
        for r in registered
        if (age := age_on(r.birth_date, year_end)) is not None and age >= ELDERLY_AGE
    ]
    stats.elderly_registered = len(elderly)
    stats.elderly_checked = sum(1 for r in elderly if r.id in checked)
    return stats


def checkup_stats(db: Database, year: int, village_id: int | None = None) -> CheckupStats:
    with db.read() as session:
        rows = checkup_rows(session, village_id, year)
        registered = resident_rows(session, village_id)
    return compute_stats(year, rows, registered)
