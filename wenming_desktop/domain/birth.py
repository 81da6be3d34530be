"""A birth date that may lack its day: the 出生年月 of an HR or village sheet (`1985.03`) for a
person without an ID number. What belongs here: how such a date is stored, shown, checked
against an ID number, and how ages are computed from it.

Storage: the date column holds the first day of the month and a precision column beside it says
`month` (`day` for a full date). Shown as `1985-03` wherever the birth date is shown.

The age rule when the day is unknown: a person reaches an age on the FIRST day of the birth
month. So someone whose 60th birthday falls in the current month counts as 60 (and "60 and
over") for the whole of that month. Chosen because the office invites people to the checkup
day and lists them as 老年人 by month of birth when only 出生年月 is known; counting them from
the month's first day never leaves out someone who is 60 on the day of the checkup (at most it
includes, during that one month, a person a few days short of 60). Storing the first of the
month makes every date comparison (ages, "born on or before", plausibility) follow this rule
without special cases. No Qt here.
"""

from __future__ import annotations

from datetime import date

from wenming_desktop.domain.errors import UserError

PRECISION_DAY = "day"
PRECISION_MONTH = "month"
PRECISIONS = (PRECISION_DAY, PRECISION_MONTH)
MONTH_ONLY_LABEL = "只知年月"
PRECISION_LABELS = {PRECISION_DAY: "年月日", PRECISION_MONTH: MONTH_ONLY_LABEL}  # as the log shows


def month_birth(year: int, month: int) -> date:
    """The stored date of a birth known to the month: the month's first day."""
    return date(year, month, 1)


def as_month(birth: date) -> date:
    """`birth` reduced to its month (the first day), as a month-precision birth is stored."""
    return birth.replace(day=1)


def birth_text(birth: date | None, precision: str = PRECISION_DAY) -> str:
    """`1985-03-02`, `1985-03` for a month-precision birth, "" when unknown."""
    if birth is None:
        return ""
    if precision == PRECISION_MONTH:
        return birth.isoformat()[:7]
    return birth.isoformat()  # as %Y-%m-%d, ~5× faster (a ledger formats ~50,000)


def check_precision(precision: str) -> str:
    """The precision itself, or UserError for a value that is neither `day` nor `month`."""
    if precision not in PRECISIONS:
        raise UserError(f"出生日期精度“{precision}”无效（应为 day 或 month）")
    return precision


def with_id_birth(birth: date | None, precision: str, id_birth: date) -> date:
    """The birth date when an ID number gives it (always the full date from the ID): a stated
    year-month must agree on year and month, a stated full date on the day too; UserError
    naming both otherwise."""
    if birth is None:
        return id_birth
    if precision == PRECISION_MONTH:
        if (birth.year, birth.month) != (id_birth.year, id_birth.month):
            raise UserError(f"出生年月{birth:%Y-%m}与身份证号中的{id_birth:%Y-%m-%d}不一致")
        return id_birth
    if birth != id_birth:
        raise UserError(f"出生日期{birth:%Y-%m-%d}与身份证号中的{id_birth:%Y-%m-%d}不一致")
    return id_birth


def age_on(birth: date | None, day: date) -> int | None:
    """Full years of age on `day`, or None when the birth date is unknown. A month-precision
    birth is stored as the month's first day, so the age is reached on the first day of the
    birth month (the rule in this module's docstring)."""
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
