"""The rule matching a resident list row without an ID number to a registered resident."""

from __future__ import annotations

from datetime import date

from wenming_desktop.domain.birth import PRECISION_DAY, PRECISION_MONTH
from wenming_desktop.domain.resident_match import PersonFacts, same_person_without_id


def facts(
    name: str = "李秀英",
    birth: date | None = None,
    precision: str = PRECISION_DAY,
    group: str = "",
) -> PersonFacts:
    return PersonFacts(name, birth, precision, group)


def test_birth_dates_decide_when_both_known() -> None:
    born = date(1948, 1, 1)
    assert same_person_without_id(facts(birth=born, group="一组"), facts(birth=born, group="三组"))
    assert not same_person_without_id(
        facts(birth=date(1955, 5, 5), group="一组"), facts(birth=born, group="一组")
    )


def test_a_month_precision_birth_compares_to_the_month() -> None:
    month = facts(birth=date(1948, 1, 1), precision=PRECISION_MONTH)
    assert same_person_without_id(facts(birth=date(1948, 1, 20)), month)
    assert not same_person_without_id(facts(birth=date(1948, 2, 20)), month)


def test_groups_decide_when_a_birth_date_is_missing() -> None:
    assert same_person_without_id(
        facts(group="第 1组"), facts(birth=date(1948, 1, 1), group="第1组")
    )
    assert not same_person_without_id(facts(group="一组"), facts(group="三组"))


def test_the_name_alone_when_nothing_else_is_known() -> None:
    assert same_person_without_id(facts(group="一组"), facts())
    assert not same_person_without_id(facts(name="王芳"), facts())
