"""The typed SQLAlchemy models of every entity the program keeps.

Every column carries its Chinese name next to its definition (info={"label": …}): the audit log
shows changes by these names, and a test fails when a column has none.

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
    key: Mapped[str] = mapped_column(String(64), primary_key=True, info={"label": "设置项"})
    value: Mapped[str] = mapped_column(Text, default="", info={"label": "设置值"})


class Village(Base):
    """A paired village and its New-Era Civilization Practice station (结对村/实践站)."""

    __tablename__ = "village"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    name: Mapped[str] = mapped_column(String(100), unique=True, info={"label": "名称"})
    station_name: Mapped[str] = mapped_column(String(100), default="", info={"label": "实践站"})
    contact_person: Mapped[str] = mapped_column(String(50), default="", info={"label": "联系人"})
    contact_phone: Mapped[str] = mapped_column(String(20), default="", info={"label": "联系电话"})
    pairing_start: Mapped[date | None] = mapped_column(Date, info={"label": "结对开始"})
    pairing_end: Mapped[date | None] = mapped_column(Date, info={"label": "结对结束"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "备注"})


class Department(Base):
    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    name: Mapped[str] = mapped_column(String(50), unique=True, info={"label": "名称"})
    sort_order: Mapped[int] = mapped_column(default=0, info={"label": "排序"})


class PartyBranch(Base):
    __tablename__ = "party_branch"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    name: Mapped[str] = mapped_column(String(100), unique=True, info={"label": "名称"})


class Team(Base):
    """A volunteer service team (志愿服务队)."""

    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    name: Mapped[str] = mapped_column(String(100), unique=True, info={"label": "名称"})
    description: Mapped[str] = mapped_column(Text, default="", info={"label": "简介"})


volunteer_team = Table(
    "volunteer_team",
    Base.metadata,
    Column(
        "volunteer_id",
        ForeignKey("volunteer.id", ondelete="CASCADE"),
        primary_key=True,
        info={"label": "志愿者"},
    ),
    Column(
        "team_id",
        ForeignKey("team.id", ondelete="CASCADE"),
        primary_key=True,
        info={"label": "志愿服务队"},
    ),
)


class Volunteer(Base):
    """A staff member on the volunteer roster (志愿者)."""

    __tablename__ = "volunteer"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    staff_no: Mapped[str | None] = mapped_column(String(30), unique=True, info={"label": "工号"})
    name: Mapped[str] = mapped_column(String(50), index=True, info={"label": "姓名"})
    pinyin_initials: Mapped[str] = mapped_column(
        String(50), default="", index=True, info={"label": "拼音首字母"}
    )
    gender: Mapped[str] = mapped_column(String(2), default="", info={"label": "性别"})
    birth_date: Mapped[date | None] = mapped_column(Date, info={"label": "出生日期"})
    # `month` when only the year and month are known (stored as the 1st; domain/birth.py).
    birth_precision: Mapped[str] = mapped_column(
        String(5), default="day", server_default="day", info={"label": "出生日期精度"}
    )
    id_number: Mapped[str | None] = mapped_column(
        String(18), unique=True, info={"label": "身份证号"}
    )
    phone: Mapped[str] = mapped_column(String(20), default="", info={"label": "电话"})
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id"), index=True, info={"label": "科室"}
    )
    title: Mapped[str] = mapped_column(String(50), default="", info={"label": "职称"})
    position: Mapped[str] = mapped_column(String(50), default="", info={"label": "职务"})
    political_status: Mapped[str] = mapped_column(
        String(20), default="", info={"label": "政治面貌"}
    )
    party_branch_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_branch.id"), info={"label": "党支部"}
    )
    registered: Mapped[bool] = mapped_column(Boolean, default=False, info={"label": "已注册"})
    registry_no: Mapped[str] = mapped_column(String(50), default="", info={"label": "志愿者编号"})
    registered_on: Mapped[date | None] = mapped_column(Date, info={"label": "注册日期"})
    registry_minutes: Mapped[int | None] = mapped_column(
        Integer, info={"label": "系统登记时长"}
    )  # hours in the national system
    specialty: Mapped[str] = mapped_column(String(100), default="", info={"label": "专长"})
    active: Mapped[bool] = mapped_column(Boolean, default=True, info={"label": "在册"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "备注"})

    department: Mapped[Department | None] = relationship()
    party_branch: Mapped[PartyBranch | None] = relationship()
    teams: Mapped[list[Team]] = relationship(secondary=volunteer_team)


class Category(Base):
    """An activity category; the editable list seeded with the pairing plan's content areas."""

    __tablename__ = "category"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    name: Mapped[str] = mapped_column(String(50), unique=True, info={"label": "名称"})
    sort_order: Mapped[int] = mapped_column(default=0, info={"label": "排序"})
    is_health: Mapped[bool] = mapped_column(Boolean, default=False, info={"label": "健康类"})


