"""Reporting periods (2026, 2026-H1, 2026-Q3, 2026-07) and the monthly concentrated week."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from wenming_desktop.domain.errors import UserError

_PATTERN = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$")


@dataclass(frozen=True)
class Period:
    """A closed date range with the code it was given and a Chinese label."""

    code: str
    start: date
    end: date  # inclusive

    @property
    def label(self) -> str:
        year = self.code[:4]
        rest = self.code[5:]
        if not rest:
            return f"{year}年"
        if rest.startswith("H"):
            return f"{year}年{'上' if rest == 'H1' else '下'}半年"
        if rest.startswith("Q"):
            return f"{year}年第{'一二三四'[int(rest[1]) - 1]}季度"
        return f"{year}年{int(rest)}月"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def years_label(self) -> str:
        """The calendar years the period touches ("2026年度"): the heading of a list kept by
        year (评选表彰 are decided per year), whatever part of the year was asked for."""
        first, last = self.start.year, self.end.year
        return f"{first}年度" if first == last else f"{first}—{last}年度"


def parse_period(code: str) -> Period:
    """Parse a period code; raises UserError naming the accepted forms."""
    text = code.strip().upper()
    match = _PATTERN.match(text)
    if not match:
        raise UserError(f"期间“{code}”格式不正确，应为 2026、2026-H1、2026-Q3 或 2026-07 之一")
    year = int(match.group(1))
    part = match.group(2)
    if part is None:
        return Period(text, date(year, 1, 1), date(year, 12, 31))
    if part.startswith("H"):
        first_month = 1 if part == "H1" else 7
        return Period(text, date(year, first_month, 1), _month_end(year, first_month + 5))
    if part.startswith("Q"):
        first_month = (int(part[1]) - 1) * 3 + 1
        return Period(text, date(year, first_month, 1), _month_end(year, first_month + 2))
    month = int(part)
    if not 1 <= month <= 12:
        raise UserError(f"期间“{code}”中的月份 {part} 不存在，月份应为 01–12")
    return Period(text, date(year, month, 1), _month_end(year, month))


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def concentrated_week(year: int, month: int) -> tuple[date, date]:
    """The month's concentrated activity week (每月第三个星期).

    Read as the Monday-to-Sunday week that begins on the month's third Monday, so the week is
    always whole and always starts inside the month.
    """
    first = date(year, month, 1)
    first_monday = first + timedelta(days=(7 - first.weekday()) % 7)
    start = first_monday + timedelta(weeks=2)
    return start, start + timedelta(days=6)


def in_concentrated_week(day: date) -> bool:
    start, end = concentrated_week(day.year, day.month)
    return start <= day <= end
