from datetime import date, datetime

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.plausible_dates import (
    check_activity_start,
    check_birth_date,
    check_checkup_date,
    check_sign_time,
)

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("birth", "ok"),
    [
        (date(1899, 12, 31), False),
        (date(1900, 1, 1), True),
        (TODAY, True),
        (date(2026, 12, 1), False),
        (None, True),
    ],
)
def test_birth_dates(birth: date | None, ok: bool) -> None:
    if ok:
        check_birth_date(birth, TODAY)
    else:
        with pytest.raises(UserError, match="出生日期"):
            check_birth_date(birth, TODAY)


@pytest.mark.parametrize(
    ("start", "ok"),
    [
        (datetime(1999, 12, 31, 23, 59), False),
        (datetime(2000, 1, 1, 0, 0), True),
        (datetime(2027, 12, 1, 9), True),  # 366 days ahead
        (datetime(2027, 12, 2, 9), False),
    ],
)
def test_activity_window(start: datetime, ok: bool) -> None:
    if ok:
        check_activity_start(start, TODAY)
    else:
        with pytest.raises(UserError, match="活动开始时间"):
            check_activity_start(start, TODAY)


START, END = datetime(2026, 7, 1, 8), datetime(2026, 7, 1, 11)


@pytest.mark.parametrize(
    ("moment", "ok"),
    [
        (datetime(2026, 6, 29, 23, 59), False),
        (datetime(2026, 6, 30, 0, 0), True),
        (datetime(2026, 7, 2, 23, 59), True),
        (datetime(2026, 7, 3, 0, 0), False),
        (datetime(2027, 7, 1, 9), False),
    ],
)
def test_sign_times_near_the_activity(moment: datetime, ok: bool) -> None:
    if ok:
        check_sign_time(moment, START, END, "签到")
    else:
        with pytest.raises(UserError, match=r"签到时间.*相差超过一天"):
            check_sign_time(moment, START, END, "签到")


def test_checkups() -> None:
    birth = date(1950, 5, 1)
    check_checkup_date(date(2000, 1, 1), birth, TODAY)
    check_checkup_date(TODAY, birth, TODAY)
    with pytest.raises(UserError, match="早于2000年"):
        check_checkup_date(date(1999, 12, 31), birth, TODAY)
    with pytest.raises(UserError, match="晚于今天"):
        check_checkup_date(date(2026, 12, 1), birth, TODAY)
    with pytest.raises(UserError, match="早于村民的出生日期"):
        check_checkup_date(date(2010, 1, 1), date(2010, 1, 2), TODAY)
    check_checkup_date(date(2010, 1, 2), date(2010, 1, 2), TODAY)
