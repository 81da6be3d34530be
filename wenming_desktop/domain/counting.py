"""The counting rules: what every figure (ledger, summary, certificate, chart, 首页, packet) counts.

Each rule is written once here; the SQL that applies it is generated from these names in
storage/queries/counting.py, so no query states a rule of its own. The rules and their sources
are described for the clerk in docs/figures.md.

- An activity counts (as 场, and its people as 参加) only when it was held (已开展): planned
  and cancelled activities are never counted.
- A participation counts when its activity counts and its service time is more than zero
  minutes: the correction if there is one, else the time recorded from sign-in to sign-out.
  A sign-in without sign-out and without correction is *open*: listed apart, never counted.
- Minutes are the stored truth. Hours are shown rounded half-up to 0.1 h; every total is
  computed from minutes and rounded once, so a column of rounded cells may differ from its
  rounded total by a few tenths (ROUNDING_NOTE says so on each ledger).
- The yearly target (48 hours per person per year: the health bureau's civilization-work points,
  "年人均志愿服务时长48小时以上", judged per volunteer on the hours ledger) and
  the star levels (cumulative hours of the national volunteer service system) are decided on
  minutes, and a total below the target is never shown as 48.0.
- A year's hours ledger lists every volunteer on the roster who is active, and every volunteer
  with counted service in that year even if no longer active (marked 已停用).
- 人均 (per capita) is the counted minutes divided by the volunteers who served in the period
  (参与服务的志愿者), and its label says so.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from wenming_desktop.domain.vocabulary import ActivityStatus

# What makes an activity count: it was held.
COUNTED_STATUS = ActivityStatus.DONE
# What a planning view of coverage counts: held, or planned and not cancelled.
ARRANGED_STATUSES = frozenset({ActivityStatus.DONE, ActivityStatus.PLANNED})

# The yearly target in hours per volunteer (civilization-work points: ≥ 48 h per person a year).
TARGET_HOURS = 48
TARGET_MINUTES = TARGET_HOURS * 60

# Cumulative-hour star levels of the national volunteer service system (一星 100 h … 五星 1500 h).
STAR_LEVELS: tuple[tuple[int, str], ...] = (
    (1500, "五星"),
    (1000, "四星"),
    (600, "三星"),
    (300, "二星"),
    (100, "一星"),
)

_TENTH = Decimal("0.1")

TARGET_LABEL = f"是否达标({TARGET_HOURS}小时)"
# A part of a year (a month, a quarter): the yearly target judged on the year to the period's end.
TO_DATE = "本年截至期末"
TARGET_TO_DATE_LABEL = f"{TO_DATE}是否达标({TARGET_HOURS}小时)"
PER_CAPITA_LABEL = "人均服务时长（小时，按参与服务的志愿者计）"
ROUNDING_NOTE = (
    "注：服务时长以分钟记录；表中各小时数由分钟数折算后四舍五入保留一位小数，"
    "合计由分钟总数折算后再四舍五入，故各项相加与合计可能相差零点几小时；"
    f"是否达到{TARGET_HOURS}小时按分钟数判定。"
)
SHORT_ROUNDING_NOTE = (
    "注：服务时长以分钟记录，各次时长四舍五入保留一位小数，合计由分钟总数折算后四舍五入。"
)
INACTIVE_MARK = "（已停用）"


def activity_counts(status: str) -> bool:
    """True when an activity of this status is counted as 场 (held)."""
    return status == COUNTED_STATUS


def arranged(status: str) -> bool:
    """True for an activity held or still planned: what a planning view (月度覆盖, 首页's
    reminder of villages without an activity this month) counts; never a document's 场."""
    return status in ARRANGED_STATUSES


def counted_minutes(recorded: int | None, corrected: int | None) -> int:
    """The minutes a participation counts: the correction if any, else the recorded time."""
    if corrected is not None:
        return corrected
    return recorded or 0


def is_open(recorded: int | None, corrected: int | None) -> bool:
    """Signed in, never signed out, not corrected: listed as open, never counted."""
    return recorded is None and corrected is None


def participation_counts(status: str, recorded: int | None, corrected: int | None) -> bool:
    """True when a participation counts as one 参加 with its minutes (held, more than 0 min)."""
    return activity_counts(status) and counted_minutes(recorded, corrected) > 0


def in_hours_ledger(active: bool, year_minutes: int) -> bool:
    """Who is listed on a year's hours ledger: the active roster, and anyone who served."""
    return active or year_minutes > 0


def meets_target(minutes: int) -> bool:
    """The yearly target, decided on minutes (2879 minutes is not 48 hours)."""
    return minutes >= TARGET_MINUTES


def star_level(cumulative_minutes: int) -> str:
    """Star level name for the cumulative minutes, or "" below one star (decided on minutes)."""
    for threshold, name in STAR_LEVELS:
        if cumulative_minutes >= threshold * 60:
            return name
    return ""


def hours(minutes: int | Decimal) -> Decimal:
    """Minutes as hours rounded half-up to 0.1 (1095 min → 18.3, 5 min → 0.1, 3 min → 0.1)."""
    return (Decimal(minutes) / 60).quantize(_TENTH, rounding=ROUND_HALF_UP)


def hours_text(minutes: int | Decimal) -> str:
    """hours() as text with one decimal, e.g. 90 → "1.5"."""
    return f"{hours(minutes):.1f}"


def hours_cell(minutes: int | Decimal) -> float:
    """hours() as the number a spreadsheet cell holds (its shown value, exactly)."""
    return float(hours(minutes))


def total_hours(minutes: int) -> Decimal:
    """A person's hours against the target: rounded half-up, but never shown as the target
    when the target is not met (2879 min → 47.9, not 48.0)."""
    value = hours(minutes)
    if not meets_target(minutes) and value >= TARGET_HOURS:
        return Decimal(TARGET_HOURS) - _TENTH
    return value


def per_capita_minutes(total_minutes: int, people: int) -> Decimal:
    """人均: counted minutes over the volunteers who served (0 when nobody served)."""
    return Decimal(total_minutes) / people if people else Decimal(0)


def per_capita_hours_text(total_minutes: int, people: int) -> str:
    """人均 in hours, rounded half-up once from the exact quotient (2.65 h → "2.7")."""
    return hours_text(per_capita_minutes(total_minutes, people))
