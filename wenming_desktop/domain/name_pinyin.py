"""Search initials of a person's name, with the surname readings a plain pinyin lookup misses.

Some surnames are read differently from the same character in ordinary words (单 is Shàn as a
surname, dān otherwise; 曾 Zēng, not céng). Clerks type either, so the stored initials hold both
alternatives separated by "|": the surname reading first, e.g. 单志强 → "szq|dzq". `alternatives`
splits them again for `domain.search.matches`, which compares one alternative at a time.
"""

from __future__ import annotations

from wenming_desktop.domain.pinyin import initials

# Polyphonic surnames: the surname reading's first letter (only where it differs from pypinyin's).
SURNAME_INITIALS: dict[str, str] = {
    "单": "s",
    "曾": "z",
    "解": "x",
    "仇": "q",
    "区": "o",
    "查": "z",
    "朴": "p",
    "尉": "y",
    "覃": "q",
    "盖": "g",
    "缪": "m",
    "翟": "z",
    "乐": "y",
    "召": "s",
    "种": "c",
    "秘": "b",
    "员": "y",
    "折": "s",
}
SEPARATOR = "|"


def name_initials(name: str) -> str:
    """Initials for searching a name: "zsf" for 张三丰, "szq|dzq" for 单志强."""
    plain = initials(name)
    surname = SURNAME_INITIALS.get(name[:1])
    if surname is None or not plain or plain[0] == surname:
        return plain
    return f"{surname}{plain[1:]}{SEPARATOR}{plain}"


def alternatives(stored: str) -> list[str]:
    """The alternatives kept in a stored initials value."""
    return stored.split(SEPARATOR) if SEPARATOR in stored else [stored]
