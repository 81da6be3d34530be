"""Use cases of activities: list with filters, add, edit, delete, copy to the next month."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_text
from wenming_desktop.domain.plausible_dates import check_activity_start
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import apply_values
from wenming_desktop.storage.models import Activity, Category, Checkup, Village
from wenming_desktop.storage.queries.activities import (
    ActivityFilter,
    ActivityRow,
    activity_days,
    activity_rows,
    activity_search_texts,
)
from wenming_desktop.storage.queries.activity_lists import (
    CategoryChoice,
    Choice,
    category_choices,
    village_choices,
)

__all__ = [
    "ActivityData",
    "ActivityFilter",
    "ActivityRow",
    "CategoryChoice",
    "Choice",
]


@dataclass(frozen=True)
class ActivityData:
    """The fields of an activity the clerk edits (guideline fields included)."""

    title: str
    category_id: int
    village_id: int
    start_at: datetime
    end_at: datetime
    place: str = ""
    place_is_public: bool = False
    organizer: str = ""
    person_in_charge: str = ""
    expected_attendance: int | None = None
    actual_attendance: int | None = None
    status: str = ActivityStatus.PLANNED.value
    summary: str = ""
    police_approval_ref: str = ""
    city_approval_ref: str = ""
    has_backdrop: bool = False
    medicine_kit_holder: str = ""


_TEXT_FIELDS = (
    "title",
    "place",
    "organizer",
    "person_in_charge",
    "police_approval_ref",
    "city_approval_ref",
    "medicine_kit_holder",
)


def validate_activity(data: ActivityData) -> ActivityData:
    """Trimmed text and checked values; a UserError names the field at fault."""
    texts: dict[str, Any] = {name: normalize_text(getattr(data, name)) for name in _TEXT_FIELDS}
    clean = dataclasses.replace(
        data,
        **texts,
        summary=data.summary.strip(),
        start_at=data.start_at.replace(second=0, microsecond=0),
        end_at=data.end_at.replace(second=0, microsecond=0),
    )
    if not clean.title:
        raise UserError("活动名称不能为空")
    if len(clean.title) > 200:
        raise UserError("活动名称过长（最多200字）")
    if clean.end_at < clean.start_at:
        raise UserError(
            f"结束时间 {clean.end_at:%Y-%m-%d %H:%M} 早于开始时间 {clean.start_at:%Y-%m-%d %H:%M}"
        )
    check_activity_start(clean.start_at)
    if (clean.end_at - clean.start_at).days >= 7:
        raise UserError("一次活动不应超过7天，请核对开始和结束时间")
    try:
        ActivityStatus(clean.status)
    except ValueError:
        raise UserError(f"活动状态“{clean.status}”无效") from None
    for name, label in (
        ("expected_attendance", "预计参加人数"),
        ("actual_attendance", "受益群众人次"),
    ):
        value = getattr(clean, name)
        if value is not None and not 0 <= value <= 1_000_000:
            raise UserError(f"{label}应在0到1000000之间")
    return clean


def _load(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(f"活动（编号 {activity_id}）不存在，可能已被删除")
    return activity


def _check_refs(session: Session, data: ActivityData) -> None:
    if session.get(Category, data.category_id) is None:
        raise UserError("请选择活动类别")
    if session.get(Village, data.village_id) is None:
        raise UserError("请选择结对村")


def list_activities(db: Database, flt: ActivityFilter | None = None) -> list[ActivityRow]:
    with db.read() as session:
        return activity_rows(session, flt)


@dataclass(frozen=True)
class SearchableActivities:
    """The activities a filter keeps, with the text the 查找 box searches in each."""

    rows: list[ActivityRow]
    texts: dict[int, str]

    def search(self, text: str) -> list[ActivityRow]:
        """Rows whose title, place, summary or person in charge contains `text` (any case)."""
        needle = text.strip().lower()
        if not needle:
            return self.rows
        return [r for r in self.rows if needle in self.texts.get(r.id, "")]


def searchable_activities(db: Database, flt: ActivityFilter) -> SearchableActivities:
    """Everything but the text filter applied in SQL; the text then narrows in memory, per
    keystroke, without a query (5,000 activities: ~1 ms instead of ~70 ms)."""
    without_text = dataclasses.replace(flt, text="")
    with db.read() as session:
        return SearchableActivities(
            activity_rows(session, without_text), activity_search_texts(session, without_text)
        )


def days_with_activities(db: Database, year: int, month: int) -> dict[date, int]:
    with db.read() as session:
        return activity_days(session, year, month)


def form_choices(db: Database) -> tuple[list[CategoryChoice], list[Choice]]:
    """Categories and villages for the activity form and the filters."""
    with db.read() as session:
        return category_choices(session), village_choices(session)


def any_activities(db: Database) -> bool:
    """Whether any activity (planned, done or cancelled) has been recorded: a new office has
    none, and its activities page says how to start."""
    with db.read() as session:
        return session.scalar(select(Activity.id).limit(1)) is not None


def default_organizer(db: Database) -> str:
    from wenming_desktop.services.settings.settings import get_setting

    return get_setting(db, "hospital_name")


def get_activity(db: Database, activity_id: int) -> ActivityData:
    return open_activity(db, activity_id).data


def open_activity(db: Database, activity_id: int) -> Seen[ActivityData]:
    """What the edit dialog shows, with the version to save against (`update_activity`)."""
    with db.read() as session:
        activity = _load(session, activity_id)
        return Seen(_data_of(activity), activity.version)


def _data_of(activity: Activity) -> ActivityData:
    return ActivityData(
        **{f.name: getattr(activity, f.name) for f in dataclasses.fields(ActivityData)}
    )


def insert_activity(session: Session, data: ActivityData, request_id: int | None = None) -> int:
    """Validate and add an activity inside the caller's transaction."""
    clean = validate_activity(data)
    _check_refs(session, clean)
    activity = Activity(**dataclasses.asdict(clean), request_id=request_id)
    session.add(activity)
    session.flush()
    audit.record(session, "create", "activity", activity.id, None, dataclasses.asdict(clean))
    return activity.id


