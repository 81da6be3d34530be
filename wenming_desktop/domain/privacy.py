"""The one rule for residents' health values in lists, sheets and exports (docs/rules.md,
"Personal information").

A resident's *health values* are everything a checkup measured or concluded about that person:
height, weight, BMI, waist, blood pressure, heart rate, fasting glucose, chronic conditions, TCM
constitution (with its questionnaire answers, judgement and override reason), the self-care
scores and band, the abnormal findings in words, the conclusion, the health advice and the
follow-up note. Shown next to a person (a list row, a ledger row, a history
column, a trend chart), they are masked by default: a value that exists is shown as MASK, an empty
one stays empty, so a reader can tell "hidden" from "not measured". Showing them is an explicit
choice (a list's 显示健康数值 switch, an export's unmask option) that writes an `unmask` audit
entry.

Not health values, and never masked here: who and when (date, village, group, name, gender, age,
examining doctor, follow-up date and who followed up); the resident's focus groups (留守老人, 独居,
留守儿童, 残疾, 困难 — service categories the village assigns and the office plans its work by,
not findings of a checkup); and aggregate figures (counts, shares per band, constitution counts,
coverage) in the 统计 tab and the summary PDF, which identify nobody. That a person is on the
follow-up list at all is the list's purpose; what was abnormal is masked there too.

ID numbers and phones are masked by identity.mask_id / mask_phone; this module covers health.
"""

from __future__ import annotations

from typing import Any, TypeVar

# Any NamedTuple row. mypy gives each NamedTuple a `_replace` with its own keywords, so no
# Protocol bound matches them all; the two lines that use `_fields`/`_replace` say so.
R = TypeVar("R")

MASK = "***"
# Shown with a list or sheet whose health values are masked, so nobody takes them for missing.
MASKED_NOTE = "健康数值已隐藏"
# CheckupRow / Checkup fields that hold health values (follow-up date and person do not).
HEALTH_FIELDS: frozenset[str] = frozenset(
    {
        "height_cm",
        "weight_kg",
        "waist_cm",
        "systolic",
        "diastolic",
        "heart_rate",
        "fasting_glucose",
        "chronic_conditions",
        "constitution",
        "tcm_answers",
        "constitution_override_reason",
        "self_care_eating",
        "self_care_grooming",
        "self_care_dressing",
        "self_care_toilet",
        "self_care_moving",
        "conclusion",
        "advice",
        "follow_up_note",
    }
)


def mask_health(value: Any) -> Any:
    """MASK for a value that exists; an empty value (None, "") stays as it is."""
    if value is None or value == "":
        return value
    return MASK


def health_value(value: Any, shown: bool) -> Any:
    """`value` itself when health values are shown, else masked."""
    return value if shown else mask_health(value)


def health_text(value: Any) -> str:
    """A list cell's text for a masked health value: MASK, or "" when there is none."""
    return "" if value is None or value == "" else MASK


def mask_health_row(row: R) -> R:
    """A NamedTuple row (e.g. a CheckupRow) with its health fields masked, the rest as is.

    Lists mask whole rows rather than cells, so sorting a masked column cannot rank the values.
    """
    # R is any NamedTuple, which no bound can say (see R above): _fields/_replace are unknown.
    fields = [f for f in row._fields if f in HEALTH_FIELDS]  # type: ignore[attr-defined]
    masked: R = row._replace(  # type: ignore[attr-defined]
        **{f: mask_health(getattr(row, f)) for f in fields}
    )
    return masked
