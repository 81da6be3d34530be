"""Use cases of health checkups: entry (one per resident and day), history, follow-up."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import (
    CONDITION_SEPARATOR,
    NUMERIC_FIELDS,
    SELF_CARE_KEYS,
    CheckupData,
    validate_checkup,
)
from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_text
from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.plausible_dates import check_checkup_date
from wenming_desktop.domain.search import PeopleIndex, normalize_query
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import apply_values
from wenming_desktop.storage.models import Activity, Checkup, Resident, Volunteer
from wenming_desktop.storage.queries.checkups import (
    CheckupDayRow,
    DoctorRow,
    activity_day,
    checkup_day_rows,
    checkup_id_on,
    checkup_rows,
    doctor_rows,
)


class DuplicateCheckup(UserError):
    """The resident already has a checkup that day; `existing_id` is the one to open."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


def list_checkups(
    db: Database,
    village_id: int | None = None,
    year: int | None = None,
    resident_id: int | None = None,
    activity_id: int | None = None,
    open_follow_ups: bool = False,
) -> list[CheckupRow]:
    with db.read() as session:
        return checkup_rows(session, village_id, year, resident_id, activity_id, open_follow_ups)


@dataclass(frozen=True)
class SearchableCheckups:
    """Checkups with a search index over their residents (built off the GUI thread)."""

    rows: list[CheckupRow]
    people: PeopleIndex  # keys: resident ids

    def search(self, text: str) -> tuple[list[int] | None, int]:
        """Positions in `rows` of the checkups whose resident the search box finds (None: all),
        and how many residents that is."""
        found = self.people.find(normalize_query(text))
        if found is None:
            return None, len(self.people)
        return [i for i, r in enumerate(self.rows) if r.resident_id in found], len(found)


def searchable_checkups(
    db: Database, village_id: int | None = None, year: int | None = None
) -> SearchableCheckups:
    """The checkups of the records list, ready for per-keystroke search in memory."""
    with db.read() as session:
        rows = checkup_rows(session, village_id, year)
    residents = {r.resident_id: r for r in rows}
    people = PeopleIndex(
        (rid, r.name, name_initials(r.name), r.id_number, r.phone) for rid, r in residents.items()
    )
    return SearchableCheckups(rows, people)


def resident_history(db: Database, resident_id: int) -> list[CheckupRow]:
    """All checkups of one resident, oldest first (for the side-by-side history and chart)."""
    with db.read() as session:
        rows = checkup_rows(session, resident_id=resident_id)
    return list(reversed(rows))


def checkup_days(db: Database, village_id: int | None = None) -> list[CheckupDayRow]:
    """Health-category activities up to today (a checkup cannot be typed in beforehand)."""
    tomorrow = datetime.combine(date.today() + timedelta(days=1), time())
    with db.read() as session:
        return checkup_day_rows(session, village_id, before=tomorrow)


def get_day(db: Database, activity_id: int) -> CheckupDayRow:
    with db.read() as session:
        row = activity_day(session, activity_id)
    if row is None:
        raise UserError(f"活动（编号 {activity_id}）不存在，可能已被删除")
    return row


def doctors(db: Database) -> list[DoctorRow]:
    with db.read() as session:
        return doctor_rows(session)


def find_checkup(db: Database, resident_id: int, day: date) -> int | None:
    with db.read() as session:
        return checkup_id_on(session, resident_id, day)


def get_checkup(db: Database, checkup_id: int) -> CheckupData:
    return open_checkup(db, checkup_id).data


def open_checkup(db: Database, checkup_id: int) -> Seen[CheckupData]:
    """What the entry form shows, with the version to save against (`save_checkup`)."""
    with db.read() as session:
        checkup = _load(session, checkup_id)
        return Seen(_data_of(checkup), checkup.version)


def _load(session: Session, checkup_id: int) -> Checkup:
    checkup = session.get(Checkup, checkup_id)
    if checkup is None:
        raise UserError(f"体检记录（编号 {checkup_id}）不存在，可能已被删除")
    return checkup


def _data_of(checkup: Checkup) -> CheckupData:
    scores = {k: getattr(checkup, f"self_care_{k}") for k in SELF_CARE_KEYS}
    return CheckupData(
        resident_id=checkup.resident_id,
        checkup_date=checkup.checkup_date,
        activity_id=checkup.activity_id,
        **{name: getattr(checkup, name) for name in NUMERIC_FIELDS},
        chronic_conditions=tuple(
            c for c in checkup.chronic_conditions.split(CONDITION_SEPARATOR) if c
        ),
        constitution=checkup.constitution,
        tcm_answers=checkup.tcm_answers,
        constitution_override_reason=checkup.constitution_override_reason,
        self_care={k: v for k, v in scores.items() if v is not None},
        conclusion=checkup.conclusion,
        advice=checkup.advice,
        doctor_id=checkup.doctor_id,
    )


