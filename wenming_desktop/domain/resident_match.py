"""When a resident list row without an ID number is the same person as a registered resident.

What belongs here: the matching rule of the village resident import for people without an ID
number, nothing else (rows with an ID number match by the number alone). No Qt here.

The rule (also in docs/imports.md): the names must be equal, and then

1. when both the row and the registered resident have a birth date, the birth dates decide:
   equal (compared to the month when either is known only to the month) → same person,
   different → a different person, whatever the 村民小组 says (people move between groups,
   nobody changes birth date);
2. otherwise, when both give a 村民小组, the groups decide (equal → same, different → not);
3. otherwise (nothing to compare) the name alone makes them possibly the same person.

Chosen because two people of the same name are common in a village (李秀英, 王芳) and a wrong
match overwrites one person with another and moves her checkups to him: a row is matched only
when nothing known speaks against it, and the import refuses (names the row) when the row fits
several registered residents or two rows fit the same one, rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wenming_desktop.domain.birth import PRECISION_MONTH, as_month
from wenming_desktop.domain.text import clean_text


@dataclass(frozen=True)
class PersonFacts:
    """What identifies a person without an ID number: name, birth date (with its precision,
    `domain/birth.py`) and 村民小组 (empty when unknown)."""

    name: str
    birth_date: date | None
    birth_precision: str
    group_name: str


def _same_birth(a: PersonFacts, b: PersonFacts) -> bool:
    assert a.birth_date is not None and b.birth_date is not None
    if PRECISION_MONTH in (a.birth_precision, b.birth_precision):
        return as_month(a.birth_date) == as_month(b.birth_date)
    return a.birth_date == b.birth_date


def _group_key(group: str) -> str:
    return "".join(clean_text(group).split())


def same_person_without_id(row: PersonFacts, registered: PersonFacts) -> bool:
    """True when `row` may be `registered` by the rule of this module (name, then birth date
    when both known, else 村民小组 when both known)."""
    if clean_text(row.name) != clean_text(registered.name):
        return False
    if row.birth_date is not None and registered.birth_date is not None:
        return _same_birth(row, registered)
    row_group, known_group = _group_key(row.group_name), _group_key(registered.group_name)
    if row_group and known_group:
        return row_group == known_group
    return True