def add_activity(db: Database, data: ActivityData) -> int:
    with db.write() as session:
        return insert_activity(session, data)


def update_activity(
    db: Database, activity_id: int, data: ActivityData, seen: Seen[ActivityData] | None = None
) -> None:
    """Save an edit. With `seen` (from `open_activity`) only the changed fields are written and
    a clash with a newer change raises StaleRecord; without it every field is written."""
    clean = validate_activity(data)
    with db.write() as session:
        activity = _load(session, activity_id)
        what = f"活动“{activity.title}”"
        values = values_to_save(_data_of(activity), activity.version, seen, clean, what)
        merged = validate_activity(dataclasses.replace(_data_of(activity), **values))
        _check_refs(session, merged)
        old, new = apply_values(activity, values)
        if new:
            audit.record(session, "update", "activity", activity_id, old, new)


def delete_activity(db: Database, activity_id: int) -> None:
    """Delete an activity with its volunteers, clinic details and attachments' records.

    Refused while checkups refer to it (those records belong to residents).
    """
    with db.write() as session:
        activity = _load(session, activity_id)
        checkups = session.scalar(
            select(func.count()).select_from(Checkup).where(Checkup.activity_id == activity_id)
        )
        if checkups:
            raise UserError(f"活动“{activity.title}”下有 {checkups} 条体检记录，不能删除")
        session.delete(activity)
        audit.record(session, "delete", "activity", activity_id, {"title": activity.title}, None)


def next_month_same_day(moment: datetime) -> datetime:
    """The same day and time next month, or the month's last day when it has no such day."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1  # 31 → 30 → 29 → 28; day 28 exists in every month


def copy_to_next_month(db: Database, activity_id: int) -> int:
    """A planned copy of an activity one month later (same village, category, place, times)."""
    data = get_activity(db, activity_id)
    start = next_month_same_day(data.start_at)
    copy = dataclasses.replace(
        data,
        start_at=start,
        end_at=start + (data.end_at - data.start_at),
        status=ActivityStatus.PLANNED.value,
        actual_attendance=None,
        summary="",
    )
    return add_activity(db, copy)