def checkup_columns(clean: CheckupData) -> dict[str, object]:
    """The checkup table's columns of a validated CheckupData (for a save or an import)."""
    values: dict[str, object] = {
        "resident_id": clean.resident_id,
        "checkup_date": clean.checkup_date,
        "activity_id": clean.activity_id,
        **{name: getattr(clean, name) for name in NUMERIC_FIELDS},
        "chronic_conditions": CONDITION_SEPARATOR.join(clean.chronic_conditions),
        "constitution": clean.constitution,
        "tcm_answers": clean.tcm_answers,
        "constitution_override_reason": clean.constitution_override_reason,
        "conclusion": clean.conclusion,
        "advice": clean.advice,
        "doctor_id": clean.doctor_id,
    }
    for key in SELF_CARE_KEYS:
        values[f"self_care_{key}"] = clean.self_care.get(key)
    return values


def _check_references(session: Session, clean: CheckupData) -> None:
    if session.get(Resident, clean.resident_id) is None:
        raise UserError("所选村民不存在，可能已被删除")
    if clean.activity_id is not None and session.get(Activity, clean.activity_id) is None:
        raise UserError("所选体检活动不存在，可能已被删除")
    if clean.doctor_id is not None and session.get(Volunteer, clean.doctor_id) is None:
        raise UserError("所选体检医生不在志愿者名册中")


def save_checkup(
    db: Database,
    data: CheckupData,
    checkup_id: int | None = None,
    seen: Seen[CheckupData] | None = None,
) -> int:
    """Add a checkup (checkup_id None) or change one; a second one per resident and day is
    refused with DuplicateCheckup naming the first. Changing one with `seen` (from
    `open_checkup`) writes only the changed fields; a clash with a newer change raises
    StaleRecord. Without `seen` every field is written."""
    clean = validate_checkup(data)
    with db.write() as session:
        checkup = None if checkup_id is None else _load(session, checkup_id)
        if checkup is not None:
            current = _data_of(checkup)
            what = f"{checkup.resident.name} {checkup.checkup_date:%Y-%m-%d} 的体检记录"
            changes = values_to_save(current, checkup.version, seen, clean, what)
            clean = validate_checkup(dataclasses.replace(current, **changes))
        _check_references(session, clean)
        resident = session.get(Resident, clean.resident_id)
        check_checkup_date(clean.checkup_date, resident.birth_date if resident else None)
        existing = checkup_id_on(session, clean.resident_id, clean.checkup_date)
        if existing is not None and existing != checkup_id:
            name = session.get(Resident, clean.resident_id).name  # type: ignore[union-attr]  # checked above
            raise DuplicateCheckup(
                f"“{name}”在 {clean.checkup_date:%Y-%m-%d} 已有体检记录，已为您打开该记录",
                existing,
            )
        values = checkup_columns(clean)
        if checkup is None:
            checkup = Checkup(**values)
            session.add(checkup)
            session.flush()
            audit.record(session, "create", "checkup", checkup.id, None, values)
            return checkup.id
        old, new = apply_values(checkup, values)
        if new:
            audit.record(session, "update", "checkup", checkup.id, old, new)
        return checkup.id


def delete_checkup(db: Database, checkup_id: int) -> None:
    with db.write() as session:
        checkup = _load(session, checkup_id)
        old = {"resident_id": checkup.resident_id, "checkup_date": checkup.checkup_date}
        session.delete(checkup)
        audit.record(session, "delete", "checkup", checkup_id, old, None)


@dataclass(frozen=True)
class FollowUp:
    """A checkup's follow-up as stored: the day (None: not followed up yet), who, the note."""

    on: date | None = None
    by: str = ""
    note: str = ""


def open_follow_up(db: Database, checkup_id: int) -> Seen[FollowUp]:
    """The follow-up as stored when the dialog opens, to save against (`mark_followed_up`)."""
    with db.read() as session:
        checkup = _load(session, checkup_id)
        return Seen(_follow_up_of(checkup), checkup.version)


def _follow_up_of(checkup: Checkup) -> FollowUp:
    return FollowUp(checkup.followed_up_on, checkup.followed_up_by, checkup.follow_up_note)


def mark_followed_up(
    db: Database,
    checkup_id: int,
    on: date,
    by: str,
    note: str,
    seen: Seen[FollowUp] | None = None,
) -> None:
    """Record that an abnormal result was followed up: when, by whom, and what came of it.

    With `seen` (from `open_follow_up`) a follow-up recorded by someone else meanwhile is not
    overwritten: StaleRecord (Chinese) instead."""
    who = normalize_text(by)
    if not who:
        raise UserError("请填写随访人")
    if on > date.today():
        raise UserError("随访日期不能晚于今天")
    with db.write() as session:
        checkup = _load(session, checkup_id)
        if on < checkup.checkup_date:
            raise UserError("随访日期不能早于体检日期")
        current = _follow_up_of(checkup)
        what = f"{checkup.resident.name} {checkup.checkup_date:%Y-%m-%d} 的随访"
        edited = FollowUp(on, who, note.strip())
        values_to_save(current, checkup.version, seen, edited, what)
        old = {
            "followed_up_on": current.on,
            "followed_up_by": current.by,
            "follow_up_note": current.note,
        }
        checkup.followed_up_on = on
        checkup.followed_up_by = who
        checkup.follow_up_note = note.strip()
        new = {"followed_up_on": on, "followed_up_by": who, "follow_up_note": note.strip()}
        audit.record(session, "follow_up", "checkup", checkup_id, old, new)
