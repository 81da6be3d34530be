"""The counting rules of domain/counting.py and the checkup thresholds they lean on."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from wenming_desktop.domain import counting
from wenming_desktop.domain.checkups import findings, needs_follow_up
from wenming_desktop.domain.thresholds import Band, bmi, bmi_band_of, bmi_exact


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(1095, "18.3"), (5, "0.1"), (2, "0.0"), (3, "0.1"), (159, "2.7"), (90, "1.5"), (0, "0.0")],
)
def test_hours_are_rounded_half_up_from_minutes(minutes: int, shown: str) -> None:
    assert counting.hours_text(minutes) == shown
    assert counting.hours_cell(minutes) == float(shown)


def test_the_target_is_decided_on_minutes_and_never_shown_as_met() -> None:
    assert not counting.meets_target(2879) and counting.meets_target(2880)
    assert counting.hours(2879) == Decimal("48.0")  # the plain rounding would say 48.0 …
    assert counting.total_hours(2879) == Decimal("47.9")  # … the ledger does not
    assert counting.total_hours(2880) == Decimal("48.0")
    assert counting.total_hours(2400) == Decimal("40.0")


def test_per_capita_is_rounded_once_from_the_exact_quotient() -> None:
    assert counting.per_capita_hours_text(318, 2) == "2.7"  # 2.65 h, not 2.6
    assert counting.per_capita_hours_text(100, 0) == "0.0"


def test_what_counts() -> None:
    assert counting.activity_counts("done")
    assert not counting.activity_counts("planned") and not counting.activity_counts("cancelled")
    assert counting.participation_counts("done", 120, None)
    assert counting.participation_counts("done", None, 240)  # a corrected open sign-in
    assert not counting.participation_counts("done", None, None)  # open: not counted
    assert not counting.participation_counts("planned", None, None)
    assert not counting.participation_counts("done", 150, 0)  # corrected to nothing
    assert counting.is_open(None, None) and not counting.is_open(None, 30)
    assert counting.arranged("planned") and counting.arranged("done")
    assert not counting.arranged("cancelled")
    assert counting.in_hours_ledger(True, 0) and counting.in_hours_ledger(False, 30)
    assert not counting.in_hours_ledger(False, 0)


def test_star_levels_are_decided_on_minutes() -> None:
    assert counting.star_level(100 * 60 - 1) == ""
    assert counting.star_level(100 * 60) == "一星"
    assert counting.star_level(1500 * 60) == "五星"


def test_bmi_bands_use_the_exact_value_and_the_shown_value_agrees() -> None:
    height, weight = 170.0, 53.35  # BMI 18.46
    assert 18.45 < bmi_exact(height, weight) < 18.5
    assert bmi_band_of(height, weight) is Band.LOW
    assert bmi(height, weight) == 18.4  # cut, not rounded up into the normal band
    assert "BMI 18.4（偏瘦）" in findings(None, None, None, height, weight)


def test_the_follow_up_rule_judges_each_value_on_its_own() -> None:
    assert needs_follow_up(150, None, None)
    assert findings(150, None, None) == ["血压偏高 150/—"]
    assert needs_follow_up(None, 95, None) and findings(None, 95, None) == ["血压偏高 —/95"]
    assert needs_follow_up(None, None, 6.1) and not needs_follow_up(139, 89, 6.0)


def test_no_module_writes_the_target_or_a_star_threshold_as_a_literal() -> None:
    root = Path(counting.__file__).parents[1]
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "counting.py" or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"(?<![\d.,])48(?![\d,])\s*(\*\s*60|小时)|>=\s*48\b|未达48", text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
