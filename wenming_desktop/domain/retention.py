"""Which backups to keep: the newest of each of the last 14 days and of the last 12 months.

Pure rules over time stamps, so the thinning can be tested without files. "The last 14 days"
means the 14 most recent days that have a backup (like restic's --keep-daily), so a program
that was not started for a month still keeps two weeks' worth of history.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import datetime
from typing import TypeVar

KEEP_DAILY = 14
KEEP_MONTHLY = 12

T = TypeVar("T", bound=Hashable)


def backups_to_keep(
    stamps: Iterable[tuple[T, datetime]],
    keep_daily: int = KEEP_DAILY,
    keep_monthly: int = KEEP_MONTHLY,
) -> set[T]:
    """The keys to keep among (key, taken_at): newest per day for the last `keep_daily` days
    that have backups, and newest per month for the last `keep_monthly` months that have any.

    Every backup of the newest day is kept as well (a backup taken before a restore must not
    vanish because the clerk made another one an hour later); they are thinned the next day.
    """
    ordered = sorted(stamps, key=lambda item: item[1], reverse=True)
    keep: set[T] = set()
    if ordered:
        newest = ordered[0][1].date()
        keep.update(key for key, taken_at in ordered if taken_at.date() == newest)
    days: set[tuple[int, int, int]] = set()
    months: set[tuple[int, int]] = set()
    for key, taken_at in ordered:
        day = (taken_at.year, taken_at.month, taken_at.day)
        month = (taken_at.year, taken_at.month)
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(key)
        if month not in months and len(months) < keep_monthly:
            months.add(month)
            keep.add(key)
    return keep


def backups_to_delete(
    stamps: Iterable[tuple[T, datetime]],
    keep_daily: int = KEEP_DAILY,
    keep_monthly: int = KEEP_MONTHLY,
) -> set[T]:
    items = list(stamps)
    keep = backups_to_keep(items, keep_daily, keep_monthly)
    return {key for key, _ in items if key not in keep}