class ServiceRequest(Base):
    """A village's request for a service (点单), dispatched as an activity (派单/接单)."""

    __tablename__ = "service_request"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    village_id: Mapped[int] = mapped_column(
        ForeignKey("village.id"), index=True, info={"label": "结对村"}
    )
    requested_by: Mapped[str] = mapped_column(String(50), default="", info={"label": "点单人"})
    content: Mapped[str] = mapped_column(Text, info={"label": "需求内容"})
    wanted_on: Mapped[date | None] = mapped_column(Date, info={"label": "希望日期"})
    received_on: Mapped[date] = mapped_column(Date, info={"label": "受理日期"})
    status: Mapped[str] = mapped_column(String(20), default="open", info={"label": "状态"})


class Activity(Base):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    title: Mapped[str] = mapped_column(String(200), info={"label": "活动名称"})
    category_id: Mapped[int] = mapped_column(
        ForeignKey("category.id"), index=True, info={"label": "类别"}
    )
    village_id: Mapped[int] = mapped_column(
        ForeignKey("village.id"), index=True, info={"label": "结对村"}
    )
    place: Mapped[str] = mapped_column(String(200), default="", info={"label": "地点"})
    place_is_public: Mapped[bool] = mapped_column(
        Boolean, default=False, info={"label": "公共场所"}
    )
    start_at: Mapped[datetime] = mapped_column(DateTime, index=True, info={"label": "开始时间"})
    end_at: Mapped[datetime] = mapped_column(DateTime, info={"label": "结束时间"})
    organizer: Mapped[str] = mapped_column(String(100), default="", info={"label": "组织单位"})
    person_in_charge: Mapped[str] = mapped_column(String(50), default="", info={"label": "负责人"})
    expected_attendance: Mapped[int | None] = mapped_column(Integer, info={"label": "预计人数"})
    actual_attendance: Mapped[int | None] = mapped_column(
        Integer, info={"label": "受益群众人次"}
    )  # 受益群众人次
    status: Mapped[str] = mapped_column(
        String(20), default="planned", index=True, info={"label": "状态"}
    )
    summary: Mapped[str] = mapped_column(Text, default="", info={"label": "活动简述"})
    police_approval_ref: Mapped[str] = mapped_column(
        String(100), default="", info={"label": "公安审批文号"}
    )
    city_approval_ref: Mapped[str] = mapped_column(
        String(100), default="", info={"label": "城管审批文号"}
    )
    has_backdrop: Mapped[bool] = mapped_column(Boolean, default=False, info={"label": "有背景板"})
    medicine_kit_holder: Mapped[str] = mapped_column(
        String(50), default="", info={"label": "药箱负责人"}
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_request.id"), info={"label": "服务需求"}
    )
    satisfaction: Mapped[int | None] = mapped_column(Integer, info={"label": "满意度"})  # 评单 1–5
    evaluation_comment: Mapped[str] = mapped_column(Text, default="", info={"label": "评价"})

    category: Mapped[Category] = relationship()
    village: Mapped[Village] = relationship()


