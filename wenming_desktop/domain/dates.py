"""Dates as people write them in sheets: full dates, year-months, date-times, digits.

`parse_date(value)` reads a cell value (a date or datetime from a date-formatted cell, a number,
or text) into a `PartialDate`, which may lack its day (`1985.03`, `1985年3月`, `198503`: the
出生年月 of HR sheets; without an ID number it is stored as a year-month, `stated_birth` and
domain/birth.py). Forms read: `1985-03-02`, `1985.3.2`, `1985/03/02`, `1985年3月2日`,
`1985.03.02.`, `1985–03–02` (any dash), `1985。3。2`, `1985 3 2`, `1985,3,2`, `19850302`
(number or text), `85.03.02`, `一九八五年三月二日`, a weekday after it (`1985-03-02 星期六`), with a
time part (`1985-03-02 00:00:00`, `2019/3/12 10:23`, `2019-03-12T10:23:45.000Z`,
`… 08:00:00.0`, `… 10:23 PM`, `… 下午3:00`); year-months `1985.03`, `1985.3`, `1985-3`,
`1985年3月（份）`, `198503`, `85.03`, `85年3月`, `一九八五年三月`. A year alone is refused
saying so.

A date-formatted cell whose format shows only year and month (`yyyy.mm`, `yyyy"年"m"月"`) and
whose day is the 1st is a year-month (`month_only_format`; the reader passes it on as text). A
number is never taken for an Excel date serial: a cell formatted as a date arrives as a date
already (the reader converts it), and a number in a general cell is digits someone typed
(`19850302`, `1985.03`). The number `1985.1` is ambiguous: January, or October whose trailing
zero Excel dropped (`1985.10` typed into a general cell); `PartialDate.other_month` keeps both,
and an ID number decides. A date-formatted cell whose value Excel cannot show as a date (shown
as `########`) is refused saying so. No Qt here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime

from wenming_desktop.domain.birth import PRECISION_DAY, PRECISION_MONTH, month_birth
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.text import clean_text, is_placeholder

_DASH = re.compile(r"[‐‑‒–—―−﹣－]")
_TIME = re.compile(
    r"^(.*?\d[日号]?)(?:\s*|T)(?:上午|下午|凌晨|中午|晚上)?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp]\.?[Mm]\.?|CST|GMT|UTC|北京时间))?$"
)
# Between the parts: . - / 年 月, the Chinese full stop and commas, or just spaces.
_SEP = r"(?:\s*[.\-/年。,、]\s*|\s+)"
_SEP_DAY = r"(?:\s*[.\-/月。,、]\s*|\s+)"
_FULL = re.compile(rf"^(\d{{4}}|\d{{2}}){_SEP}(\d{{1,2}}){_SEP_DAY}(\d{{1,2}})$")
_YEAR_MONTH = re.compile(rf"^(\d{{4}}|\d{{2}}){_SEP}(\d{{1,2}})\s*月?$")
_WEEKDAY = re.compile(r"[\s(（]*(?:星期|周|礼拜)[一二三四五六日天][)）]?$")
_CHINESE_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_CHINESE_DATE = re.compile(
    r"^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})[日号])?$"
)
_YEAR_ONLY = re.compile(r"^\d{4}\s*年?$")
_NUMBER = re.compile(r"^(\d{4})\.(\d{1,2})$")
OUT_OF_RANGE = "单元格设为日期格式，但其中的数值不是有效日期（Excel 中显示为“########”），请核对"
BIRTH_FROM_ID = "；已按身份证号记出生日期"  # after the reason an unreadable birth cell is left
EARLIEST_YEAR = 1890  # GB 11643 birth years start here too


@dataclass(frozen=True)
class PartialDate:
    """A date whose day (and, for `1985.1` typed as a number, month) may be unknown."""

    year: int
    month: int
    day: int | None = None
    other_month: int | None = None  # the second reading of an ambiguous month

    @property
    def full(self) -> date | None:
        """The date when the day is known (and the month unambiguous), else None."""
        if self.day is None or self.other_month is not None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def ambiguous(self) -> bool:
        return self.other_month is not None

    @property
    def text(self) -> str:
        """`1985-03-02`, `1985-03`, or `1985-01或10` for an ambiguous month."""
        month = f"{self.month:02d}"
        if self.other_month is not None:
            return f"{self.year}-{month}或{self.other_month:02d}"
        return f"{self.year}-{month}" + (f"-{self.day:02d}" if self.day else "")

    def agrees_with(self, day: date) -> bool:
        """True when year, month (either reading) and the day, if known, match `day`."""
        months = {self.month, self.other_month}
        return (
            self.year == day.year
            and day.month in months
            and (self.day is None or self.day == day.day)
        )


def _unreadable(text: str) -> UserError:
    return UserError(
        f"无法识别日期“{text}”，请写成 1985-03-02、1985年3月2日 或（只知年月时）1985.03 的形式"
    )


def _make(
    text: str, year: int, month: int, day: int | None, other: int | None = None
) -> PartialDate:
    if not 1 <= month <= 12:
        raise UserError(f"日期“{text}”中的月份 {month} 不存在")
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            raise UserError(f"日期“{text}”不存在（{year}年{month}月{day}日）") from None
    if year < EARLIEST_YEAR or year > date.today().year + 50:
        raise UserError(f"日期“{text}”的年份 {year} 不合理")
    return PartialDate(year, month, day, other)


def _century(two_digits: int) -> int:
    """`85` → 1985, `05` → 2005: a two-digit year not after this year is this century's."""
    this = date.today().year
    return 2000 + two_digits if 2000 + two_digits <= this else 1900 + two_digits


