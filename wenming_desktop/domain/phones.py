"""Phone numbers as people write them in a cell: prefixes, separators, several numbers.

`parse_phones(text)` reads one cell: country prefixes (`+86`, `(+86)`, `86`, `0086`), dashes,
spaces, brackets and full-width digits are dropped; labels (`手机：`) and notes (`（本人）`,
`(微信同号)`, a trailing `号`) are ignored; several numbers separated by `/`, `、`, `,`, `;`,
`或`, by spaces, or by a label inside the cell (`手机… 座机…`) are all kept; a landline's
extension (`0451-86661234-801` → `0451-86661234转801`), a landline with the country code
(`+86 451 8666 1234` → `0451-86661234`) and a mobile in scientific notation with all its
digits (`1.3900000001E10`) are read. The first mainland mobile
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
# A landline's extension after a second dash: 0451-86661234-801.
_EXTENSION = re.compile(r"^(0\d{2,3})-?([2-9]\d{6,7})[-－—]\s*(\d{1,6})$")
# A landline written with the country code: +86 451 8666 1234, 0086-451-86661234, 86-451-…
_INTERNATIONAL = re.compile(r"^(?:\+|00|\(\+?)?86\)?(10|2\d|[3-9]\d{2})([2-9]\d{6,7})$")
# A note in brackets (no digits inside): 13900000001（本人）, (微信同号), (家)
_BRACKET_NOTE = re.compile(r"[(（\[【][^)）\]】\d]*[)）\]】]")
# Words after the number: 13900000001号, 13900000001 本人
_TRAILING_WORDS = re.compile(r"(?<=\d)\s*[\u4e00-\u9fff]+$")
# A label inside the cell starts another number: 手机13900000001 座机0451-86661234
_INNER_LABEL = re.compile(r"\s+(?=[^\d\s+(（]+[:：]?\s*[\d+(（])")
# A mobile exported from a number cell as text: 1.3900000001E10
_SCIENTIFIC = re.compile(r"^(\d)\.(\d+)[eE]\+?(\d{1,2})$")


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
    text = _INNER_LABEL.sub("/", _BRACKET_NOTE.sub("", text))
    mobile = ""
    others: list[str] = []
    broken: list[str] = []
    parts = [p.strip() for p in _SPLIT.split(text)]
    for part in filter(None, (_TRAILING_WORDS.sub("", p) for p in parts if p)):
        for number, shown in _numbers(part):
            if MOBILE.match(number):
                if not mobile:
                    mobile = number
                elif number != mobile:
                    others.append(number)
            elif number:
                others.append(shown)
            elif not is_placeholder(part):  # a mobile with digits missing or extra, or no
                broken.append(part)  # phone number at all
    return Phones(mobile, tuple(others), tuple(broken))


def _numbers(part: str) -> list[tuple[str, str]]:
    """(digits, as shown) of the numbers in one part of a cell; [("", "")] when it holds none:
    a mobile, a landline (with its extension, or written with +86), a mobile in scientific
    notation, or several of these separated by spaces."""
    number = _digits(part)
    if MOBILE.match(number):
        return [(number, number)]
    if _LANDLINE.match(number):
        return [(number, _landline_text(part, number))]
    compact = _LABEL.sub("", part).strip()
    if match := _EXTENSION.match(compact):
        shown = f"{match.group(1)}-{match.group(2)}转{match.group(3)}"
        return [(shown.replace("-", ""), shown)]
    if match := _INTERNATIONAL.match(re.sub(r"[\s\-]", "", compact)):
        area, local = match.group(1), match.group(2)
        if _LANDLINE.match(f"0{area}{local}"):
            return [(f"0{area}{local}", f"0{area}-{local}")]
    if match := _SCIENTIFIC.match(compact):
        digits = match.group(1) + match.group(2)
        if len(digits) == int(match.group(3)) + 1 and MOBILE.match(digits):
            return [(digits, digits)]  # all 11 digits are there (none lost)
    pieces = compact.split()
    if len(pieces) > 1:
        found = [_numbers(p) for p in pieces]
        if all(f[0][0] for f in found):
            return [n for f in found for n in f]
    if len(number) > 11 and len(number) % 11 == 0:  # mobiles run together: 139 0000 0003 139 …
        chunks = [number[i : i + 11] for i in range(0, len(number), 11)]
        if all(MOBILE.match(c) for c in chunks):
            return [(c, c) for c in chunks]
    return [("", "")]


def _landline_text(part: str, number: str) -> str:
    """A landline as written when it used a dash after the area code, else its digits."""
    written = re.sub(r"\s", "", _LABEL.sub("", part))
    return written if re.fullmatch(r"0\d{2,3}-\d{7,8}", written) else number


def is_mobile(text: str) -> bool:
    return bool(MOBILE.match(text))
