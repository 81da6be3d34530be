"""The rules every import applies: dates, placeholders, phones, names, ID numbers, hours, notes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wenming_desktop.domain.dates import PartialDate, birth_with_id, parse_date, parse_full_date
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import parse_hours_text
from wenming_desktop.domain.identity import (
    id_number_from_number,
    normalize_gender,
    normalize_mobile,
    normalize_text,
)
from wenming_desktop.domain.phones import parse_phones
from wenming_desktop.domain.sheet_notes import notes_row_text
from wenming_desktop.domain.text import clean_person_name, clean_text, is_placeholder

FULL = PartialDate(1985, 3, 2)
MONTH = PartialDate(1985, 3)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1985.3.2", FULL),
        ("1985.03.02", FULL),
        ("19850302", FULL),
        (19850302, FULL),
        (19850302.0, FULL),
        ("1985年3月2日", FULL),
        ("1985/03/02", FULL),
        ("1985-03-02 00:00:00", FULL),
        ("85.03.02", FULL),
        ("1985.03.02.", FULL),
        ("1985–03–02", FULL),
        ("１９８５．０３．０２", FULL),
        (datetime(1985, 3, 2, 0, 0), FULL),
        (date(1985, 3, 2), FULL),
        ("1985.03", MONTH),
        (1985.03, MONTH),
        ("1985.3", MONTH),
        (1985.3, MONTH),
        ("1985年3月", MONTH),
        ("198503", MONTH),
        (198503, MONTH),
        ("1985-3", MONTH),
        (1985.1, PartialDate(1985, 1, None, 10)),  # 1985.10 lost its 0, or January
        (1985.12, PartialDate(1985, 12)),
        ("2019-03-12 10:23:45", PartialDate(2019, 3, 12)),
        ("2019/3/12 10:23", PartialDate(2019, 3, 12)),
        ("2019-03-12T10:23:45", PartialDate(2019, 3, 12)),
        ("2022-01-05 08:00:00.0", PartialDate(2022, 1, 5)),
        (None, None),
        ("无", None),
        ("/", None),
    ],
)
def test_date_forms(raw: object, expected: PartialDate | None) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (31108, "无法识别日期“31108”"),  # a number in a general cell is not an Excel serial
        ("31108", "无法识别日期"),
        ("去年春天", "无法识别日期"),
        ("1985.13", "月份 13 不存在"),
        ("1985-02-30", "不存在"),
        ("#VALUE!", "########"),  # what openpyxl gives for an out-of-range date cell
        ("########", "########"),
        (datetime(1899, 12, 25), "########"),  # a negative serial in a date cell
    ],
)
def test_date_refusals_name_the_value(raw: object, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_date(raw)


def test_full_date_required_where_a_day_is_needed() -> None:
    assert parse_full_date("2019-03-12 10:23:45") == date(2019, 3, 12)
    with pytest.raises(UserError, match="缺少日"):
        parse_full_date("2019.03")


def test_year_month_with_an_id_takes_the_id_birth_date() -> None:
    born = date(1985, 3, 17)
    assert birth_with_id(MONTH, born) == born
    assert birth_with_id(PartialDate(1985, 1, None, 10), date(1985, 10, 5)) == date(1985, 10, 5)
    assert birth_with_id(None, born) == born
    with pytest.raises(UserError, match="1985-03与身份证号中的1986-03-17不一致"):
        birth_with_id(MONTH, date(1986, 3, 17))
    with pytest.raises(UserError, match="不一致"):
        birth_with_id(FULL, born)  # the day disagrees


@pytest.mark.parametrize(
    "text", ["无", "/", "-", "—", "——", "暂无", "N/A", "n/a", "空", "--", "／"]
)
def test_placeholders_mean_empty(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["张三", "0", "1组", "A-1"])
def test_values_are_not_placeholders(text: str) -> None:
    assert not is_placeholder(text)


def test_clean_text_decodes_escapes_and_drops_invisible_characters() -> None:
    assert clean_text("赵测一_x000D_\n") == "赵测一"
    assert clean_text("护理部_x000D__x000A_") == "护理部"
    assert clean_text("a_x005F_x000D_b") == "a_x000D_b"  # an escaped underscore stays text
    for mark in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff":
        assert clean_text(f"T10{mark}01") == "T1001"
    assert normalize_text("\ufeff内科\u200b") == "内科"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("王 䶮", "王䶮"),  # Extension A
        ("张  𠮷", "张𠮷"),  # Extension B
        ("李 𪜀", "李𪜀"),  # Extension C
        ("陈 𫝀", "陈𫝀"),  # Extension D
        ("赵 𫠠", "赵𫠠"),  # Extension E
        ("钱 𬺰", "钱𬺰"),  # Extension F
        ("孙 𰀀", "孙𰀀"),  # Extension G
        ("王\u3000五", "王五"),
        ("买买提·艾力", "买买提·艾力"),
        ("买买提•艾力", "买买提·艾力"),
        ("买买提.艾力", "买买提·艾力"),
        ("买买提・艾力", "买买提·艾力"),
        ("买买提﹒艾力", "买买提·艾力"),
        ("买买提‧艾力", "买买提·艾力"),
        ("买买提 · 艾力", "买买提·艾力"),
        ("John  Smith", "John Smith"),
    ],
)
def test_person_names(raw: str, expected: str) -> None:
    assert clean_person_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "mobile", "others", "broken"),
    [
        ("139-0000-0021", "13900000021", (), ()),
        ("139 0000 0022", "13900000022", (), ()),
        ("+86 13900000023", "13900000023", (), ()),
        ("(+86)13900000024", "13900000024", (), ()),
        ("（+86）13900000024", "13900000024", (), ()),
        ("8613900000025", "13900000025", (), ()),
        ("0086 139 0000 0025", "13900000025", (), ()),
        ("+86-139-0000-0026", "13900000026", (), ()),
        ("１３９００００００２７", "13900000027", (), ()),
        ("13900000028/13900000029", "13900000028", ("13900000029",), ()),
        ("13900000030、0451-86661234", "13900000030", ("0451-86661234",), ()),
        ("0451-86661234", "", ("0451-86661234",), ()),
        ("86661234", "", ("86661234",), ()),
        (13900000031, "13900000031", (), ()),
        (13900000032.0, "13900000032", (), ()),
        ("13900000033\u200b", "13900000033", (), ()),
        ("手机：13900000035", "13900000035", (), ()),
        ("无", "", (), ()),
        ("1390000003", "", (), ("1390000003",)),
        ("12345", "", (), ("12345",)),
    ],
)
def test_phones_as_people_write_them(
    raw: object, mobile: str, others: tuple[str, ...], broken: tuple[str, ...]
) -> None:
    found = parse_phones(raw)
    assert (found.mobile, found.others, found.broken) == (mobile, others, broken)
    assert bool(found.problem) == bool(broken)


def test_normalize_mobile_accepts_prefixes_and_refuses_the_rest() -> None:
    assert normalize_mobile("(+86)139-0000-0024") == "13900000024"
    with pytest.raises(UserError, match="不是有效的大陆手机号"):
        normalize_mobile("0451-86661234")


def test_id_numbers_from_number_cells() -> None:
    assert id_number_from_number(230402197204011553) == "230402197204011553"
    assert id_number_from_number(230402510302123.0) == "230402510302123"  # exact legacy
    with pytest.raises(UserError, match="数字格式"):
        id_number_from_number(2.30402197204011e17)  # digits lost


def test_genders() -> None:
    assert [normalize_gender(g) for g in ("男性", "女性", "男", " 女 ", "M", "")] == [
        "男",
        "女",
        "男",
        "女",
        "男",
        "",
    ]


@pytest.mark.parametrize(
    ("raw", "minutes"),
    [
        ("12.5", 750),
        ("1,234.5", 74070),
        ("12小时30分钟", 750),
        ("12.5小时", 750),
        ("30分钟", 30),
        (20, 1200),
        ("0", 0),
        ("--", None),
        (None, None),
    ],
)
def test_registry_hours(raw: object, minutes: int | None) -> None:
    assert parse_hours_text(raw) == minutes


def test_unreadable_hours_name_the_value() -> None:
    with pytest.raises(UserError, match="服务时长“很多”无法识别"):
        parse_hours_text("很多")


@pytest.mark.parametrize(
    "row",
    [
        ["合计", None, "4人"],
        [None, "合计：4人"],
        ["制表人：张某", None, None, "审核人：李某"],
        ["填表说明：工号必须填写，身份证号请设为文本格式"],
        ["注：本表由人事科提供"],
        ["1. 出生年月请按 1985.03 的形式填写"],
        ["以下空白"],
    ],
)
def test_footer_and_note_rows(row: list[object]) -> None:
    assert notes_row_text(row, 1) is not None


@pytest.mark.parametrize(
    "row",
    [
        [1, "张三", "内科"],
        [None, "买买提·艾力·阿不都热合曼"],  # a long name alone in the name column
        [None, None, "230402197001011000"],  # an ID alone is data
        [2, "审计科"],
    ],
)
def test_people_rows_are_not_notes(row: list[object]) -> None:
    assert notes_row_text(row, 1) is None
