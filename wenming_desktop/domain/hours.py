"""Service hours from sign-in and sign-out, corrections, yearly target and star levels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wenming_desktop.domain.errors import UserError

YEARLY_TARGET_MINUTES = 48 * 60

# Cumulative-hour star levels (docs/rules.md, "Star levels").
STAR_LEVELS: tuple[tuple[int, str], ...] = (
    (1500, "五星"),
    (1000, "四星"),
    (600, "三星"),
    (300, "二星"),
    (100, "一星"),
)


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


def star_level(cumulative_minutes: int) -> str:
    """Star level name for the cumulative hours, or "" below one star."""
    hours = cumulative_minutes / 60
    for threshold, name in STAR_LEVELS:
        if hours >= threshold:
            return name
    return ""


def meets_yearly_target(minutes: int) -> bool:
    return minutes >= YEARLY_TARGET_MINUTES


def format_hours(minutes: int) -> str:
    """Minutes as hours with one decimal, e.g. 90 → "1.5"."""
    return f"{minutes / 60:.1f}"
