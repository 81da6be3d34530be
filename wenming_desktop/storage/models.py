"""The typed SQLAlchemy models of every entity the program keeps.

Hours are kept as whole minutes (integers) so sums are exact; sensitive values (ID numbers,
phones) are stored in full and masked where they are shown.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every model here maps one Table (SQLAlchemy types it as any FromClause); the bulk writers
    # pass it to Core insert()/update().
    __table__: ClassVar[Table]


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Village(Base):
    """A paired village and its New-Era Civilization Practice station (结对村/实践站)."""

    __tablename__ = "village"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Bumped by every ORM update; an edit saved over a newer one is refused (storage/versioning).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    name: Mapped[str] = mapped_column(String(100), unique=True)
    station_name: Mapped[str] = mapped_column(String(100), default="")
    contact_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    pairing_start: Mapped[date | None] = mapped_column(Date)
    pairing_end: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Department(Base):
    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class PartyBranch(Base):
    __tablename__ = "party_branch"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Team(Base):
    """A volunteer service team (志愿服务队)."""

    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


volunteer_team = Table(
    "volunteer_team",
    Base.metadata,
    Column("volunteer_id", ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", ForeignKey("team.id", ondelete="CASCADE"), primary_key=True),
)


class Volunteer(Base):
    """A staff member on the volunteer roster (志愿者)."""

    __tablename__ = "volunteer"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Bumped by every ORM update; an edit saved over a newer one is refused (storage/versioning).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    staff_no: Mapped[str | None] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    pinyin_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    gender: Mapped[str] = mapped_column(String(2), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    title: Mapped[str] = mapped_column(String(50), default="")  # 职称
    position: Mapped[str] = mapped_column(String(50), default="")  # 职务
    political_status: Mapped[str] = mapped_column(String(20), default="")
    party_branch_id: Mapped[int | None] = mapped_column(ForeignKey("party_branch.id"))
    registered: Mapped[bool] = mapped_column(Boolean, default=False)
    registry_no: Mapped[str] = mapped_column(String(50), default="")
    registered_on: Mapped[date | None] = mapped_column(Date)
    registry_minutes: Mapped[int | None] = mapped_column(Integer)  # hours in the national system
    specialty: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    department: Mapped[Department | None] = relationship()
    party_branch: Mapped[PartyBranch | None] = relationship()
    teams: Mapped[list[Team]] = relationship(secondary=volunteer_team)


class Category(Base):
    """An activity category; the editable list seeded with the pairing plan's content areas."""

    __tablename__ = "category"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    is_health: Mapped[bool] = mapped_column(Boolean, default=False)


class ServiceRequest(Base):
    """A village's request for a service (点单), dispatched as an activity (派单/接单)."""

    __tablename__ = "service_request"
    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), index=True)
    requested_by: Mapped[str] = mapped_column(String(50), default="")
    content: Mapped[str] = mapped_column(Text)
    wanted_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")


class Activity(Base):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Bumped by every ORM update; an edit saved over a newer one is refused (storage/versioning).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    title: Mapped[str] = mapped_column(String(200))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    place_is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    start_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    end_at: Mapped[datetime] = mapped_column(DateTime)
    organizer: Mapped[str] = mapped_column(String(100), default="")
    person_in_charge: Mapped[str] = mapped_column(String(50), default="")
    expected_attendance: Mapped[int | None] = mapped_column(Integer)
    actual_attendance: Mapped[int | None] = mapped_column(Integer)  # 受益群众人次
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    police_approval_ref: Mapped[str] = mapped_column(String(100), default="")
    city_approval_ref: Mapped[str] = mapped_column(String(100), default="")
    has_backdrop: Mapped[bool] = mapped_column(Boolean, default=False)
    medicine_kit_holder: Mapped[str] = mapped_column(String(50), default="")
    request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"))
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 评单 1–5
    evaluation_comment: Mapped[str] = mapped_column(Text, default="")

    category: Mapped[Category] = relationship()
    village: Mapped[Village] = relationship()


activity_department = Table(
    "activity_department",
    Base.metadata,
    Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
    Column("department_id", ForeignKey("department.id"), primary_key=True),
)


