"""Phone numbers as people write them in a cell: prefixes, separators, several numbers.

`parse_phones(text)` reads one cell: country prefixes (`+86`, `(+86)`, `86`, `0086`), dashes,
spaces, brackets and full-width digits are dropped; labels (`手机：`) are ignored; several
numbers separated by `/`, `、`, `,`, `;`, `或` are all kept. The first mainland mobile
(`^1[3-9]\\d{9}$`) is the person's mobile; a landline (area code and number, or a local
7–8 digit number) and any second number are `others`, to be kept with the person rather than
refusing them. Anything else (a mobile with digits missing, `12345`) is `broken`: the caller
decides whether that refuses a required phone or warns on an optional one. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wenming_desktop.domain.text import clean_text, is_placeholder

MOBILE = re.compile(r"^1[3-9]\d{9}$")
_SPLIT = re.compile(r"[/、,，;；|\n]+|或|及|和")
_LABEL = re.compile(r"^[^\d+(（]*[:：]?")
_PREFIX = re.compile(r"^(?:\+86|0086|\(\+?86\)|86)(?=1[3-9]\d{9}$)")
# Area code and number, a local number (never starting with 0 or 1), 400/800 service numbers.
_LANDLINE = re.compile(r"^(?:0\d{2,3}[2-9]\d{6,7}|[2-9]\d{6,7}|[48]00\d{7})(?:转\d{1,6})?$")


@dataclass(frozen=True)
class Phones:
    """What one phone cell holds."""

    mobile: str = ""  # the first valid mainland mobile, 11 digits
    others: tuple[str, ...] = ()  # landlines and further numbers, as written (cleaned)
    broken: tuple[str, ...] = ()  # values that look like a mobile but are not one

    @property
    def problem(self) -> str:
        """The Chinese reason a broken mobile is wrong, or ""."""
        if not self.broken:
            return ""
        shown = "、".join(f"“{b}”" for b in self.broken)
        return f"手机号{shown}不是有效的大陆手机号（11位，以13–19开头）"


def _digits(part: str) -> str:
    """The number in `part`: label dropped, separators and a country prefix removed."""
    text = _LABEL.sub("", part).strip()
    text = re.sub(r"[\s\-–—.·]", "", text)
    text = _PREFIX.sub("", text)
    return text.replace("(", "").replace(")", "").replace("（", "").replace("）", "")


def parse_phones(raw: object) -> Phones:
    """The numbers in one cell (a number cell is its digits); empty cells and placeholders give
    an empty `Phones`."""
    if raw is None:
        return Phones()
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = clean_text(str(raw))
    if not text or is_placeholder(text):
        return Phones()
    mobile = ""
    others: list[str] = []
    broken: list[str] = []
    for part in filter(None, (p.strip() for p in _SPLIT.split(text))):
        number = _digits(part)
        if MOBILE.match(number):
            if not mobile:
                mobile = number
            elif number != mobile:
                others.append(number)
        elif _LANDLINE.match(number):
            others.append(_landline_text(part, number))
        elif is_placeholder(part):
            continue
        else:  # a mobile with digits missing or extra, or no phone number at all
            broken.append(part)
    return Phones(mobile, tuple(others), tuple(broken))


def _landline_text(part: str, number: str) -> str:
    """A landline as written when it used a dash after the area code, else its digits."""
    written = re.sub(r"\s", "", _LABEL.sub("", part))
    return written if re.fullmatch(r"0\d{2,3}-\d{7,8}", written) else number


def is_mobile(text: str) -> bool:
    return bool(MOBILE.match(text))
