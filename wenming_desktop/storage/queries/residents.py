"""Resident rows for the registry, the entry form's search and the sign-in sheet."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.birth import birth_text
from wenming_desktop.storage.models import Resident, Village
from wenming_desktop.storage.queries.rows import row_as, rows_as


class ResidentRow(NamedTuple):
    id: int
    village_id: int
    village: str
    name: str
    pinyin_initials: str
    gender: str
    birth_date: date | None
    birth_precision: str  # `month`: only 出生年月 known (domain/birth.py)
    id_number: str | None
    phone: str
    group_name: str
    address: str
    left_behind_elderly: bool
    living_alone: bool
    left_behind_child: bool
    disabled: bool
    needy: bool
    notes: str

    @property
    def birth_text(self) -> str:
        """`1985-03-02`, or `1985-03` when only the year and month are known."""
        return birth_text(self.birth_date, self.birth_precision)


def _select() -> Select[*tuple[Any, ...]]:
    return select(
        Resident.id,
        Resident.village_id,
        Village.name.label("village"),
        Resident.name,
        Resident.pinyin_initials,
        Resident.gender,
        Resident.birth_date,
        Resident.birth_precision,
        Resident.id_number,
        Resident.phone,
        Resident.group_name,
        Resident.address,
        Resident.left_behind_elderly,
        Resident.living_alone,
        Resident.left_behind_child,
        Resident.disabled,
        Resident.needy,
        Resident.notes,
    ).join(Village, Village.id == Resident.village_id)


def resident_rows(session: Session, village_id: int | None = None) -> list[ResidentRow]:
    """All residents (of one village), ordered by group then name."""
    stmt = _select()
    if village_id is not None:
        stmt = stmt.where(Resident.village_id == village_id)
    stmt = stmt.order_by(Resident.group_name, Resident.pinyin_initials, Resident.id)
    return rows_as(ResidentRow, session.execute(stmt))


def resident_row(session: Session, resident_id: int) -> ResidentRow | None:
    return row_as(ResidentRow, session.execute(_select().where(Resident.id == resident_id)).first())


def born_on_or_before(session: Session, village_id: int, latest: date) -> list[ResidentRow]:
    """Residents of a village born on or before `latest` (e.g. aged 60 and over on a day)."""
    stmt = (
        _select()
        .where(Resident.village_id == village_id, Resident.birth_date <= latest)
        .order_by(Resident.group_name, Resident.pinyin_initials, Resident.id)
    )
    return rows_as(ResidentRow, session.execute(stmt))


class RegisteredKey(NamedTuple):
    """What an import matches on: every resident's ID number and name, with the village, and
    for people without an ID number the birth date (with its precision) and 村民小组."""

    id: int
    village_id: int
    name: str
    id_number: str | None
    village: str
    birth_date: date | None
    birth_precision: str
    group_name: str | None


def registered_keys(session: Session) -> list[RegisteredKey]:
    stmt = select(
        Resident.id,
        Resident.village_id,
        Resident.name,
        Resident.id_number,
        Village.name.label("village"),
        Resident.birth_date,
        Resident.birth_precision,
        Resident.group_name,
    ).join(Village, Village.id == Resident.village_id)
    return rows_as(RegisteredKey, session.execute(stmt))