activity_department = Table(
    "activity_department",
    Base.metadata,
    Column(
        "activity_id",
        ForeignKey("activity.id", ondelete="CASCADE"),
        primary_key=True,
        info={"label": "活动"},
    ),
    Column("department_id", ForeignKey("department.id"), primary_key=True, info={"label": "科室"}),
)


class Participation(Base):
    """A volunteer's service on an activity (志愿服务记录)."""

    __tablename__ = "participation"
    __table_args__ = (UniqueConstraint("activity_id", "volunteer_id"),)
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True, info={"label": "活动"}
    )
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id"), index=True, info={"label": "志愿者"}
    )
    seq: Mapped[int] = mapped_column(
        default=0, info={"label": "签到序号"}
    )  # order on the sign-in sheet
    sign_in: Mapped[datetime | None] = mapped_column(DateTime, info={"label": "签到时间"})
    sign_out: Mapped[datetime | None] = mapped_column(DateTime, info={"label": "签退时间"})
    recorded_minutes: Mapped[int | None] = mapped_column(Integer, info={"label": "记录时长"})
    corrected_minutes: Mapped[int | None] = mapped_column(Integer, info={"label": "修正时长"})
    correction_reason: Mapped[str] = mapped_column(Text, default="", info={"label": "修正原因"})
    corrected_by: Mapped[str] = mapped_column(String(50), default="", info={"label": "修正人"})
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime, info={"label": "修正时间"})


class ServiceKind(Base):
    """A free-clinic service (体格检查, 血压测量 …); the editable list."""

    __tablename__ = "service_kind"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    name: Mapped[str] = mapped_column(String(50), unique=True, info={"label": "名称"})
    sort_order: Mapped[int] = mapped_column(default=0, info={"label": "排序"})


class ClinicService(Base):
    """People served per service at a free clinic (义诊服务项目)."""

    __tablename__ = "clinic_service"
    __table_args__ = (UniqueConstraint("activity_id", "service_kind_id", "department_id"),)
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True, info={"label": "活动"}
    )
    service_kind_id: Mapped[int] = mapped_column(
        ForeignKey("service_kind.id"), info={"label": "服务项目"}
    )
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id"), info={"label": "科室"}
    )
    people_served: Mapped[int] = mapped_column(default=0, info={"label": "服务人次"})
    materials_given: Mapped[int] = mapped_column(default=0, info={"label": "发放资料/药品"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "备注"})


class Resident(Base):
    """A villager served (服务对象/村民); focus-group flags (docs/rules.md, "Focus groups")."""

    __tablename__ = "resident"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    village_id: Mapped[int] = mapped_column(
        ForeignKey("village.id"), index=True, info={"label": "结对村"}
    )
    name: Mapped[str] = mapped_column(String(50), index=True, info={"label": "姓名"})
    pinyin_initials: Mapped[str] = mapped_column(
        String(50), default="", index=True, info={"label": "拼音首字母"}
    )
    id_number: Mapped[str | None] = mapped_column(
        String(18), unique=True, info={"label": "身份证号"}
    )
    birth_date: Mapped[date | None] = mapped_column(Date, info={"label": "出生日期"})
    # `month` when only the year and month are known (stored as the 1st; domain/birth.py).
    birth_precision: Mapped[str] = mapped_column(
        String(5), default="day", server_default="day", info={"label": "出生日期精度"}
    )
    gender: Mapped[str] = mapped_column(String(2), default="", info={"label": "性别"})
    phone: Mapped[str] = mapped_column(String(20), default="", info={"label": "电话"})
    group_name: Mapped[str] = mapped_column(
        String(50), default="", info={"label": "村民小组"}
    )  # 村民小组
    address: Mapped[str] = mapped_column(String(200), default="", info={"label": "住址"})
    left_behind_elderly: Mapped[bool] = mapped_column(
        Boolean, default=False, info={"label": "留守老人"}
    )
    living_alone: Mapped[bool] = mapped_column(
        Boolean, default=False, info={"label": "孤寡/独居老人"}
    )
    left_behind_child: Mapped[bool] = mapped_column(
        Boolean, default=False, info={"label": "留守儿童"}
    )
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, info={"label": "残疾人"})
    needy: Mapped[bool] = mapped_column(Boolean, default=False, info={"label": "困难群众"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "备注"})

    village: Mapped[Village] = relationship()


