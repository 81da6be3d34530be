"""Helpers for the checkup tests: a village, a checkup day, a doctor, valid ID numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from wenming_desktop.domain.identity import id_check_char
from wenming_desktop.domain.pinyin import initials
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Activity, Category, Village, Volunteer


def id_number(birth: date, order: int = 1, region: str = "230421") -> str:
    first17 = f"{region}{birth:%Y%m%d}{order:03d}"
    return first17 + id_check_char(first17)


@dataclass
class World:
    village_id: int
    day_id: int
    day: date
    doctor_id: int


def make_world(db: Database, day: date | None = None, village: str = "东兴村") -> World:
    """One village, one health-category activity (the checkup day), one doctor."""
    day = day or date.today() - timedelta(days=3)
    with db.write() as session:
        v = Village(name=village, station_name=f"{village}新时代文明实践站")
        session.add(v)
        category = session.scalar(select(Category).where(Category.is_health.is_(True)))
        assert category is not None
        start = datetime(day.year, day.month, day.day, 8, 30)
        act = Activity(
            title=f"{village}老年人健康体检",
            category_id=category.id,
            village=v,
            place=f"{village}村委会",
            start_at=start,
            end_at=start + timedelta(hours=4),
            organizer="县中医院",
            status="done",
        )
        staff_no = "D001" if village == "东兴村" else f"D-{village}"
        doctor = Volunteer(name="李医生", pinyin_initials=initials("李医生"), staff_no=staff_no)
        session.add_all([act, doctor])
        session.flush()
        return World(v.id, act.id, day, doctor.id)
