"""Checkup and resident rules: validation, findings in words, self-care summary, age."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wenming_desktop.domain.checkups import (
    CheckupData,
    findings,
    needs_follow_up,
    self_care_summary,
    validate_checkup,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData, age_on, validate_resident


def test_validate_checkup() -> None:
    day = date(2025, 5, 1)
    clean = validate_checkup(CheckupData(1, day, systolic=150.0, diastolic=90, weight_kg=60))  # type: ignore[arg-type]  # a float pressure is coerced
    assert clean.systolic == 150 and isinstance(clean.systolic, int)
    assert isinstance(clean.weight_kg, float)
    with pytest.raises(UserError, match="舒张压 120 不应高于或等于收缩压 110"):
        validate_checkup(CheckupData(1, day, systolic=110, diastolic=120))
    with pytest.raises(UserError, match="九种体质"):
        validate_checkup(CheckupData(1, day, constitution="火旺质"))
    with pytest.raises(UserError, match="缺少：梳洗"):
        validate_checkup(CheckupData(1, day, self_care={"eating": 0}))
    with pytest.raises(UserError, match="晚于今天"):
        validate_checkup(CheckupData(1, date.today() + timedelta(days=1)))


def test_findings_and_follow_up() -> None:
    assert findings(139, 89, 6.0) == []
    assert findings(140, 80, 7.0, 170, 50) == [
        "血压偏高 140/80",
        "空腹血糖偏高 7",
        "BMI 17.3（偏瘦）",
    ]
    assert needs_follow_up(120, 90, None)
    assert needs_follow_up(None, None, 6.1)
    assert not needs_follow_up(139, 89, 6.0)
    assert needs_follow_up(150, None, None)  # each pressure value is judged on its own


def test_self_care_summary() -> None:
    keys = ("eating", "grooming", "dressing", "toilet", "moving")
    assert self_care_summary(dict.fromkeys(keys, 0)) == (0, "可自理")
    assert self_care_summary({**dict.fromkeys(keys, 0), "toilet": 10, "moving": 10}) == (
        20,
        "不能自理",
    )
    assert self_care_summary({**dict.fromkeys(keys, 0), "moving": None}) is None


def test_resident_validation_and_age() -> None:
    with pytest.raises(UserError, match="姓名不能为空"):
        validate_resident(ResidentData(1, "  "))
    clean = validate_resident(ResidentData(1, "张 三", phone="0468-1234567"))
    assert (clean.name, clean.phone, clean.birth_date) == ("张三", "0468-1234567", None)
    with pytest.raises(UserError, match="手机号"):
        validate_resident(ResidentData(1, "张三", phone="12345"))
    legacy = validate_resident(ResidentData(1, "王五", id_number="230421500101001"))
    assert legacy.birth_date == date(1950, 1, 1)
    assert age_on(date(1950, 6, 1), date(2025, 5, 31)) == 74
    assert age_on(date(1950, 6, 1), date(2025, 6, 1)) == 75
    assert age_on(None, date(2025, 6, 1)) is None
