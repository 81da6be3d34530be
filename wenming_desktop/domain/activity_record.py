"""One activity with its volunteers, services and attachments, as plain data for record sheets.

Built by storage/queries/activity_detail.py; read by exports and by the guideline checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from wenming_desktop.domain.counting import activity_counts
from wenming_desktop.domain.guidelines import ActivityFacts


class ParticipantRow(NamedTuple):
    seq: int
    name: str
    department: str | None
    phone: str
    registered: bool
    sign_in: datetime | None
    sign_out: datetime | None
    recorded_minutes: int | None
    corrected_minutes: int | None
    correction_reason: str


class ServiceRow(NamedTuple):
    service: str
    department: str | None
    people_served: int
    materials_given: int


class AttachmentRow(NamedTuple):
    id: int
    kind: str
    sha256: str
    suffix: str
    original_name: str
    caption: str


@dataclass
class ActivityDetail:
    id: int
    title: str
    category: str
    is_health: bool
    village: str
    place: str
    place_is_public: bool
    start_at: datetime
    end_at: datetime
    organizer: str
    person_in_charge: str
    expected_attendance: int | None
    actual_attendance: int | None
    status: str
    summary: str
    police_approval_ref: str
    city_approval_ref: str
    has_backdrop: bool
    medicine_kit_holder: str
    satisfaction: int | None
    evaluation_comment: str
    departments: list[str] = field(default_factory=list)
    participants: list[ParticipantRow] = field(default_factory=list)
    services: list[ServiceRow] = field(default_factory=list)
    attachments: list[AttachmentRow] = field(default_factory=list)

    @property
    def day(self) -> date:
        return self.start_at.date()


def guideline_facts(detail: ActivityDetail) -> ActivityFacts:
    """What the guideline checks need, from the activity's own record."""
    return ActivityFacts(
        expected_attendance=detail.expected_attendance,
        place_is_public=detail.place_is_public,
        police_approval_ref=detail.police_approval_ref,
        city_approval_ref=detail.city_approval_ref,
        has_backdrop=detail.has_backdrop,
        medicine_kit_holder=detail.medicine_kit_holder,
        volunteer_count=len(detail.participants),
        unregistered_volunteers=tuple(p.name for p in detail.participants if not p.registered),
        volunteers_without_time=tuple(
            p.name
            for p in detail.participants
            if p.recorded_minutes is None and p.corrected_minutes is None
        ),
        free_clinic_held=detail.is_health and activity_counts(detail.status),
        people_served=detail.actual_attendance,
    )
