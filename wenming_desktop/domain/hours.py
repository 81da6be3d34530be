"""Service hours of one participation: sign-in and sign-out, corrections.

The yearly target, star levels and the rounding of hours are counting rules (domain/counting.py);
the names below are kept for the callers that know them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from wenming_desktop.domain import counting
from wenming_desktop.domain.counting import STAR_LEVELS, TARGET_MINUTES, star_level
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.text import clean_text, is_placeholder

YEARLY_TARGET_MINUTES = TARGET_MINUTES
__all__ = ["STAR_LEVELS", "YEARLY_TARGET_MINUTES", "star_level"]


def minutes_between(sign_in: datetime, sign_out: datetime) -> int:
    """Whole minutes of service between sign-in and sign-out; refuses a reversed pair."""
    if sign_out < sign_in:
        raise UserError(f"签退时间 {sign_out:%Y-%m-%d %H:%M} 早于签到时间 {sign_in:%Y-%m-%d %H:%M}")
    minutes = int((sign_out - sign_in).total_seconds() // 60)
    if minutes > 24 * 60:
        raise UserError("一次服务的时长超过24小时，请核对签到、签退时间")
    return minutes


@dataclass(frozen=True)
class ServiceTime:
    """The hours of one participation: what was recorded at the time and any later correction."""

    recorded_minutes: int | None
    corrected_minutes: int | None = None
    correction_reason: str | None = None


def correct(time: ServiceTime, minutes: int, reason: str) -> ServiceTime:
    """A manual correction; it needs a reason and keeps the recorded value beside it."""
    if not reason.strip():
        raise UserError("手工修改时长必须填写原因")
    if minutes < 0 or minutes > 24 * 60:
        raise UserError("修改后的时长应在0到24小时之间")
    return ServiceTime(time.recorded_minutes, minutes, reason.strip())


def meets_yearly_target(minutes: int) -> bool:
    return counting.meets_target(minutes)


def format_hours(minutes: int) -> str:
    """Minutes as hours with one decimal, rounded half-up (counting.hours_text): 90 → "1.5"."""
    return counting.hours_text(minutes)


_HOURS_MINUTES = re.compile(
    r"^(?:(\d+(?:\.\d+)?)\s*(?:小时|时|h|hr|hrs|hour|hours))?\s*"
    r"(?:(\d+(?:\.\d+)?)\s*(?:分钟|分|min|mins|m))?$"
)
MAX_REGISTRY_HOURS = 100_000
_NOT_THOUSANDS = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|\d{4},|\.\d*,")
_CLOCK = re.compile(r"^(\d+):([0-5]\d)$")
_UNIT_NOTE = re.compile(r"[(（](?:小时|h|hr|hrs|hours?)[)）]$")


def parse_hours_text(value: object) -> int | None:
    """Service hours as the national volunteer system exports them, in whole minutes.

    Reads a number of hours (`12.5`, `1,234.5`; a comma only as a thousands separator, so
    `12,5` is refused rather than read as 125), hours with units (`12.5小时`, `12h`,
    `12.5（小时）`), hours and minutes (`12小时30分钟`, `12小时零5分钟`, `30分钟`, `12:30`).
    Empty cells and placeholders (`--`, `无`) give None; anything else is a UserError naming
    the value."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        hours = float(value)
    else:
        shown = clean_text(str(value))
        unreadable = UserError(f"服务时长“{shown}”无法识别，应为小时数（如 12.5）或“12小时30分钟”")
        text = _UNIT_NOTE.sub("", shown.replace(" ", "").lower()).replace("零", "")
        if not text or is_placeholder(text):
            return None
        if "," in text:  # only a thousands separator (1,234.5); 12,5 is not 125 nor 12.5
            if _NOT_THOUSANDS.search(text):
                raise unreadable
            text = text.replace(",", "")
        if clock := _CLOCK.match(text):  # 12:30 as hours and minutes
            return _minutes(int(clock.group(1)) + int(clock.group(2)) / 60)
        try:
            hours = float(text)
        except ValueError:
            match = _HOURS_MINUTES.match(text)
            if match is None or not any(match.groups()):
                raise unreadable from None
            hours = float(match.group(1) or 0) + float(match.group(2) or 0) / 60
    return _minutes(hours)


def _minutes(hours: float) -> int:
    if not 0 <= hours <= MAX_REGISTRY_HOURS:
        raise UserError(f"服务时长“{hours:g}”小时不合理")
    return round(hours * 60)
