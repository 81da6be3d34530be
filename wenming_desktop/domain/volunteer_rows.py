"""A volunteer as the roster list and the roster and hours ledgers read them (one type each for
the window and the exports). Built by storage.queries.volunteers and services.roster.hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from wenming_desktop.domain.birth import PRECISION_DAY, birth_text
from wenming_desktop.domain.counting import in_hours_ledger, meets_target, star_level


class VolunteerRow(NamedTuple):
    """A volunteer on the roster with names of department, party branch and teams, and the
    minutes served in all: a row of the 志愿者 list and of the 志愿者花名册."""

    id: int
    staff_no: str | None
    name: str
    pinyin_initials: str
    gender: str
    department: str | None
    title: str
    political_status: str
    party_branch: str | None
    phone: str
    registered: bool
    registry_no: str
    active: bool
    total_minutes: int
    id_number: str | None
    position: str
    teams: str  # "、"-joined team names
    birth_date: date | None = None
    birth_precision: str = PRECISION_DAY  # domain/birth.py

    @property
    def birth_text(self) -> str:
        """`1985-03-02`, or `1985-03` when only the year and month are known."""
        return birth_text(self.birth_date, self.birth_precision)


@dataclass(frozen=True)
class VolunteerHours:
    """One volunteer's year (or a period of it): minutes per month, total, target, stars,
    counted participations (domain/counting.py)."""

    volunteer: VolunteerRow
    months: tuple[int, ...]
    year_minutes: int  # in the year, or in the period
    activities: int
    cumulative_minutes: int
    # The year's minutes from 1 January to the period's end (the year's when the period is
    # the year): what the yearly target is judged on — a month's hours are never held
    # against 48 hours.
    year_to_date_minutes: int

    @property
    def target_met(self) -> bool:
        """The yearly target (counting.meets_target) on the year's minutes to the period's end."""
        return meets_target(self.year_to_date_minutes)

    @property
    def stars(self) -> str:
        return star_level(self.cumulative_minutes)

    @property
    def in_ledger(self) -> bool:
        """On the hours ledger (counting.in_hours_ledger): active, or served in the period."""
        return in_hours_ledger(self.volunteer.active, self.year_minutes)
