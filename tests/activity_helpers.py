"""Small builders shared by the activity tests: a village, volunteers and an activity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from wenming_desktop.domain.pinyin import initials
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.activities.activities import ActivityData, add_activity
from wenming_desktop.services.villages.villages import add_village
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Category, Department, Volunteer
from wenming_desktop.storage.queries.activity_volunteers import OpenSignIn, open_sign_ins


def category_id(db: Database, name: str = "教育培训") -> int:
    with db.read() as session:
        return session.scalar(select(Category.id).where(Category.name == name))


def make_volunteers(db: Database, people: list[tuple[str, str, bool]]) -> list[int]:
    """(staff no, name, registered) → volunteer ids, in one department 内科."""
    with db.write() as session:
        dept = Department(name="内科")
        session.add(dept)
        session.flush()
        ids = []
        for staff_no, name, registered in people:
            v = Volunteer(
                staff_no=staff_no,
                name=name,
                pinyin_initials=initials(name),
                department_id=dept.id,
                registered=registered,
                phone=f"1391234{staff_no[-4:]}",
            )
            session.add(v)
            session.flush()
            ids.append(v.id)
        return ids


def make_activity(
    db: Database,
    village_name: str = "东兴村",
    start: datetime = datetime(2026, 3, 17, 8, 30),
    hours: int = 3,
    category: str = "教育培训",
    **fields: object,
) -> int:
    from wenming_desktop.domain.errors import UserError
    from wenming_desktop.services.villages.villages import find_village

    try:
        village_id, _ = find_village(db, village_name)
    except UserError:
        village_id = add_village(db, VillageData(name=village_name))
    from datetime import timedelta

    data = ActivityData(
        title=str(fields.pop("title", "健康讲座")),
        category_id=category_id(db, category),
        village_id=village_id,
        start_at=start,
        end_at=start + timedelta(hours=hours),
        **fields,  # type: ignore[arg-type]  # the test passes ActivityData fields
    )
    return add_activity(db, data)


def open_sign_ins_of(db: Database) -> list[OpenSignIn]:
    """Volunteers signed in but not out, as the home page lists them."""
    with db.read() as session:
        return open_sign_ins(session)