class Checkup(Base):
    """One health checkup of a resident (健康体检记录); at most one per resident and day."""

    __tablename__ = "checkup"
    __table_args__ = (UniqueConstraint("resident_id", "checkup_date"),)
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id"), index=True, info={"label": "村民"}
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id"), index=True, info={"label": "活动"}
    )
    checkup_date: Mapped[date] = mapped_column(Date, index=True, info={"label": "体检日期"})
    height_cm: Mapped[float | None] = mapped_column(Float, info={"label": "身高"})
    weight_kg: Mapped[float | None] = mapped_column(Float, info={"label": "体重"})
    waist_cm: Mapped[float | None] = mapped_column(Float, info={"label": "腰围"})
    systolic: Mapped[int | None] = mapped_column(Integer, info={"label": "收缩压"})
    diastolic: Mapped[int | None] = mapped_column(Integer, info={"label": "舒张压"})
    heart_rate: Mapped[int | None] = mapped_column(Integer, info={"label": "心率"})
    fasting_glucose: Mapped[float | None] = mapped_column(Float, info={"label": "空腹血糖"})
    chronic_conditions: Mapped[str] = mapped_column(
        String(200), default="", info={"label": "慢性病"}
    )  # "、"-joined
    constitution: Mapped[str] = mapped_column(String(20), default="", info={"label": "中医体质"})
    # 老年人中医药健康管理服务记录表: 33 digits 1–5 in question order, "" when not asked.
    tcm_answers: Mapped[str] = mapped_column(
        String(33), default="", server_default="", info={"label": "体质辨识问卷答案"}
    )
    # Why the doctor recorded a constitution other than the questionnaire's; "" when none.
    constitution_override_reason: Mapped[str] = mapped_column(
        Text, default="", server_default="", info={"label": "体质改判理由"}
    )
    self_care_eating: Mapped[int | None] = mapped_column(Integer, info={"label": "自理评估：进餐"})
    self_care_grooming: Mapped[int | None] = mapped_column(
        Integer, info={"label": "自理评估：梳洗"}
    )
    self_care_dressing: Mapped[int | None] = mapped_column(
        Integer, info={"label": "自理评估：穿衣"}
    )
    self_care_toilet: Mapped[int | None] = mapped_column(Integer, info={"label": "自理评估：如厕"})
    self_care_moving: Mapped[int | None] = mapped_column(Integer, info={"label": "自理评估：活动"})
    conclusion: Mapped[str] = mapped_column(Text, default="", info={"label": "体检结论"})
    advice: Mapped[str] = mapped_column(Text, default="", info={"label": "健康建议"})
    doctor_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id"), info={"label": "体检医生"}
    )
    followed_up_on: Mapped[date | None] = mapped_column(Date, info={"label": "随访日期"})
    followed_up_by: Mapped[str] = mapped_column(String(50), default="", info={"label": "随访人"})
    follow_up_note: Mapped[str] = mapped_column(Text, default="", info={"label": "随访情况"})

    resident: Mapped[Resident] = relationship()


