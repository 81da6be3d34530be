"""Checkup thresholds (docs/rules.md, "Checkup thresholds") and the elderly self-care score."""

from __future__ import annotations

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


def blood_pressure_band(systolic: float, diastolic: float) -> Band:
    """≥ 140 systolic or ≥ 90 diastolic is high."""
    return Band.HIGH if systolic >= 140 or diastolic >= 90 else Band.NORMAL


def glucose_band(fasting: float) -> Band:
    """≥ 7.0 mmol/L high; 6.1–6.9 impaired fasting glucose."""
    if fasting >= 7.0:
        return Band.HIGH
    if fasting >= 6.1:
        return Band.IMPAIRED
    return Band.NORMAL


def bmi(height_cm: float, weight_kg: float) -> float:
    if height_cm <= 0:
        raise UserError("身高必须大于0")
    metres = height_cm / 100
    return round(weight_kg / (metres * metres), 1)


def bmi_band(value: float) -> Band:
    """< 18.5 low, ≥ 24 overweight, ≥ 28 obese."""
    if value < 18.5:
        return Band.LOW
    if value >= 28:
        return Band.OBESE
    if value >= 24:
        return Band.OVERWEIGHT
    return Band.NORMAL


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
