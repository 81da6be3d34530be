from datetime import datetime

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import (
    ServiceTime,
    correct,
    format_hours,
    meets_yearly_target,
    minutes_between,
    star_level,
)


def test_minutes_between_sign_in_and_sign_out() -> None:
    assert minutes_between(datetime(2026, 7, 15, 8, 30), datetime(2026, 7, 15, 11, 45)) == 195


def test_reversed_times_are_refused() -> None:
    with pytest.raises(UserError, match="早于签到时间"):
        minutes_between(datetime(2026, 7, 15, 11, 0), datetime(2026, 7, 15, 8, 0))


def test_more_than_a_day_is_refused() -> None:
    with pytest.raises(UserError, match="超过24小时"):
        minutes_between(datetime(2026, 7, 15, 8, 0), datetime(2026, 7, 16, 9, 0))


def test_correction_needs_a_reason_and_keeps_the_recorded_value() -> None:
    with pytest.raises(UserError, match="原因"):
        correct(ServiceTime(120), 180, "  ")
    fixed = correct(ServiceTime(120), 180, "签退漏记")
    assert fixed.recorded_minutes == 120
    assert fixed.corrected_minutes == 180
    assert fixed.correction_reason == "签退漏记"


@pytest.mark.parametrize(
    ("hours", "star"),
    [(0, ""), (99.9, ""), (100, "一星"), (299, "一星"), (300, "二星"), (600, "三星"),
     (1000, "四星"), (1499, "四星"), (1500, "五星"), (5000, "五星")],
)  # fmt: skip
def test_star_levels(hours: float, star: str) -> None:
    assert star_level(round(hours * 60)) == star


def test_yearly_target_and_formatting() -> None:
    assert meets_yearly_target(48 * 60)
    assert not meets_yearly_target(48 * 60 - 1)
    assert format_hours(90) == "1.5"
