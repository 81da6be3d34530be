from datetime import date

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.periods import concentrated_week, in_concentrated_week, parse_period


@pytest.mark.parametrize(
    ("code", "start", "end", "label"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026年"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "2026年上半年"),
        ("2026-h2", date(2026, 7, 1), date(2026, 12, 31), "2026年下半年"),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024年2月"),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31), "2026年12月"),
    ],
)
def test_periods(code: str, start: date, end: date, label: str) -> None:
    period = parse_period(code)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("code", ["26", "2026-Q5", "2026/07", "2026-H3", ""])
def test_bad_periods_name_the_accepted_forms(code: str) -> None:
    with pytest.raises(UserError, match="2026-Q3"):
        parse_period(code)


def test_concentrated_week_starts_on_the_third_monday() -> None:
    # November 2026 begins on a Sunday: Mondays are the 2nd, 9th, 16th.
    assert concentrated_week(2026, 11) == (date(2026, 11, 16), date(2026, 11, 22))
    # June 2026 begins on a Monday: the 1st, 8th, 15th.
    assert concentrated_week(2026, 6) == (date(2026, 6, 15), date(2026, 6, 21))
    assert in_concentrated_week(date(2026, 6, 21))
    assert not in_concentrated_week(date(2026, 6, 22))


def test_month_out_of_range() -> None:
    with pytest.raises(UserError, match="月份 13 不存在"):
        parse_period("2026-13")
