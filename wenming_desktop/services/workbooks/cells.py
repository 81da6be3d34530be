"""Reading one cell's value for an import: each helper returns the clean value or raises
UserError whose message is the Chinese reason (the caller records it at sheet / row / column).

The rules themselves live in domain/: text and placeholders (domain.text), dates
(domain.dates), phones (domain.phones), ID numbers (domain.identity). No Qt here.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from wenming_desktop.domain.dates import PartialDate, parse_date, parse_full_date
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import LOST_DIGITS, id_number_from_number, parse_id_number
from wenming_desktop.domain.phones import Phones, parse_phones
from wenming_desktop.domain.text import clean_text, is_placeholder

_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE]\+?\d+")


def cell_text(value: Any) -> str:
    """Any cell as clean text ("" when empty); 12.0 → "12"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value))


def cell_optional_text(value: Any) -> str:
    """`cell_text`, with a placeholder (无, /, -, ——, 暂无, N/A, 空…) read as empty."""
    text = cell_text(value)
    return "" if is_placeholder(text) else text


def cell_date(value: Any) -> date | None:
    """A full date (see domain.dates for the forms read); a year-month is a UserError."""
    return parse_full_date(value)


def cell_partial_date(value: Any) -> PartialDate | None:
    """A date whose day may be unknown (出生年月 such as 1985.03)."""
    return parse_date(value)


# Around an ID number in a cell: a leading quote (a text marker of CSV and WPS exports), a label
# (身份证号：), a note in brackets (（本人）).
_ID_DECORATION = re.compile(r"^['‘’\"“”`]+|^[^\d:：]*[:：]|[(（\[【][^)）\]】\d]*[)）\]】]$")
# Dashes between the groups (230421-19750123-2060).
_ID_DASHED = re.compile(r"\d{6}-\d{8}-\d{3}[\dXx]|\d{6}-\d{6}-\d{3}")


def cell_id_number(value: Any) -> str | None:
    """A checked ID number (upper-case X), None when empty or a placeholder; a leading quote,
    a label (`身份证号：`), a note in brackets and dashes between the groups are dropped.

    A number cell is accepted when its digits are intact (an exact 18-digit integer whose
    check digit validates, or a 15-digit legacy number); one that lost digits is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return parse_id_number(id_number_from_number(value)).number
        except UserError as exc:
            if exc.message == LOST_DIGITS:
                raise
            raise UserError(f"{LOST_DIGITS}（{exc.message}）") from None
    text = _ID_DECORATION.sub("", clean_text(str(value)).replace(" ", ""))
    if _ID_DASHED.fullmatch(text):
        text = text.replace("-", "")
    if not text or is_placeholder(text):
        return None
    if _SCIENTIFIC.fullmatch(text):
        raise UserError("身份证号显示为科学计数法（如1.10105E+17），号码已丢失，请重新录入")
    return parse_id_number(text).number


def cell_phones(value: Any) -> Phones:
    """Every number in a phone cell (see domain.phones)."""
    return parse_phones(value)


def cell_mobile(value: Any) -> str:
    """The one mainland mobile a cell holds ("" when empty); UserError when it holds anything
    else (a landline, two numbers, a broken mobile)."""
    phones = parse_phones(value)
    if phones.problem:
        raise UserError(phones.problem)
    if phones.others:
        raise UserError(f"“{cell_text(value)}”不是一个大陆手机号")
    return phones.mobile
