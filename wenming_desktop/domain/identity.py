"""Identity rules: GB 11643 resident ID numbers, mainland mobile numbers, and masking."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import mul

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.phones import parse_phones
from wenming_desktop.domain.text import INVISIBLE

_INVISIBLE_TABLE = str.maketrans("", "", INVISIBLE)

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"


def normalize_text(value: str) -> str:
    """Full-width characters to half-width (NFKC), invisible format characters (zero-width
    spaces, BOM…) and surrounding whitespace removed."""
    return unicodedata.normalize("NFKC", value.translate(_INVISIBLE_TABLE)).strip()


LOST_DIGITS = (
    "身份证号以数字格式保存，Excel 只保留15位有效数字，后几位已丢失；"
    "请把该列设为“文本”格式后重新录入该号码"
)


def id_number_from_number(value: int | float) -> str:
    """The digits of an ID number stored in a number cell, when they are intact.

    An integer keeps every digit (an 18-digit one is then checked like any ID); a float has
    only ~15 significant digits, so a float beyond 15 digits (2.30402197204011E+17) lost some
    and is refused; a whole float of 15 digits is an exact legacy number."""
    if isinstance(value, float):
        if not value.is_integer() or value >= 1e15:
            raise UserError(LOST_DIGITS)
        value = int(value)
    if value < 0:
        raise UserError(f"身份证号“{value}”不是有效号码")
    return str(value)


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    if len(first17) != 17:
        raise ValueError(f"17 digits expected, got {first17!r}")
    return _CHECK_CHARS[sum(map(mul, map(int, first17), _WEIGHTS)) % 11]


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    gender: str  # "男" or "女"
    legacy: bool = False  # a 15-digit number from old records (no check digit)


@lru_cache(maxsize=4096)  # an import checks each number twice (cell, then the record)
def parse_id_number(raw: str) -> IdInfo:
    """Validate a resident ID number and return what it encodes.

    Accepts a lower-case x and full-width characters. A 15-digit legacy number is accepted and
    flagged as such. Raises UserError with a message that names the wrong part.
    """
    number = normalize_text(raw).replace(" ", "").upper()
    if len(number) == 15 and number.isdigit():
        birth = _birth_date("19" + number[6:12], number)
        return IdInfo(number, birth, _gender(number[14]), legacy=True)
    if len(number) != 18:
        raise UserError(f"身份证号“{number}”应为18位，实际为{len(number)}位")
    if not number[:17].isdigit():
        raise UserError(f"身份证号“{number}”前17位应全部为数字")
    last = number[17]
    if not (last.isdigit() or last == "X"):
        raise UserError(f"身份证号“{number}”第18位（校验位）只能是数字或X")
    birth = _birth_date(number[6:14], number)
    expected = id_check_char(number[:17])
    if last != expected:
        raise UserError(
            f"身份证号“{number}”第18位（校验位）应为{expected}，实际为{last}，请核对号码"
        )
    return IdInfo(number, birth, _gender(number[16]))


def _birth_date(digits: str, number: str) -> date:
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise UserError(f"身份证号“{number}”中的出生日期{digits}不是有效日期") from None
    if birth.year < 1890 or birth > date.today():
        raise UserError(f"身份证号“{number}”中的出生日期{digits}不合理")
    return birth


_GENDER_WORDS = {"男": "男", "男性": "男", "m": "男", "male": "男", "女": "女", "女性": "女",
                 "f": "女", "female": "女"}  # fmt: skip


def normalize_gender(raw: str) -> str:
    """ "男"/"女" from the ways sheets write them (男性, 女性, M, F); "" when empty; any other
    text is returned cleaned, for the caller to refuse."""
    text = normalize_text(raw).replace(" ", "")
    return _GENDER_WORDS.get(text.lower(), text)


def _gender(digit: str) -> str:
    return "男" if int(digit) % 2 else "女"


def is_valid_mobile(raw: str) -> bool:
    phones = parse_phones(raw)
    return bool(phones.mobile) and not phones.others and not phones.broken


def normalize_mobile(raw: str) -> str:
    """Return the 11-digit mobile number (prefixes +86/0086/86, dashes and spaces dropped, see
    domain.phones) or raise UserError."""
    if is_valid_mobile(raw):
        return parse_phones(raw).mobile
    raise UserError(f"手机号“{raw.strip()}”不是有效的大陆手机号（11位，以13–19开头）")


def mask_id(number: str | None) -> str:
    """First 6 and last 4 characters shown (docs/rules.md, "Personal information")."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(number: str | None) -> str:
    """Middle four digits of a mobile hidden (docs/rules.md, "Personal information")."""
    if not number:
        return ""
    if len(number) < 8:
        return "*" * len(number)
    return number[:3] + "****" + number[7:]
