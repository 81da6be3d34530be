"""Checkup rows for the checkup list (newest first)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Checkup, Resident, Village


class CheckupRow(NamedTuple):
    id: int
    checkup_date: date
    village: str
    name: str
    gender: str
    birth_date: date | None
    id_number: str | None
    systolic: int | None
    diastolic: int | None
    fasting_glucose: float | None
    height_cm: float | None
    weight_kg: float | None
    constitution: str
    conclusion: str


def checkup_rows(session: Session) -> list[CheckupRow]:
    stmt = (
        select(
            Checkup.id,
            Checkup.checkup_date,
            Village.name,
            Resident.name,
            Resident.gender,
            Resident.birth_date,
            Resident.id_number,
            Checkup.systolic,
            Checkup.diastolic,
            Checkup.fasting_glucose,
            Checkup.height_cm,
            Checkup.weight_kg,
            Checkup.constitution,
            Checkup.conclusion,
        )
        .join(Resident, Resident.id == Checkup.resident_id)
        .join(Village, Village.id == Resident.village_id)
        .order_by(Checkup.checkup_date.desc(), Checkup.id.desc())
    )
    return [CheckupRow(*row) for row in session.execute(stmt)]
