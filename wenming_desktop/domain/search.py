"""The one rule for what a search box matches: name, number, phone tail, pinyin initials."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from wenming_desktop.domain.identity import normalize_text


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


class PeopleIndex:
    """Search keys of many people prepared once, so each keystroke applies `matches` to
    thousands of them quickly (lists of tens of thousands of rows: checkups of a year).

    `people` are (key, name, initials, number, phone); `find` returns the keys found, or None
    for an empty query (everyone)."""

    def __init__(self, people: Iterable[tuple[Hashable, str, str, str | None, str | None]]):
        self._people = [
            (key, name.lower(), tuple(initials.split("|")), (number or "").lower(), phone or "")
            for key, name, initials, number, phone in people
        ]

    def __len__(self) -> int:
        return len(self._people)

    def find(self, query: str) -> set[Hashable] | None:
        """Keys of the people `matches(query, …)` finds; `query` already normalised."""
        if not query:
            return None
        letters = query.isascii() and query.isalpha()
        digits = query.isdigit()
        found: set[Hashable] = set()
        for key, name, readings, number, phone in self._people:
            if (
                query in name
                or (letters and any(r.startswith(query) for r in readings))
                or (number and (number.startswith(query) or number.endswith(query)))
                or (digits and phone.endswith(query))
            ):
                found.add(key)
        return found
