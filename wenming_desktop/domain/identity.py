"""Identity rules: GB 11643 resident ID numbers, mainland mobile numbers, and masking."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import mul

from wenming_desktop.domain.errors import UserError

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalize_text(value: str) -> str:
    """Full-width characters to half-width (NFKC) and surrounding whitespace removed."""
    return unicodedata.normalize("NFKC", value).strip()


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


def _gender(digit: str) -> str:
    return "男" if int(digit) % 2 else "女"


def is_valid_mobile(raw: str) -> bool:
    return bool(_MOBILE.match(normalize_text(raw).replace(" ", "").replace("-", "")))


def normalize_mobile(raw: str) -> str:
    """Return the 11-digit mobile number or raise UserError."""
    number = normalize_text(raw).replace(" ", "").replace("-", "")
    if number.startswith("+86"):
        number = number[3:]
    if not _MOBILE.match(number):
        raise UserError(f"手机号“{raw.strip()}”不是有效的大陆手机号（11位，以13–19开头）")
    return number


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
