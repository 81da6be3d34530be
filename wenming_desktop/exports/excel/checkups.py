"""健康体检台账.xlsx: one row per checkup, print-ready through the shared Ledger.

ID and phone numbers and the health values (domain.privacy) are masked unless the caller asks
for them in full (and has audited it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from pathlib import Path

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import findings, self_care_summary
from wenming_desktop.domain.constitution import judge_text
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.privacy import MASK, mask_health
from wenming_desktop.domain.residents import age_on
from wenming_desktop.domain.thresholds import bmi
from wenming_desktop.exports.excel.ledger import Ledger, LedgerField, Title


def _age(row: CheckupRow) -> int | None:
    return age_on(row.birth_date, row.checkup_date)


def _bmi(row: CheckupRow) -> float | None:
    return bmi(row.height_cm, row.weight_kg) if row.height_cm and row.weight_kg else None


def _pressure(row: CheckupRow) -> str:
    if row.systolic is None or row.diastolic is None:
        return ""
    return f"{row.systolic}/{row.diastolic}"


def _self_care(row: CheckupRow) -> str:
    care = self_care_summary(
        {
            "eating": row.self_care_eating,
            "grooming": row.self_care_grooming,
            "dressing": row.self_care_dressing,
            "toilet": row.self_care_toilet,
            "moving": row.self_care_moving,
        }
    )
    return f"{care[0]}分 {care[1]}" if care else ""


def _questionnaire(row: CheckupRow) -> str:
    """The questionnaire's judgement in words, and the doctor's override with its reason."""
    judgement = judge_text(row.tcm_answers)
    if judgement is None:
        return ""
    reason = row.constitution_override_reason
    return judgement.summary + (f"（医生改判：{reason}）" if reason else "")


def _answered(row: CheckupRow) -> str:
    """The questionnaire's cell when health values are masked."""
    return MASK if row.tcm_answers else ""


def _findings(row: CheckupRow) -> str:
    return "；".join(
        findings(row.systolic, row.diastolic, row.fasting_glucose, row.height_cm, row.weight_kg)
    )


def _self_care_scored(row: CheckupRow) -> str:
    """The self-care cell when health values are masked: `self_care_summary` gives a total
    exactly when all five items are scored, so the cell is MASK then (not worked out)."""
    scores = (
        row.self_care_eating,
        row.self_care_grooming,
        row.self_care_dressing,
        row.self_care_toilet,
        row.self_care_moving,
    )
    return "" if None in scores else MASK


def _follow_up(note: Callable[[str], str]) -> Callable[[CheckupRow], str]:
    def follow_up(row: CheckupRow) -> str:
        day = row.followed_up_on
        if not day:
            return ""
        return f"{day.isoformat()} {row.followed_up_by}：{note(row.follow_up_note)}"

    return follow_up


def _kept(value: str) -> str:
    return value


def ledger_fields(unmasked: bool) -> list[LedgerField[CheckupRow]]:
    """The ledger's columns after 序号, each with its cell. Masked (unless `unmasked`): ID and
    phone numbers partly hidden; the health values (身高 … 健康建议) and the follow-up's note
    hidden as domain.privacy says (text only, so those columns have no number format)."""

    def health(value: Callable[[CheckupRow], object]) -> Callable[[CheckupRow], object]:
        return value if unmasked else lambda row: mask_health(value(row))

    one_decimal = "0.0" if unmasked else None
    # Masked, the judgement is not worked out: its words are never empty, so the cell is
    # MASK exactly when answers are recorded (judging ~50,000 questionnaires takes ~0.5 s);
    # nor is the self-care total.
    questionnaire = _questionnaire if unmasked else _answered
    self_care = health(_self_care) if unmasked else _self_care_scored

    def id_number(row: CheckupRow) -> str:
        return (row.id_number or "") if unmasked else mask_id(row.id_number)

    def phone(row: CheckupRow) -> str:
        return row.phone if unmasked else mask_phone(row.phone)

    return [
        LedgerField("体检日期", 11, attrgetter("checkup_date"), "yyyy-mm-dd"),
        LedgerField("结对村", 16, attrgetter("village")),
        LedgerField("村民小组", 11, attrgetter("group_name")),
        LedgerField("姓名", 9, attrgetter("name")),
        LedgerField("性别", 5, attrgetter("gender")),
        LedgerField("出生日期", 11, attrgetter("birth_text")),
        LedgerField("年龄", 5, _age),
        LedgerField("身份证号", 21, id_number),
        LedgerField("联系电话", 13, phone),
        LedgerField("身高(cm)", 8, health(attrgetter("height_cm")), one_decimal),
        LedgerField("体重(kg)", 8, health(attrgetter("weight_kg")), one_decimal),
        LedgerField("BMI", 6, health(_bmi), one_decimal),
        LedgerField("腰围(cm)", 8, health(attrgetter("waist_cm")), one_decimal),
        LedgerField("血压(mmHg)", 10, health(_pressure)),
        LedgerField("心率", 6, health(attrgetter("heart_rate"))),
        LedgerField("空腹血糖(mmol/L)", 9, health(attrgetter("fasting_glucose")), one_decimal),
        LedgerField("慢性病", 14, health(attrgetter("chronic_conditions"))),
        LedgerField("中医体质", 8, health(attrgetter("constitution"))),
        LedgerField("体质辨识（问卷）", 20, questionnaire),
        LedgerField("自理能力", 12, self_care),
        LedgerField("异常提示", 22, health(_findings)),
        LedgerField("体检结论", 20, health(attrgetter("conclusion"))),
        LedgerField("健康建议", 20, health(attrgetter("advice"))),
        LedgerField("体检医生", 9, lambda row: row.doctor or ""),
        LedgerField("随访", 22, _follow_up(_kept if unmasked else mask_health)),
    ]


def write_checkup_ledger(
    path: Path,
    rows: Iterable[CheckupRow],
    title: Title,
    subtitle: str,
    unmasked: bool = False,
    tick: Callable[[int], None] | None = None,
) -> int:
    """Write the ledger; returns the number of checkups written. `tick(n)` reports progress."""
    with Ledger(path) as book:
        table = book.table("健康体检台账", title, subtitle, ledger_fields(unmasked))
        return table.add_all(rows, tick)
