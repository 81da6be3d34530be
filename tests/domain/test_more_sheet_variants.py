"""More spellings of each kind the imports meet: dates, placeholders, phones, footer rows."""

from __future__ import annotations

import pytest

from wenming_desktop.domain.dates import parse_date
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.phones import parse_phones
from wenming_desktop.domain.sheet_notes import notes_row_text
from wenming_desktop.domain.text import is_placeholder


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985。3。2", "1985-03-02"),
        ("1985 3 2", "1985-03-02"),
        ("1985,3,2", "1985-03-02"),
        ("1985、3、2", "1985-03-02"),
        ("1985-03-02 星期六", "1985-03-02"),
        ("1985-03-02T00:00:00.000Z", "1985-03-02"),
        ("2019-03-12 10:23:45+08:00", "2019-03-12"),
        ("2019/03/12 10:23 PM", "2019-03-12"),
        ("2019-03-12 下午3:05", "2019-03-12"),
        ("一九八五年三月二日", "1985-03-02"),
        ("二〇〇一年十二月", "2001-12"),
        ("1985年3月份", "1985-03"),
        ("85年3月", "1985-03"),
        ("85.03", "1985-03"),
        ("1985 03", "1985-03"),
    ],
)
def test_more_date_spellings(value: str, expected: str) -> None:
    found = parse_date(value)
    assert found is not None and found.text == expected


def test_a_year_alone_is_refused_saying_so() -> None:
    with pytest.raises(UserError, match="只有年份"):
        parse_date("1985年")


@pytest.mark.parametrize(
    "value",
    ["不详", "未知", "待补", "暂缺", "未填", "（无）", "(无)", "无。", "#N/A", "NaN", "无手机"],
)
def test_more_placeholders(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["张三", "0", "?", "无无"])
def test_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    ("value", "mobile", "others"),
    [
        ("13900000001（本人）", "13900000001", ()),
        ("13900000001 (微信同号)", "13900000001", ()),
        ("13900000001号", "13900000001", ()),
        ("13900000001 13900000002", "13900000001", ("13900000002",)),
        ("手机13900000001 座机0451-86661234", "13900000001", ("0451-86661234",)),
        ("0451-86661234-801", "", ("0451-86661234转801",)),
        ("+86 451 8666 1234", "", ("0451-86661234",)),
        ("+86 10 6512 3456", "", ("010-65123456",)),
        ("1.3900000001E10", "13900000001", ()),
        ("139 0000 0003 139 0000 0004", "13900000003", ("13900000004",)),
        ("1390000000313900000004", "13900000003", ("13900000004",)),
    ],
)
def test_more_phone_spellings(value: str, mobile: str, others: tuple[str, ...]) -> None:
    found = parse_phones(value)
    assert (found.mobile, found.others, found.broken) == (mobile, others, ())


def test_a_mobile_in_scientific_notation_with_digits_lost_is_broken() -> None:
    assert parse_phones("1.39E10").broken == ("1.39E10",)


@pytest.mark.parametrize(
    "row",
    [
        (None, "合 计", "4人"),
        ("（以下空白）",),
        (None, "共4人"),
        ("以上共计4人",),
        ("第1页 共2页",),
        ("领导签字：", "日期："),
        ("数据来源：人事系统",),
    ],
)
def test_more_footer_rows(row: tuple[object, ...]) -> None:
    assert notes_row_text(row, 1) is not None


@pytest.mark.parametrize("row", [(1, "张三"), (2, "共工"), (3, "以诺·张")])
def test_people_are_not_footer_rows(row: tuple[object, ...]) -> None:
    assert notes_row_text(row, 1) is None


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("买买提\u2e31艾力", "买买提·艾力"),
        ("买买提\ua78f艾力", "买买提·艾力"),
        ("买买提\u2024艾力", "买买提·艾力"),
        ("张\u2061三", "张三"),
        ("张\u180e三", "张三"),
        ("王\u3164五", "王五"),
        ("王\u205f五", "王五"),
    ],
)
def test_more_separators_and_invisible_characters(raw: str, name: str) -> None:
    from wenming_desktop.domain.text import clean_person_name

    assert clean_person_name(raw) == name


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("12:30", 750),
        ("12.5（小时）", 750),
        ("12小时零5分钟", 725),
        ("1,234.5小时", 74070),
        ("1，234.5", 74070),
    ],
)
def test_more_hours_spellings(value: str, minutes: int) -> None:
    from wenming_desktop.domain.hours import parse_hours_text

    assert parse_hours_text(value) == minutes


@pytest.mark.parametrize("value", ["12,5", "12,34", "1,2345"])
def test_a_comma_that_is_not_a_thousands_separator_is_refused(value: str) -> None:
    from wenming_desktop.domain.hours import parse_hours_text

    with pytest.raises(UserError, match="无法识别"):
        parse_hours_text(value)


@pytest.mark.parametrize(
    "value",
    ["2019年3月12日 10:23", "2019年3月12日10:23", "2019-03-12 10:23:45 CST", "20190312102345"],
)
def test_more_date_time_spellings(value: str) -> None:
    found = parse_date(value)
    assert found is not None and found.text == "2019-03-12"
