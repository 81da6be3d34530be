from datetime import date

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import (
    id_check_char,
    is_valid_mobile,
    mask_id,
    mask_phone,
    normalize_mobile,
    parse_id_number,
)


def test_known_valid_number_with_x_check_digit() -> None:
    info = parse_id_number("11010519491231002X")
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "女"
    assert not info.legacy


def test_lower_case_x_and_full_width_digits_are_accepted() -> None:
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"
    assert parse_id_number("１１０１０５１９４９１２３１００２Ｘ").number == "11010519491231002X"


def test_wrong_check_digit_names_the_digit_and_the_expected_value() -> None:
    with pytest.raises(UserError) as caught:
        parse_id_number("110105194912310021")
    assert "第18位" in caught.value.message
    assert "应为X" in caught.value.message
    assert "实际为1" in caught.value.message


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("1101051949123100", "应为18位"),
        ("11010519491331002X", "不是有效日期"),
        ("1101051949A231002X", "前17位"),
    ],
)
def test_malformed_numbers_are_refused_with_reason(raw: str, fragment: str) -> None:
    with pytest.raises(UserError, match=fragment):
        parse_id_number(raw)


def test_gender_from_the_seventeenth_digit() -> None:
    first17 = "23042119500101001"
    assert parse_id_number(first17 + id_check_char(first17)).gender == "男"


def test_legacy_fifteen_digit_number_is_flagged_not_refused() -> None:
    info = parse_id_number("130503670401001")
    assert info.legacy
    assert info.birth_date == date(1967, 4, 1)
    assert info.gender == "男"


def test_mobile_numbers() -> None:
    assert is_valid_mobile("13904681234")
    assert not is_valid_mobile("12904681234")
    assert not is_valid_mobile("1390468123")
    assert normalize_mobile("+86 139-0468-1234") == "13904681234"
    with pytest.raises(UserError, match="不是有效的大陆手机号"):
        normalize_mobile("0468-1234567")


def test_masking() -> None:
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_phone("13904681234") == "139****1234"
    assert mask_id(None) == ""
    assert mask_phone("") == ""
