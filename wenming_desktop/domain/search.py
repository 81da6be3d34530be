"""The one rule for what a search box matches: name, number, phone tail, pinyin initials."""

from __future__ import annotations

from .identity import normalize_text


def normalize_query(text: str) -> str:
    return normalize_text(text).lower().replace(" ", "")


def matches(
    query: str,
    name: str,
    initials: str = "",
    number: str | None = None,
    phone: str | None = None,
) -> bool:
    """True when `query` (already normalised) finds this person.

    Chinese text matches inside the name; letters match the start of the pinyin initials
    (`zsf` finds 张三丰) or the number; digits match the start of the staff number or the end
    of the phone or ID number (the last digits a clerk reads off a form).
    """
    if not query:
        return True
    if query in name.lower():
        return True
    if (
        query.isascii()
        and query.isalpha()
        and any(reading.startswith(query) for reading in initials.split("|"))
    ):  # "|" separates a polyphonic surname's readings (domain/name_pinyin.py)
        return True
    if number and (number.lower().startswith(query) or number.lower().endswith(query)):
        return True
    return bool(query.isdigit() and phone and phone.endswith(query))
