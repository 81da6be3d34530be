"""A recorded checkup as lists and ledgers read it (one type for the window and the exports).

Built by storage.queries.checkups from labelled columns; plain Python, so exports may use it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from wenming_desktop.domain.birth import birth_text


class CheckupRow(NamedTuple):
    """A recorded checkup with its resident and village: a row of the records list, the
    follow-up list, a resident's history and the 健康体检台账. Health values are raw here;
    masking is the reader's (domain.privacy)."""

    id: int
    checkup_date: date
    activity_id: int | None
    village_id: int
    village: str
    resident_id: int
    name: str
    gender: str
    birth_date: date | None
    birth_precision: str  # `month`: only 出生年月 known (domain/birth.py)
    id_number: str | None
    phone: str
    group_name: str
    height_cm: float | None
    weight_kg: float | None
    waist_cm: float | None
    systolic: int | None
    diastolic: int | None
    heart_rate: int | None
    fasting_glucose: float | None
    chronic_conditions: str
    constitution: str
    self_care_eating: int | None
    self_care_grooming: int | None
    self_care_dressing: int | None
    self_care_toilet: int | None
    self_care_moving: int | None
    conclusion: str
    advice: str
    doctor: str | None
    followed_up_on: date | None
    followed_up_by: str
    follow_up_note: str
    tcm_answers: str  # 33 digits of the constitution questionnaire, "" when not asked
    constitution_override_reason: str

    @property
    def birth_text(self) -> str:
        """`1985-03-02`, or `1985-03` when only the year and month are known."""
        return birth_text(self.birth_date, self.birth_precision)
