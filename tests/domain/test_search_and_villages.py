from datetime import date

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.pinyin import initials
from wenming_desktop.domain.search import matches, normalize_query
from wenming_desktop.domain.villages import VillageData, validate_village


def test_pinyin_initials() -> None:
    assert initials("张三丰") == "zsf"


def test_search_rule() -> None:
    row = ("张三丰", "zsf", "ZY0012", "13904681234")
    assert matches(normalize_query("三丰"), *row)
    assert matches(normalize_query("ZS"), *row)
    assert matches(normalize_query("zy00"), *row)
    assert matches(normalize_query("1234"), *row)
    assert not matches(normalize_query("lsf"), *row)
    assert not matches(normalize_query("9999"), *row)


def test_village_validation_normalises_and_refuses() -> None:
    clean = validate_village(VillageData(name="　东兴村 ", contact_phone="139 0468 1234"))
    assert clean.name == "东兴村"
    assert clean.contact_phone == "13904681234"
    assert validate_village(VillageData(name="胜利村", contact_phone="0468-3456789"))
    with pytest.raises(UserError, match="村名不能为空"):
        validate_village(VillageData(name="  "))
    with pytest.raises(UserError, match="联系电话"):
        validate_village(VillageData(name="东兴村", contact_phone="12345"))
    with pytest.raises(UserError, match="结束日期"):
        validate_village(
            VillageData(name="东兴村", pairing_start=date(2026, 1, 1), pairing_end=date(2025, 1, 1))
        )


def test_both_readings_of_a_polyphonic_surname_match() -> None:
    assert matches("szq", "单志强", "szq|dzq")
    assert matches("dzq", "单志强", "szq|dzq")
    assert not matches("zq", "单志强", "szq|dzq")


def test_short_village_names_drop_the_shared_administrative_prefix() -> None:
    from wenming_desktop.domain.villages import short_village_names

    names = ["萝北县肇兴镇新胜村", "萝北县肇兴镇东兴村", "萝北县肇兴镇太平村"]
    assert short_village_names(names) == {n: n[6:] for n in names}
    # villages in two towns of one county keep their town
    two = ["萝北县肇兴镇新胜村", "萝北县凤翔镇红光村"]
    assert short_village_names(two) == {two[0]: "肇兴镇新胜村", two[1]: "凤翔镇红光村"}
    # a shared prefix that is not an administrative unit is kept
    assert short_village_names(["新胜村", "新华村"]) == {"新胜村": "新胜村", "新华村": "新华村"}
    assert short_village_names(["萝北县肇兴镇新胜村"]) == {"萝北县肇兴镇新胜村": "新胜村"}
    assert short_village_names(["东兴村实践站"]) == {"东兴村实践站": "东兴村实践站"}
    assert short_village_names([]) == {}
