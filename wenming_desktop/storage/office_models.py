"""The models of the office's creation work: standing groups, meetings, inspections and their
findings (整改), commendations. Same Base as storage/models.py (which imports this module, so
the metadata and Alembic see these tables); every column carries its Chinese label in `info`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wenming_desktop.storage.models import Base


def _label(text: str) -> dict[str, str]:
    return {"label": text}


class OfficeGroup(Base):
    """A standing group the office names (创建领导小组 and others)."""

    __tablename__ = "office_group"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info=_label("版本")
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    name: Mapped[str] = mapped_column(String(100), unique=True, info=_label("名称"))
    is_leadership: Mapped[bool] = mapped_column(Boolean, default=False, info=_label("领导小组"))
    established_on: Mapped[date | None] = mapped_column(Date, info=_label("成立日期"))
    duties: Mapped[str] = mapped_column(Text, default="", info=_label("工作职责"))
    notes: Mapped[str] = mapped_column(Text, default="", info=_label("备注"))

    members: Mapped[list[GroupMember]] = relationship(
        cascade="all, delete-orphan", order_by="GroupMember.sort_order"
    )


class GroupMember(Base):
    __tablename__ = "group_member"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    group_id: Mapped[int] = mapped_column(
        ForeignKey("office_group.id", ondelete="CASCADE"), index=True, info=_label("小组")
    )
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL"), info=_label("花名册人员")
    )
    name: Mapped[str] = mapped_column(String(50), info=_label("姓名"))
    department: Mapped[str] = mapped_column(String(50), default="", info=_label("科室"))
    position: Mapped[str] = mapped_column(String(50), default="", info=_label("职务"))
    role: Mapped[str] = mapped_column(String(20), default="成员", info=_label("小组职务"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info=_label("顺序"))


class Meeting(Base):
    """A meeting (领导小组会议, 办公室会议, 专题学习…) with its record."""

    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info=_label("版本")
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    kind: Mapped[str] = mapped_column(String(20), info=_label("会议类型"))
    title: Mapped[str] = mapped_column(String(200), info=_label("会议名称"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("office_group.id", ondelete="SET NULL"), index=True, info=_label("小组")
    )
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True, info=_label("开始时间"))
    ends_at: Mapped[datetime | None] = mapped_column(DateTime, info=_label("结束时间"))
    place: Mapped[str] = mapped_column(String(200), default="", info=_label("地点"))
    chair: Mapped[str] = mapped_column(String(50), default="", info=_label("主持人"))
    recorder: Mapped[str] = mapped_column(String(50), default="", info=_label("记录人"))
    agenda: Mapped[str] = mapped_column(Text, default="", info=_label("会议议题"))
    minutes: Mapped[str] = mapped_column(Text, default="", info=_label("会议内容"))
    notes: Mapped[str] = mapped_column(Text, default="", info=_label("备注"))

    attendees: Mapped[list[MeetingAttendee]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAttendee.sort_order"
    )
    decisions: Mapped[list[MeetingDecision]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingDecision.sort_order"
    )


class MeetingAttendee(Base):
    """Who was expected at a meeting: present, or absent with the reason."""

    __tablename__ = "meeting_attendee"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info=_label("会议")
    )
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL"), info=_label("花名册人员")
    )
    name: Mapped[str] = mapped_column(String(50), info=_label("姓名"))
    department: Mapped[str] = mapped_column(String(50), default="", info=_label("科室"))
    present: Mapped[bool] = mapped_column(Boolean, default=True, info=_label("出席"))
    absence_reason: Mapped[str] = mapped_column(String(100), default="", info=_label("缺席原因"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info=_label("顺序"))


class MeetingDecision(Base):
    """A decision of a meeting, tracked to its due date like a finding."""

    __tablename__ = "meeting_decision"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True, info=_label("会议")
    )
    content: Mapped[str] = mapped_column(Text, info=_label("决定事项"))
    owner: Mapped[str] = mapped_column(String(100), default="", info=_label("责任人"))
    due_on: Mapped[date | None] = mapped_column(Date, info=_label("完成时限"))
    done_on: Mapped[date | None] = mapped_column(Date, info=_label("完成日期"))
    progress: Mapped[str] = mapped_column(Text, default="", info=_label("落实情况"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info=_label("顺序"))


class Inspection(Base):
    """An inspection (上级检查, 督查, 自查) whose findings must be rectified."""

    __tablename__ = "inspection"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info=_label("版本")
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    kind: Mapped[str] = mapped_column(String(20), info=_label("检查类型"))
    inspected_on: Mapped[date] = mapped_column(Date, index=True, info=_label("检查日期"))
    inspector: Mapped[str] = mapped_column(String(100), default="", info=_label("检查单位"))
    scope: Mapped[str] = mapped_column(Text, default="", info=_label("检查范围"))
    notes: Mapped[str] = mapped_column(Text, default="", info=_label("备注"))

    findings: Mapped[list[Finding]] = relationship(
        cascade="all, delete-orphan", order_by="Finding.id"
    )


class Finding(Base):
    """A matter an inspection handed down (反馈问题) and its rectification (整改)."""

    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info=_label("版本")
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection.id", ondelete="CASCADE"), index=True, info=_label("检查")
    )
    description: Mapped[str] = mapped_column(Text, info=_label("存在问题"))
    department: Mapped[str] = mapped_column(String(50), default="", info=_label("责任科室"))
    person: Mapped[str] = mapped_column(String(50), default="", info=_label("责任人"))
    deadline: Mapped[date | None] = mapped_column(Date, index=True, info=_label("整改时限"))
    measures: Mapped[str] = mapped_column(Text, default="", info=_label("整改措施"))
    closed_on: Mapped[date | None] = mapped_column(Date, info=_label("完成日期"))
    confirmed_by: Mapped[str] = mapped_column(String(50), default="", info=_label("确认人"))


class Commendation(Base):
    """A selection or commendation (道德模范, 身边好人, 文明科室, 优秀志愿者, 健康家庭…)."""

    __tablename__ = "commendation"
    id: Mapped[int] = mapped_column(primary_key=True, info=_label("编号"))
    # Bumped by every ORM update; an edit saved over a newer one is refused (domain/edits.py).
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", info=_label("版本")
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  # SQLAlchemy's own form
    kind: Mapped[str] = mapped_column(String(30), info=_label("表彰类别"))
    year: Mapped[int] = mapped_column(Integer, index=True, info=_label("年度"))
    level: Mapped[str] = mapped_column(String(10), info=_label("级别"))
    name: Mapped[str] = mapped_column(String(100), info=_label("表彰对象"))
    department: Mapped[str] = mapped_column(String(50), default="", info=_label("科室"))
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL"), index=True, info=_label("花名册人员")
    )
    reason: Mapped[str] = mapped_column(Text, default="", info=_label("主要事迹"))
    document_no: Mapped[str] = mapped_column(String(100), default="", info=_label("表彰文号"))
    issuer: Mapped[str] = mapped_column(String(100), default="", info=_label("表彰单位"))
    awarded_on: Mapped[date | None] = mapped_column(Date, info=_label("表彰日期"))