def _from_number(value: float) -> PartialDate:
    if value.is_integer():
        return _from_text(str(int(value)))
    text = repr(value)
    match = _NUMBER.match(text)
    if match is None:
        raise _unreadable(text)
    year, digits = int(match.group(1)), match.group(2)
    if len(digits) == 1:  # 1985.1: typed as 1985.1 (January) or 1985.10 (its 0 dropped)
        month = int(digits)
        other = month * 10 if month * 10 <= 12 else None
        return _make(text, year, month, None, other)
    return _make(text, year, int(digits), None)


def _chinese_number(text: str) -> int:
    """一 … 三十一 as written in a date (十 = 10, 十二 = 12, 二十 = 20, 二十一 = 21)."""
    if "十" not in text:
        return int("".join(_CHINESE_DIGITS[c] for c in text))
    tens, _sep, ones = text.partition("十")
    return int(_CHINESE_DIGITS[tens] if tens else 1) * 10 + int(
        _CHINESE_DIGITS[ones] if ones else 0
    )


def _from_chinese(text: str, match: re.Match[str]) -> PartialDate:
    """一九八五年三月（二日）: the year digit by digit, month and day as numbers."""
    year = int("".join(_CHINESE_DIGITS[c] for c in match.group(1)))
    day = _chinese_number(match.group(3)) if match.group(3) else None
    return _make(text, year, _chinese_number(match.group(2)), day)


def _from_text(text: str) -> PartialDate:
    clean = _WEEKDAY.sub("", _DASH.sub("-", text)).replace("月份", "月").strip()
    if match := _CHINESE_DATE.match(clean):
        return _from_chinese(text, match)
    if _YEAR_ONLY.match(clean):
        raise UserError(f"日期“{text}”只有年份，请写出年月（如 1985.03）或完整日期")
    clean = clean.rstrip(".。日号 ")
    timed = _TIME.match(clean)
    if timed is not None:
        clean = timed.group(1).rstrip("日号")
    if match := _FULL.match(clean):
        year, month, day = (int(g) for g in match.groups())
        if len(match.group(1)) == 2:
            year = _century(year)
        return _make(text, year, month, day)
    if re.fullmatch(r"\d{14}", clean):  # 20190312102345: a date-time in digits
        clean = clean[:8]
    if re.fullmatch(r"\d{8}", clean):
        return _make(text, int(clean[:4]), int(clean[4:6]), int(clean[6:]))
    if re.fullmatch(r"\d{6}", clean):
        return _make(text, int(clean[:4]), int(clean[4:]), None)
    if match := _YEAR_MONTH.match(clean):
        year = int(match.group(1))
        if len(match.group(1)) == 2:
            year = _century(year)
        return _make(text, year, int(match.group(2)), None)
    raise _unreadable(text)


def parse_date(value: object) -> PartialDate | None:
    """The date a cell holds (None when empty or a placeholder); UserError naming the value.

    `value` is what the sheet reader gives: datetime/date (a date-formatted cell), int/float
    (typed digits, never an Excel serial) or text."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        if value.year < 1900:  # a negative or zero serial in a date-formatted cell
            raise UserError(OUT_OF_RANGE)
        return _make(f"{value:%Y-%m-%d}", value.year, value.month, value.day)
    if isinstance(value, bool):
        raise UserError(f"“{value}”不是日期")
    if isinstance(value, int | float):
        return _from_number(float(value))
    text = clean_text(str(value))
    if not text or is_placeholder(text):
        return None
    if text.startswith("#"):  # ######## or #VALUE!: Excel could not show the date
        raise UserError(OUT_OF_RANGE)
    return _from_text(text)


def parse_full_date(value: object) -> date | None:
    """`parse_date`, the day required: UserError for a year-month."""
    found = parse_date(value)
    if found is None:
        return None
    if found.full is None:
        raise UserError(f"日期“{found.text}”缺少日，请写出完整日期（如 2019-03-12）")
    return found.full


_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


@functools.lru_cache(maxsize=256)
def month_only_format(number_format: str) -> bool:
    """True for a date format that shows year and month but no day (`yyyy.mm`,
    `yyyy"年"m"月"`, `mmm-yy`): what the clerk sees in such a cell is a year-month."""
    code = _FORMAT_LITERALS.sub("", number_format.split(";")[0]).lower()
    return "y" in code and "m" in code and not any(c in code for c in "dhs")


def month_only_text(day: date) -> str:
    """A date from a year-month-formatted cell whose day is the 1st Excel filled in (typing
    `1985-3` stores 1985-03-01) as the year-month the clerk sees: `1985年3月`."""
    return f"{day.year}年{day.month}月"


def stated_birth(stated: PartialDate) -> tuple[date, str]:
    """(stored date, precision) of a birth date read without an ID number: a full date as it
    is, a year-month as its first day with precision `month` (domain/birth.py). An ambiguous
    month (`1985.1`) has no single date: UserError."""
    if stated.ambiguous:
        raise UserError(f"出生年月“{stated.text}”的月份不确定")
    if stated.full is not None:
        return stated.full, PRECISION_DAY
    return month_birth(stated.year, stated.month), PRECISION_MONTH


def birth_with_id(stated: PartialDate | None, id_birth: date) -> date:
    """The birth date when an ID number gives it: the sheet's value must agree on year and
    month (and day, when it has one); UserError otherwise."""
    if stated is not None and not stated.agrees_with(id_birth):
        raise UserError(f"出生日期{stated.text}与身份证号中的{id_birth:%Y-%m-%d}不一致")
    return id_birth
