"""A checkup's values, their validation, and what in them is abnormal (docs/rules.md,
"Checkup thresholds", "Elderly self-care assessment")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from wenming_desktop.domain.constitution import judge, parse_answers
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_text
from wenming_desktop.domain.plausible_dates import check_checkup_date
from wenming_desktop.domain.thresholds import (
    FOLLOW_UP_LIMITS,
    SELF_CARE_ITEMS,
    Band,
    blood_pressure_band,
    bmi,
    bmi_band_of,
    check_plausible,
    glucose_band,
    self_care_band,
    self_care_total,
)
from wenming_desktop.domain.vocabulary import TCM_CONSTITUTIONS

# Numeric fields in form order; integers are stored as int, the rest as float.
NUMERIC_FIELDS: tuple[str, ...] = (
    "height_cm",
    "weight_kg",
    "waist_cm",
    "systolic",
    "diastolic",
    "heart_rate",
    "fasting_glucose",
)
INTEGER_FIELDS = frozenset({"systolic", "diastolic", "heart_rate"})
SELF_CARE_KEYS: tuple[str, ...] = tuple(SELF_CARE_ITEMS)
CONDITION_SEPARATOR = "、"
ELDERLY_AGE = 60


@dataclass(frozen=True)
class CheckupData:
    resident_id: int
    checkup_date: date
    activity_id: int | None = None
    height_cm: float | None = None
    weight_kg: float | None = None
    waist_cm: float | None = None
    systolic: int | None = None
    diastolic: int | None = None
    heart_rate: int | None = None
    fasting_glucose: float | None = None
    chronic_conditions: tuple[str, ...] = ()
    constitution: str = ""
    # 老年人中医药健康管理服务记录表: 33 digits 1–5 ("" when not asked; see domain.constitution).
    tcm_answers: str = ""
    # Why the doctor recorded another constitution than the questionnaire's.
    constitution_override_reason: str = ""
    # Self-care scores keyed by SELF_CARE_KEYS; empty when not assessed (under 60).
    self_care: dict[str, int] = field(default_factory=dict)
    conclusion: str = ""
    advice: str = ""
    doctor_id: int | None = None

    @property
    def bmi(self) -> float | None:
        if self.height_cm and self.weight_kg:
            return bmi(self.height_cm, self.weight_kg)
        return None


def validate_checkup(data: CheckupData) -> CheckupData:
    """Normalised copy, or UserError naming the field: plausible ranges, pressures, scores."""
    check_checkup_date(data.checkup_date, None)
    for name in NUMERIC_FIELDS:
        value = getattr(data, name)
        if value is not None:
            check_plausible(name, float(value))
    sys_, dia = data.systolic, data.diastolic
    if sys_ is not None and dia is not None and dia >= sys_:
        raise UserError(f"舒张压 {dia} 不应高于或等于收缩压 {sys_}，请核对")
    constitution = normalize_text(data.constitution)
    if constitution and constitution not in TCM_CONSTITUTIONS:
        raise UserError(f"中医体质“{constitution}”不在九种体质之列")
    answers, constitution, reason = settle_constitution(
        data.tcm_answers, constitution, data.constitution_override_reason
    )
    if data.self_care:
        missing = [SELF_CARE_ITEMS[k][0] for k in SELF_CARE_KEYS if k not in data.self_care]
        if missing:
            raise UserError(f"生活自理能力评估缺少：{'、'.join(missing)}")
        self_care_total(data.self_care)  # raises on a score the item does not allow
    conditions = tuple(
        dict.fromkeys(c for c in (normalize_text(x) for x in data.chronic_conditions) if c)
    )
    numbers: dict[str, Any] = {
        name: (int(v) if name in INTEGER_FIELDS else float(v))
        for name in NUMERIC_FIELDS
        if (v := getattr(data, name)) is not None
    }
    return replace(
        data,
        constitution=constitution,
        tcm_answers=answers,
        constitution_override_reason=reason,
        chronic_conditions=conditions,
        conclusion=data.conclusion.strip(),
        advice=data.advice.strip(),
        **numbers,
    )


def settle_constitution(answers: str, constitution: str, reason: str) -> tuple[str, str, str]:
    """(answers as 33 digits, the constitution to record, the override reason) of a checkup.

    Without answers the constitution is the one picked and there is nothing to override. With
    answers the questionnaire decides (domain.constitution.Judgement.primary): an empty
    constitution or the judged one is recorded as judged, so a later edit of the answers
    re-scores; another constitution needs the doctor's reason (UserError without one); a reason
    given for the judged constitution itself is dropped. UserError on answers that are not 33
    digits 1–5.
    """
    reason = reason.strip()
    if not answers.strip():
        return "", constitution, ""
    values = parse_answers(answers)
    judged = judge(values).primary
    text = "".join(str(v) for v in values)
    if not reason:
        if constitution and constitution != judged:
            shown = judged or "无"
            raise UserError(f"中医体质“{constitution}”与问卷判定（{shown}）不一致：改判请填写理由")
        return text, judged, ""
    if not constitution:
        raise UserError("已填写体质改判理由，请选择改判后的中医体质")
    return text, constitution, "" if constitution == judged else reason


def self_care_summary(scores: dict[str, int | None]) -> tuple[int, str] | None:
    """(total, band) when all five items are scored, else None."""
    if any(scores.get(k) is None for k in SELF_CARE_KEYS):
        return None
    total = self_care_total({k: int(scores[k] or 0) for k in SELF_CARE_KEYS})
    return total, self_care_band(total)


def findings(
    systolic: float | None,
    diastolic: float | None,
    fasting_glucose: float | None,
    height_cm: float | None = None,
    weight_kg: float | None = None,
) -> list[str]:
    """The abnormal results in words, e.g. ["血压偏高 150/95", "空腹血糖受损 6.5"]."""
    out: list[str] = []
    if blood_pressure_band(systolic, diastolic) is Band.HIGH:
        shown = "/".join("—" if v is None else f"{v:g}" for v in (systolic, diastolic))
        out.append(f"血压偏高 {shown}")
    if fasting_glucose is not None:
        band = glucose_band(fasting_glucose)
        if band is not Band.NORMAL:
            label = "空腹血糖偏高" if band is Band.HIGH else band.label
            out.append(f"{label} {fasting_glucose:g}")
    if height_cm and weight_kg:
        band = bmi_band_of(height_cm, weight_kg)
        if band in (Band.LOW, Band.OBESE):
            out.append(f"BMI {bmi(height_cm, weight_kg):.1f}（{band.label}）")
    return out


def needs_follow_up(
    systolic: float | None, diastolic: float | None, fasting_glucose: float | None
) -> bool:
    """Results that go on the follow-up list (thresholds.FOLLOW_UP_LIMITS: any value at or above
    its limit: systolic 140, diastolic 90, fasting glucose 6.1)."""
    values = {"systolic": systolic, "diastolic": diastolic, "fasting_glucose": fasting_glucose}
    return any(
        (value := values[name]) is not None and value >= limit for name, limit in FOLLOW_UP_LIMITS
    )
