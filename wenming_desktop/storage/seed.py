"""The editable lists' first contents, written once into a new database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.domain.vocabulary import (
    CLINIC_SERVICES,
    DEFAULT_DEADLINES,
    HEALTH_CATEGORIES,
    OTHER_CATEGORIES,
    PAIRING_CATEGORIES,
)
from wenming_desktop.storage.models import Category, Deadline, ServiceKind, Setting

DEFAULT_SETTINGS: dict[str, str] = {
    "hospital_name": "",
    "office_name": "文明办",
    "pdf_font_file": "",
}


def seed_defaults(session: Session) -> None:
    """Fill the editable lists and settings if they are empty; never overwrite the clerk's."""
    if session.scalar(select(Category.id).limit(1)) is None:
        for order, name in enumerate(PAIRING_CATEGORIES + OTHER_CATEGORIES):
            session.add(Category(name=name, sort_order=order, is_health=name in HEALTH_CATEGORIES))
    if session.scalar(select(ServiceKind.id).limit(1)) is None:
        for order, name in enumerate(CLINIC_SERVICES):
            session.add(ServiceKind(name=name, sort_order=order))
    if session.scalar(select(Deadline.id).limit(1)) is None:
        for name, month_day in DEFAULT_DEADLINES:
            session.add(Deadline(name=name, month_day=month_day))
    existing = set(session.scalars(select(Setting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in existing:
            session.add(Setting(key=key, value=value))
