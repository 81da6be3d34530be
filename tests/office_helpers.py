"""Helpers of the office's tests: a real PNG photo and a recorded meeting, inspection and
finding."""

from __future__ import annotations

import struct
import zlib
from datetime import date, datetime
from pathlib import Path

from wenming_desktop.domain.office import LEADERSHIP_MEETING
from wenming_desktop.domain.office_records import (
    AttendeeData,
    DecisionData,
    FindingData,
    GroupData,
    InspectionData,
    MeetingData,
    MemberData,
)
from wenming_desktop.services.office import groups, inspections, meetings
from wenming_desktop.storage.database import Database


def write_png(
    path: Path, width: int = 40, height: int = 30, rgb: tuple[int, int, int] = (200, 40, 40)
) -> Path:
    """A valid RGB PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path


def leadership_group(db: Database, established: date | None = date(2026, 1, 1)) -> int:
    return groups.save_group(
        db,
        None,
        GroupData(
            name="创建领导小组",
            is_leadership=True,
            established_on=established,
            members=(
                MemberData("张院长", "组长", "院办", "院长"),
                MemberData("李书记", "副组长", "党办", "党委书记"),
                MemberData("王主任", "办公室主任", "党办", "主任"),
                MemberData("赵医生", "成员", "针灸科"),
            ),
        ),
    )


def leadership_meeting(db: Database, group_id: int | None, day: date, title: str = "") -> int:
    return meetings.save_meeting(
        db,
        None,
        MeetingData(
            kind=LEADERSHIP_MEETING,
            title=title or f"{day:%Y年%m月}创建领导小组会议",
            starts_at=datetime.combine(day, datetime.min.time()).replace(hour=15),
            ends_at=datetime.combine(day, datetime.min.time()).replace(hour=16, minute=30),
            place="行政楼三楼会议室",
            chair="张院长",
            recorder="王主任",
            group_id=group_id,
            agenda="部署本季度创建工作",
            minutes="会议听取汇报，布置任务。",
            attendees=(
                AttendeeData("张院长", "院办"),
                AttendeeData("李书记", "党办", present=False, absence_reason="外出学习"),
                AttendeeData("王主任", "党办"),
            ),
            decisions=(DecisionData("完成文明科室自查", "王主任", date(2026, 4, 30)),),
        ),
    )


def inspection_with_finding(
    db: Database, day: date = date(2026, 3, 2), deadline: date = date(2026, 4, 2)
) -> tuple[int, int]:
    inspection_id = inspections.save_inspection(
        db, None, InspectionData("上级检查", day, "市文明办测评组", "文明单位创建测评")
    )
    finding_id = inspections.save_finding(
        db,
        inspection_id,
        None,
        FindingData("公共区域禁烟标识不全", "总务科", "孙科长", deadline),
    )
    return inspection_id, finding_id
