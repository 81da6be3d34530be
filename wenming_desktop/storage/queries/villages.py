"""Village rows for the list, with how many activities and residents refer to each."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.villages import VillageRow
from wenming_desktop.storage.models import Activity, Resident, Village
from wenming_desktop.storage.queries.rows import rows_as


def village_rows(session: Session) -> list[VillageRow]:
    activities = (
        select(Activity.village_id, func.count().label("n"))
        .group_by(Activity.village_id)
        .subquery()
    )
    residents = (
        select(Resident.village_id, func.count().label("n"))
        .group_by(Resident.village_id)
        .subquery()
    )
    stmt = (
        select(
            Village.id,
            Village.name,
            Village.station_name,
            Village.contact_person,
            Village.contact_phone,
            Village.pairing_start,
            Village.pairing_end,
            func.coalesce(activities.c.n, 0).label("activity_count"),
            func.coalesce(residents.c.n, 0).label("resident_count"),
            Village.notes,
        )
        .outerjoin(activities, activities.c.village_id == Village.id)
        .outerjoin(residents, residents.c.village_id == Village.id)
        .order_by(Village.id)
    )
    return rows_as(VillageRow, session.execute(stmt))