class Attachment(Base):
    """A file kept in the program's own store under the data folder, named by its SHA-256."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; a caption saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    # Exactly one owner: an activity, a meeting (storage/office_models.py) or a finding.
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True, info={"label": "活动"}
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info={"label": "会议"}
    )
    finding_id: Mapped[int | None] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), index=True, info={"label": "整改问题"}
    )
    kind: Mapped[str] = mapped_column(String(20), default="photo", info={"label": "类型"})
    sha256: Mapped[str] = mapped_column(String(64), index=True, info={"label": "SHA-256校验值"})
    original_name: Mapped[str] = mapped_column(String(255), default="", info={"label": "原文件名"})
    suffix: Mapped[str] = mapped_column(String(16), default="", info={"label": "扩展名"})
    size: Mapped[int] = mapped_column(default=0, info={"label": "大小（字节）"})
    caption: Mapped[str] = mapped_column(String(200), default="", info={"label": "说明"})
    added_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), info={"label": "添加时间"}
    )


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
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info={"label": "版本"}
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    name: Mapped[str] = mapped_column(String(50), unique=True, info={"label": "名称"})
    month_day: Mapped[str] = mapped_column(
        String(5), info={"label": "报送日期（月-日）"}
    )  # "MM-DD"
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "备注"})


class PeriodText(Base):
    """The clerk's own summary sections (成效, 存在问题, 下一步打算) per period and village."""

    __tablename__ = "period_text"
    __table_args__ = (UniqueConstraint("period", "village_id", "section"),)
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    period: Mapped[str] = mapped_column(String(10), info={"label": "期间"})
    village_id: Mapped[int | None] = mapped_column(
        ForeignKey("village.id"), info={"label": "结对村"}
    )
    section: Mapped[str] = mapped_column(String(20), info={"label": "栏目"})
    text: Mapped[str] = mapped_column(Text, default="", info={"label": "内容"})


class Certificate(Base):
    """An issued volunteer service certificate, so a copy shown later can be checked."""

    __tablename__ = "certificate"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    number: Mapped[str] = mapped_column(String(40), unique=True, info={"label": "证明编号"})
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id"), index=True, info={"label": "志愿者"}
    )
    date_from: Mapped[date] = mapped_column(Date, info={"label": "开始日期"})
    date_to: Mapped[date] = mapped_column(Date, info={"label": "结束日期"})
    total_minutes: Mapped[int] = mapped_column(Integer, info={"label": "服务时长"})
    activity_count: Mapped[int] = mapped_column(Integer, info={"label": "服务次数"})
    issued_on: Mapped[date] = mapped_column(Date, info={"label": "开具日期"})


class AuditEntry(Base):
    """Append-only log of changes, ordered by its sequence number, not by the clock."""

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True, info={"label": "序号"})
    at: Mapped[datetime] = mapped_column(DateTime, info={"label": "时间"})
    user: Mapped[str] = mapped_column(String(50), default="", info={"label": "操作人"})
    # The PC that made the change (socket.gethostname()), told apart when sign-in is off.
    host: Mapped[str] = mapped_column(
        String(100), default="", server_default="", info={"label": "电脑"}
    )
    action: Mapped[str] = mapped_column(
        String(20), info={"label": "操作"}
    )  # create / update / delete / unmask …
    entity: Mapped[str] = mapped_column(String(50), info={"label": "对象"})
    entity_id: Mapped[int | None] = mapped_column(Integer, info={"label": "对象编号"})
    old_values: Mapped[str] = mapped_column(Text, default="", info={"label": "原值"})  # JSON
    new_values: Mapped[str] = mapped_column(Text, default="", info={"label": "新值"})  # JSON


class AppUser(Base):
    """A person who may sign in (when sign-in is on): role admin / clerk / viewer.

    The password is kept only as a salted scrypt hash (domain.passwords); repeated failures lock
    the account until `locked_until`.
    """

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True, info={"label": "编号"})
    username: Mapped[str] = mapped_column(String(50), unique=True, info={"label": "用户名"})
    display_name: Mapped[str] = mapped_column(String(50), default="", info={"label": "姓名"})
    role: Mapped[str] = mapped_column(String(10), default="viewer", info={"label": "角色"})
    password_hash: Mapped[str] = mapped_column(String(200), info={"label": "密码（散列值）"})
    failed_attempts: Mapped[int] = mapped_column(
        Integer, default=0, info={"label": "连续登录失败次数"}
    )
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, info={"label": "锁定至"})
