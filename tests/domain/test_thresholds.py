import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.thresholds import (
    Band,
    blood_pressure_band,
    bmi,
    bmi_band,
    check_plausible,
    glucose_band,
    self_care_band,
    self_care_total,
)


def test_blood_pressure() -> None:
    assert blood_pressure_band(139, 89) is Band.NORMAL
    assert blood_pressure_band(140, 80) is Band.HIGH
    assert blood_pressure_band(120, 90) is Band.HIGH


def test_glucose() -> None:
    assert glucose_band(6.0) is Band.NORMAL
    assert glucose_band(6.1) is Band.IMPAIRED
    assert glucose_band(6.9) is Band.IMPAIRED
    assert glucose_band(7.0) is Band.HIGH


def test_bmi_and_bands() -> None:
    assert bmi(170, 65) == 22.4  # 22.49…: cut to one decimal, so it stays in its band
    assert bmi_band(18.4) is Band.LOW
    assert bmi_band(18.5) is Band.NORMAL
    assert bmi_band(24) is Band.OVERWEIGHT
    assert bmi_band(28) is Band.OBESE


def test_implausible_values_are_refused() -> None:
    check_plausible("systolic", 180)
    with pytest.raises(UserError, match="收缩压"):
        check_plausible("systolic", 18)


def test_self_care_assessment() -> None:
    scores = {"eating": 3, "grooming": 1, "dressing": 0, "toilet": 5, "moving": 10}
    assert self_care_total(scores) == 19
    assert self_care_band(0) == "可自理"
    assert self_care_band(3) == "可自理"
    assert self_care_band(4) == "轻度依赖"
    assert self_care_band(8) == "轻度依赖"
    assert self_care_band(9) == "中度依赖"
    assert self_care_band(18) == "中度依赖"
    assert self_care_band(19) == "不能自理"
    with pytest.raises(UserError, match="梳洗"):
        self_care_total({"grooming": 2})
