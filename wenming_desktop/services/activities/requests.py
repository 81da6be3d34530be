"""Requests and evaluation (点单 → 派单 → 接单 → 评单).

A village's request is recorded (点单), turned into a planned activity in one action (派单/接单),
and after the activity the village's evaluation is stored with it (评单).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import select

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.activities.activities import ActivityData, insert_activity
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Activity, ServiceRequest, Village
from wenming_desktop.storage.queries.rows import rows_as

REQUEST_STATUS_LABELS = {"open": "待派单", "dispatched": "已派单", "evaluated": "已评单"}


class RequestRow(NamedTuple):
    id: int
    received_on: date
    village: str
    requested_by: str
    content: str
    wanted_on: date | None
    status: str
    activity_id: int | None
    satisfaction: int | None


@dataclass(frozen=True)
class RequestData:
    village_id: int
    content: str
    requested_by: str = ""
    wanted_on: date | None = None
    received_on: date | None = None


def list_requests(db: Database, open_only: bool = False) -> list[RequestRow]:
    with db.read() as session:
        stmt = (
            select(
                ServiceRequest.id,
                ServiceRequest.received_on,
                Village.name.label("village"),
                ServiceRequest.requested_by,
                ServiceRequest.content,
                ServiceRequest.wanted_on,
                ServiceRequest.status,
                Activity.id.label("activity_id"),
                Activity.satisfaction,
            )
            .join(Village, Village.id == ServiceRequest.village_id)
            .outerjoin(Activity, Activity.request_id == ServiceRequest.id)
            .order_by(ServiceRequest.received_on.desc(), ServiceRequest.id.desc())
        )
        if open_only:
            stmt = stmt.where(ServiceRequest.status == "open")
        return rows_as(RequestRow, session.execute(stmt))


def add_request(db: Database, data: RequestData) -> int:
    content = data.content.strip()
    if not content:
        raise UserError("请填写需求内容（点了什么服务）")
    with db.write() as session:
        if session.get(Village, data.village_id) is None:
            raise UserError("请选择提出需求的结对村")
        row = ServiceRequest(
            village_id=data.village_id,
            requested_by=data.requested_by.strip(),
            content=content,
            wanted_on=data.wanted_on,
            received_on=data.received_on or date.today(),
            status="open",
        )
        session.add(row)
        session.flush()
        audit.record(session, "create", "service_request", row.id, None, {"content": content})
        return row.id


def dispatch_request(db: Database, request_id: int, category_id: int, organizer: str) -> int:
    """派单: a planned activity for the request, on the wanted day (else a week on), 9:00–11:00."""
    with db.write() as session:
        request = session.get(ServiceRequest, request_id)
        if request is None:
            raise UserError("这条需求已不存在")
        if request.status != "open":
            raise UserError("这条需求已经派单")
        day = request.wanted_on or (date.today() + timedelta(days=7))
        start = datetime.combine(day, time(9, 0))
        data = ActivityData(
            title=request.content[:60],
            category_id=category_id,
            village_id=request.village_id,
            start_at=start,
            end_at=start + timedelta(hours=2),
            organizer=organizer,
            status=ActivityStatus.PLANNED.value,
            summary=f"群众点单：{request.content}",
        )
        activity_id = insert_activity(session, data, request_id=request_id)
        request.status = "dispatched"
        audit.record(
            session,
            "update",
            "service_request",
            request_id,
            {"status": "open"},
            {"status": "dispatched", "activity_id": activity_id},
        )
        return activity_id


def evaluate_activity(db: Database, activity_id: int, satisfaction: int, comment: str) -> None:
    """评单: the village's satisfaction (1–5) and comment, stored with the activity."""
    if not 1 <= satisfaction <= 5:
        raise UserError("满意度应为1到5分")
    with db.write() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise UserError("活动已不存在")
        old = {
            "satisfaction": activity.satisfaction,
            "evaluation_comment": activity.evaluation_comment,
        }
        activity.satisfaction = satisfaction
        activity.evaluation_comment = comment.strip()
        if activity.request_id is not None:
            request = session.get(ServiceRequest, activity.request_id)
            if request is not None:
                request.status = "evaluated"
        audit.record(
            session,
            "update",
            "activity",
            activity_id,
            old,
            {"satisfaction": satisfaction, "evaluation_comment": activity.evaluation_comment},
        )


def get_evaluation(db: Database, activity_id: int) -> tuple[int | None, str]:
    with db.read() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise UserError("活动已不存在")
        return activity.satisfaction, activity.evaluation_comment
