"""A birth known only to the month: shown as a year-month; ages reached on the first day of
the birth month; an ID number gives the full date when year and month agree."""

from __future__ import annotations

from datetime import date

import pytest

from tests.checkup_support import id_number
from wenming_desktop.domain.birth import (
    PRECISION_DAY,
    PRECISION_MONTH,
    age_on,
    birth_text,
    with_id_birth,
)
from wenming_desktop.domain.checkups import ELDERLY_AGE
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData, validate_resident
from wenming_desktop.domain.roster import VolunteerData, validate_volunteer


def test_shown_as_a_year_month() -> None:
    assert birth_text(date(1985, 3, 1), PRECISION_MONTH) == "1985-03"
    assert birth_text(date(1985, 3, 1), PRECISION_DAY) == "1985-03-01"
    assert birth_text(None, PRECISION_MONTH) == ""


def test_the_60th_birthday_month_counts_from_its_first_day() -> None:
    born = date(1966, 11, 1)  # 1966-11, day unknown, as stored
    assert age_on(born, date(2026, 10, 31)) == ELDERLY_AGE - 1
    assert age_on(born, date(2026, 11, 1)) == ELDERLY_AGE
    assert age_on(born, date(2026, 11, 30)) == ELDERLY_AGE


def test_an_id_number_gives_the_full_date_when_year_and_month_agree() -> None:
    id_birth = date(1985, 3, 17)
    assert with_id_birth(date(1985, 3, 1), PRECISION_MONTH, id_birth) == id_birth
    with pytest.raises(UserError, match="出生年月1985-04与身份证号中的1985-03-17不一致"):
        with_id_birth(date(1985, 4, 1), PRECISION_MONTH, id_birth)
    with pytest.raises(UserError, match="出生日期1985-03-01与身份证号"):
        with_id_birth(date(1985, 3, 1), PRECISION_DAY, id_birth)


def test_validation_keeps_a_year_month_and_an_id_replaces_it() -> None:
    alone = validate_volunteer(
        VolunteerData(name="甲", birth_date=date(1985, 3, 9), birth_precision=PRECISION_MONTH)
    )
    assert (alone.birth_date, alone.birth_precision) == (date(1985, 3, 1), PRECISION_MONTH)
    number = id_number(date(1985, 3, 17), 11)
    with_id = validate_volunteer(
        VolunteerData(
            name="甲", id_number=number, birth_date=date(1985, 3, 1), birth_precision="month"
        )
    )
    assert (with_id.birth_date, with_id.birth_precision) == (date(1985, 3, 17), PRECISION_DAY)
    resident = validate_resident(
        ResidentData(1, "乙", birth_date=date(1985, 3, 1), birth_precision=PRECISION_MONTH)
    )
    assert resident.birth_precision == PRECISION_MONTH
    resident = validate_resident(replace_id(resident, number))
    assert (resident.birth_date, resident.birth_precision) == (date(1985, 3, 17), PRECISION_DAY)
    with pytest.raises(UserError, match="精度"):
        validate_resident(ResidentData(1, "乙", birth_date=date(1985, 3, 1), birth_precision="x"))


def replace_id(data: ResidentData, number: str) -> ResidentData:
    from dataclasses import replace

    return replace(data, id_number=number)


def test_the_log_names_the_precision_in_chinese() -> None:
    from wenming_desktop.services.safety.audit_describe import describe_changes

    line = describe_changes(
        "volunteer",
        '{"birth_date": "1985-03-02", "birth_precision": "day"}',
        '{"birth_date": "1985-03-01", "birth_precision": "month"}',
    )
    assert "出生日期精度：年月日 → 只知年月" in line and "month" not in line
