"""Checkup thresholds (docs/rules.md, "Checkup thresholds"), the follow-up rule, and the elderly
self-care score."""

from __future__ import annotations

import math
from enum import StrEnum

from wenming_desktop.domain.errors import UserError

# Plausible ranges: a value outside is a typing error and is refused at the field.
PLAUSIBLE: dict[str, tuple[float, float, str]] = {
    "height_cm": (80, 230, "身高(cm)"),
    "weight_kg": (20, 250, "体重(kg)"),
    "waist_cm": (40, 200, "腰围(cm)"),
    "systolic": (60, 280, "收缩压(mmHg)"),
    "diastolic": (30, 180, "舒张压(mmHg)"),
    "heart_rate": (30, 220, "心率(次/分)"),
    "fasting_glucose": (1.0, 35.0, "空腹血糖(mmol/L)"),
}


def check_plausible(field: str, value: float) -> None:
    low, high, label = PLAUSIBLE[field]
    if not low <= value <= high:
        raise UserError(f"{label} {value:g} 超出合理范围 {low:g}–{high:g}，请核对")


class Band(StrEnum):
    NORMAL = "normal"
    HIGH = "high"
    IMPAIRED = "impaired"
    LOW = "low"
    OVERWEIGHT = "overweight"
    OBESE = "obese"

    @property
    def label(self) -> str:
        return {
            "normal": "正常",
            "high": "偏高",
            "impaired": "空腹血糖受损",
            "low": "偏瘦",
            "overweight": "超重",
            "obese": "肥胖",
        }[self.value]

    @property
    def abnormal(self) -> bool:
        return self is not Band.NORMAL


# Chinese adult references (中国高血压防治指南; WS/T 428 成人体重判定; 糖尿病防治指南).
SYSTOLIC_HIGH = 140  # mmHg
DIASTOLIC_HIGH = 90  # mmHg
GLUCOSE_IMPAIRED = 6.1  # mmol/L, fasting
GLUCOSE_HIGH = 7.0  # mmol/L, fasting
BMI_LOW = 18.5
BMI_OVERWEIGHT = 24.0
BMI_OBESE = 28.0

# The follow-up rule (随访): a checkup goes on the list when any of these values reaches its
# limit. Each value is judged on its own: a systolic 150 with no diastolic is high.
# storage/queries/counting.py builds the SQL condition from this same table.
FOLLOW_UP_LIMITS: tuple[tuple[str, float], ...] = (
    ("systolic", SYSTOLIC_HIGH),
    ("diastolic", DIASTOLIC_HIGH),
    ("fasting_glucose", GLUCOSE_IMPAIRED),
)


def blood_pressure_band(systolic: float | None, diastolic: float | None) -> Band:
    """≥ 140 systolic or ≥ 90 diastolic is high; a missing value is not judged."""
    high = (systolic is not None and systolic >= SYSTOLIC_HIGH) or (
        diastolic is not None and diastolic >= DIASTOLIC_HIGH
    )
    return Band.HIGH if high else Band.NORMAL


def glucose_band(fasting: float) -> Band:
    """≥ 7.0 mmol/L high; 6.1–6.9 impaired fasting glucose."""
    if fasting >= GLUCOSE_HIGH:
        return Band.HIGH
    if fasting >= GLUCOSE_IMPAIRED:
        return Band.IMPAIRED
    return Band.NORMAL


BMI_NOTE = (
    "注：BMI分级按未经四舍五入的数值判定（偏瘦 <18.5，超重 ≥24，肥胖 ≥28）；"
    "表中BMI截取一位小数（不进位），故显示值与分级一致。"
)


BMI_SHORT_NOTE = "BMI截取一位小数，分级按未经四舍五入的数值判定"


def bmi_exact(height_cm: float, weight_kg: float) -> float:
    """kg/m², unrounded: the value the BMI bands are decided on."""
    if height_cm <= 0:
        raise UserError("身高必须大于0")
    metres = height_cm / 100
    return weight_kg / (metres * metres)


def bmi(height_cm: float, weight_kg: float) -> float:
    """BMI as shown: cut (not rounded) to one decimal, so the shown value always lies in the same
    band as the exact one (18.46 shows 18.4, 偏瘦; never 18.5 next to 偏瘦)."""
    return math.floor(bmi_exact(height_cm, weight_kg) * 10 + 1e-9) / 10


def bmi_band(value: float) -> Band:
    """< 18.5 low, ≥ 24 overweight, ≥ 28 obese; give it the exact value (bmi_exact)."""
    if value < BMI_LOW:
        return Band.LOW
    if value >= BMI_OBESE:
        return Band.OBESE
    if value >= BMI_OVERWEIGHT:
        return Band.OVERWEIGHT
    return Band.NORMAL


def bmi_band_of(height_cm: float, weight_kg: float) -> Band:
    """The BMI band of a height and weight, on the exact BMI."""
    return bmi_band(bmi_exact(height_cm, weight_kg))


# 老年人生活自理能力评估: the allowed scores per item, in the form's column order.
SELF_CARE_ITEMS: dict[str, tuple[str, tuple[int, ...]]] = {
    "eating": ("进餐", (0, 0, 3, 5)),
    "grooming": ("梳洗", (0, 1, 3, 7)),
    "dressing": ("穿衣", (0, 0, 3, 5)),
    "toilet": ("如厕", (0, 1, 5, 10)),
    "moving": ("活动", (0, 1, 5, 10)),
}


def self_care_total(scores: dict[str, int]) -> int:
    total = 0
    for key, (label, allowed) in SELF_CARE_ITEMS.items():
        value = scores.get(key, 0)
        if value not in allowed:
            choices = "/".join(str(v) for v in sorted(set(allowed)))
            raise UserError(f"生活自理能力评估“{label}”的得分只能是 {choices}，实际为 {value}")
        total += value
    return total


def self_care_band(total: int) -> str:
    if total <= 3:
        return "可自理"
    if total <= 8:
        return "轻度依赖"
    if total <= 18:
        return "中度依赖"
    return "不能自理"
