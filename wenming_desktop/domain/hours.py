"""Service hours of one participation: sign-in and sign-out, corrections.

The yearly target, star levels and the rounding of hours are counting rules (domain/counting.py);
the names below are kept for the callers that know them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wenming_desktop.domain import counting
from wenming_desktop.domain.counting import STAR_LEVELS, TARGET_MINUTES, star_level
from wenming_desktop.domain.errors import UserError

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
