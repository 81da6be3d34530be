"""Everything about one activity, as plain rows: for its record sheet and the filing packet."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.domain.activity_record import (
    ActivityDetail,
    AttachmentRow,
    ParticipantRow,
    ServiceRow,
)
from wenming_desktop.storage.models import (
    Activity,
    Attachment,
    Category,
    ClinicService,
    Department,
    Participation,
    ServiceKind,
    Village,
    Volunteer,
    activity_department,
)
from wenming_desktop.storage.queries.rows import rows_as


def activity_detail(session: Session, activity_id: int) -> ActivityDetail | None:
    row = session.execute(
        select(Activity, Category.name, Category.is_health, Village.name)
        .join(Category, Category.id == Activity.category_id)
        .join(Village, Village.id == Activity.village_id)
        .where(Activity.id == activity_id)
    ).first()
    if row is None:
        return None
    act, category, is_health, village = row
    detail = ActivityDetail(
        id=act.id,
        title=act.title,
        category=category,
        is_health=is_health,
        village=village,
        place=act.place,
        place_is_public=act.place_is_public,
        start_at=act.start_at,
        end_at=act.end_at,
        organizer=act.organizer,
        person_in_charge=act.person_in_charge,
        expected_attendance=act.expected_attendance,
        actual_attendance=act.actual_attendance,
        status=act.status,
        summary=act.summary,
        police_approval_ref=act.police_approval_ref,
        city_approval_ref=act.city_approval_ref,
        has_backdrop=act.has_backdrop,
        medicine_kit_holder=act.medicine_kit_holder,
        satisfaction=act.satisfaction,
        evaluation_comment=act.evaluation_comment,
    )
    detail.departments = list(
        session.scalars(
            select(Department.name)
            .join(activity_department, activity_department.c.department_id == Department.id)
            .where(activity_department.c.activity_id == activity_id)
            .order_by(Department.sort_order, Department.id)
        )
    )
    detail.participants = rows_as(
        ParticipantRow,
        session.execute(
            select(
                Participation.seq,
                Volunteer.name,
                Department.name.label("department"),
                Volunteer.phone,
                Volunteer.registered,
                Participation.sign_in,
                Participation.sign_out,
                Participation.recorded_minutes,
                Participation.corrected_minutes,
                Participation.correction_reason,
            )
            .join(Volunteer, Volunteer.id == Participation.volunteer_id)
            .outerjoin(Department, Department.id == Volunteer.department_id)
            .where(Participation.activity_id == activity_id)
            .order_by(Participation.seq, Participation.id)
        ),
    )
    detail.services = rows_as(
        ServiceRow,
        session.execute(
            select(
                ServiceKind.name.label("service"),
                Department.name.label("department"),
                ClinicService.people_served,
                ClinicService.materials_given,
            )
            .join(ServiceKind, ServiceKind.id == ClinicService.service_kind_id)
            .outerjoin(Department, Department.id == ClinicService.department_id)
            .where(ClinicService.activity_id == activity_id)
            .order_by(ServiceKind.sort_order, ClinicService.id)
        ),
    )
    detail.attachments = rows_as(
        AttachmentRow,
        session.execute(
            select(
                Attachment.id,
                Attachment.kind,
                Attachment.sha256,
                Attachment.suffix,
                Attachment.original_name,
                Attachment.caption,
            )
            .where(Attachment.activity_id == activity_id)
            .order_by(Attachment.id)
        ),
    )
    return detail