class Participation(Base):
    """A volunteer's service on an activity (志愿服务记录)."""

    __tablename__ = "participation"
    __table_args__ = (UniqueConstraint("activity_id", "volunteer_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    seq: Mapped[int] = mapped_column(default=0)  # order on the sign-in sheet
    sign_in: Mapped[datetime | None] = mapped_column(DateTime)
    sign_out: Mapped[datetime | None] = mapped_column(DateTime)
    recorded_minutes: Mapped[int | None] = mapped_column(Integer)
    corrected_minutes: Mapped[int | None] = mapped_column(Integer)
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    corrected_by: Mapped[str] = mapped_column(String(50), default="")
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime)


class ServiceKind(Base):
    """A free-clinic service (体格检查, 血压测量 …); the editable list."""

    __tablename__ = "service_kind"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class ClinicService(Base):
    """People served per service at a free clinic (义诊服务项目)."""

    __tablename__ = "clinic_service"
    __table_args__ = (UniqueConstraint("activity_id", "service_kind_id", "department_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    service_kind_id: Mapped[int] = mapped_column(ForeignKey("service_kind.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    people_served: Mapped[int] = mapped_column(default=0)
    materials_given: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class Resident(Base):
    """A villager served (服务对象/村民); focus-group flags (docs/rules.md, "Focus groups")."""

    __tablename__ = "resident"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Bumped by every ORM update; an edit saved over a newer one is refused (storage/versioning).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    village_id: Mapped[int] = mapped_column(ForeignKey("village.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    pinyin_initials: Mapped[str] = mapped_column(String(50), default="", index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(2), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    group_name: Mapped[str] = mapped_column(String(50), default="")  # 村民小组
    address: Mapped[str] = mapped_column(String(200), default="")
    left_behind_elderly: Mapped[bool] = mapped_column(Boolean, default=False)
    living_alone: Mapped[bool] = mapped_column(Boolean, default=False)
    left_behind_child: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    needy: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    village: Mapped[Village] = relationship()


class Checkup(Base):
    """One health checkup of a resident (健康体检记录); at most one per resident and day."""

    __tablename__ = "checkup"
    __table_args__ = (UniqueConstraint("resident_id", "checkup_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # Bumped by every ORM update; an edit saved over a newer one is refused (storage/versioning).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"), index=True)
    checkup_date: Mapped[date] = mapped_column(Date, index=True)
    height_cm: Mapped[float | None] = mapped_column(Float)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    waist_cm: Mapped[float | None] = mapped_column(Float)
    systolic: Mapped[int | None] = mapped_column(Integer)
    diastolic: Mapped[int | None] = mapped_column(Integer)
    heart_rate: Mapped[int | None] = mapped_column(Integer)
    fasting_glucose: Mapped[float | None] = mapped_column(Float)
    chronic_conditions: Mapped[str] = mapped_column(String(200), default="")  # "、"-joined
    constitution: Mapped[str] = mapped_column(String(20), default="")
    self_care_eating: Mapped[int | None] = mapped_column(Integer)
    self_care_grooming: Mapped[int | None] = mapped_column(Integer)
    self_care_dressing: Mapped[int | None] = mapped_column(Integer)
    self_care_toilet: Mapped[int | None] = mapped_column(Integer)
    self_care_moving: Mapped[int | None] = mapped_column(Integer)
    conclusion: Mapped[str] = mapped_column(Text, default="")
    advice: Mapped[str] = mapped_column(Text, default="")
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    followed_up_on: Mapped[date | None] = mapped_column(Date)
    followed_up_by: Mapped[str] = mapped_column(String(50), default="")
    follow_up_note: Mapped[str] = mapped_column(Text, default="")

    resident: Mapped[Resident] = relationship()


class Attachment(Base):
    """A file kept in the program's own store under the data folder, named by its SHA-256."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="photo")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    suffix: Mapped[str] = mapped_column(String(16), default="")
    size: Mapped[int] = mapped_column(default=0)
    caption: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class AttachmentContent(Base):
    """An attachment's bytes, by content hash, for PCs sharing a server database.

    Written only when the database is on a server (docs/postgres.md: every PC's packets then
    hold every photo); with the local SQLite file the bytes stay in the data folder's store.
    """

    __tablename__ = "attachment_content"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, info={"label": "内容摘要"})
    data: Mapped[bytes] = mapped_column(LargeBinary, info={"label": "内容"})


class Deadline(Base):
    """A recurring report deadline (工作小结 10-20, 全年工作总结 02-20); editable in 设置."""

    __tablename__ = "deadline"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    month_day: Mapped[str] = mapped_column(String(5))  # "MM-DD"
    notes: Mapped[str] = mapped_column(Text, default="")


class PeriodText(Base):
    """The clerk's own summary sections (成效, 存在问题, 下一步打算) per period and village."""

    __tablename__ = "period_text"
    __table_args__ = (UniqueConstraint("period", "village_id", "section"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(10))
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id"))
    section: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")


class Certificate(Base):
    """An issued volunteer service certificate, so a copy shown later can be checked."""

    __tablename__ = "certificate"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    total_minutes: Mapped[int] = mapped_column(Integer)
    activity_count: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)


class AuditEntry(Base):
    """Append-only log of changes, ordered by its sequence number, not by the clock."""

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(50), default="")
    # The PC that made the change (socket.gethostname()), told apart when sign-in is off.
    host: Mapped[str] = mapped_column(
        String(100), default="", server_default="", info={"label": "电脑"}
    )
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / unmask …
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    old_values: Mapped[str] = mapped_column(Text, default="")  # JSON
    new_values: Mapped[str] = mapped_column(Text, default="")  # JSON


class AppUser(Base):
    """A person who may sign in (when sign-in is on): role admin / clerk / viewer.

    The password is kept only as a salted scrypt hash (domain.passwords); repeated failures lock
    the account until `locked_until`.
    """

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50), default="")
    role: Mapped[str] = mapped_column(String(10), default="viewer")
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
