"""健康体检台账.xlsx: one row per checkup, print-ready through the shared Ledger.

ID and phone numbers and the health values (domain.privacy) are masked unless the caller asks
for them in full (and has audited it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Protocol

from wenming_desktop.domain.checkups import findings, self_care_summary
from wenming_desktop.domain.constitution import judge_text
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.privacy import mask_health
from wenming_desktop.domain.residents import age_on
from wenming_desktop.domain.thresholds import bmi
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn

COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("序号", 6),
    LedgerColumn("体检日期", 11, "yyyy-mm-dd"),
    LedgerColumn("结对村", 16),
    LedgerColumn("村民小组", 11),
    LedgerColumn("姓名", 9),
    LedgerColumn("性别", 5),
    LedgerColumn("年龄", 5),
    LedgerColumn("身份证号", 21),
    LedgerColumn("联系电话", 13),
    LedgerColumn("身高(cm)", 8, "0.0"),
    LedgerColumn("体重(kg)", 8, "0.0"),
    LedgerColumn("BMI", 6, "0.0"),
    LedgerColumn("腰围(cm)", 8, "0.0"),
    LedgerColumn("血压(mmHg)", 10),
    LedgerColumn("心率", 6),
    LedgerColumn("空腹血糖(mmol/L)", 9, "0.0"),
    LedgerColumn("慢性病", 14),
    LedgerColumn("中医体质", 8),
    LedgerColumn("体质辨识（问卷）", 20),
    LedgerColumn("自理能力", 12),
    LedgerColumn("异常提示", 22),
    LedgerColumn("体检结论", 20),
    LedgerColumn("健康建议", 20),
    LedgerColumn("体检医生", 9),
    LedgerColumn("随访", 22),
)
# Columns holding health values (domain.privacy), masked in a masked ledger; the 随访 column
# masks only its note.
_FIRST_HEALTH, _LAST_HEALTH = (
    [c.title for c in COLUMNS].index(t) for t in ("身高(cm)", "健康建议")
)
HEALTH_COLUMNS = frozenset(range(_FIRST_HEALTH, _LAST_HEALTH + 1))


class LedgerCheckup(Protocol):
    """The fields of a checkup row the ledger reads (storage.queries.checkups.CheckupRow)."""

    checkup_date: date
    village: str
    group_name: str
    name: str
    gender: str
    birth_date: date | None
    id_number: str | None
    phone: str
    height_cm: float | None
    weight_kg: float | None
    waist_cm: float | None
    systolic: int | None
    diastolic: int | None
    heart_rate: int | None
    fasting_glucose: float | None
    chronic_conditions: str
    constitution: str
    tcm_answers: str
    constitution_override_reason: str
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


def questionnaire_text(answers: str, override_reason: str) -> str:
    """The 体质辨识 cell: the questionnaire's judgement in words, and the doctor's override."""
    judgement = judge_text(answers)
    if judgement is None:
        return ""
    return judgement.summary + (f"（医生改判：{override_reason}）" if override_reason else "")


def ledger_values(number: int, row: LedgerCheckup, unmasked: bool) -> list[object]:
    """The cells of one ledger row."""
    scores = {
        "eating": row.self_care_eating,
        "grooming": row.self_care_grooming,
        "dressing": row.self_care_dressing,
        "toilet": row.self_care_toilet,
        "moving": row.self_care_moving,
    }
    care = self_care_summary(scores)
    pressure = (
        f"{row.systolic}/{row.diastolic}"
        if row.systolic is not None and row.diastolic is not None
        else ""
    )
    follow = ""
    if row.followed_up_on:
        note = row.follow_up_note if unmasked else mask_health(row.follow_up_note)
        follow = f"{row.followed_up_on:%Y-%m-%d} {row.followed_up_by}：{note}"
    values = [
        number,
        row.checkup_date,
        row.village,
        row.group_name,
        row.name,
        row.gender,
        age_on(row.birth_date, row.checkup_date),
        (row.id_number or "") if unmasked else mask_id(row.id_number),
        row.phone if unmasked else mask_phone(row.phone),
        row.height_cm,
        row.weight_kg,
        bmi(row.height_cm, row.weight_kg) if row.height_cm and row.weight_kg else None,
        row.waist_cm,
        pressure,
        row.heart_rate,
        row.fasting_glucose,
        row.chronic_conditions,
        row.constitution,
        questionnaire_text(row.tcm_answers, row.constitution_override_reason),
        f"{care[0]}分 {care[1]}" if care else "",
        "；".join(
            findings(row.systolic, row.diastolic, row.fasting_glucose, row.height_cm, row.weight_kg)
        ),
        row.conclusion,
        row.advice,
        row.doctor or "",
        follow,
    ]
    if unmasked:
        return values
    return [mask_health(v) if i in HEALTH_COLUMNS else v for i, v in enumerate(values)]


def write_checkup_ledger(
    path: Path,
    rows: Iterable[LedgerCheckup],
    title: str,
    subtitle: str,
    unmasked: bool = False,
    tick: Callable[[int], None] | None = None,
) -> int:
    """Write the ledger; returns the number of checkups written. `tick(n)` reports progress."""
    with Ledger(path) as book:
        sheet = book.sheet("健康体检台账", title, subtitle, COLUMNS)
        for number, row in enumerate(rows, start=1):
            sheet.append(ledger_values(number, row, unmasked))
            if tick is not None and number % 200 == 0:
                tick(number)
        return sheet.rows
