"""The demo data of the office's creation work: a year of it, ending today.

The 创建领导小组 set up four quarters before the current one, meeting every quarter but one
(the quarter two before the current is deliberately left without its meeting, so 首页 shows the
warning); office meetings and study sessions; three inspections whose findings are mostly closed,
one deliberately overdue and one due within the week; commendations of last year and this year.
Written with Core inserts on the demo's connection, with its own random generator so the rest of
the demo set stays as it was.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Executable, insert, select

from wenming_desktop.domain.office import LEADERSHIP_GROUP, LEADERSHIP_MEETING, quarter_bounds
from wenming_desktop.storage.models import Department, Volunteer
from wenming_desktop.storage.office_models import (
    Commendation,
    Finding,
    GroupMember,
    Inspection,
    Meeting,
    MeetingAttendee,
    MeetingDecision,
    OfficeGroup,
)

PLACE = "行政楼三楼会议室"
AGENDAS = (
    "传达上级文明创建工作会议精神；分析本季度创建工作情况；部署下季度重点任务",
    "研究新时代文明实践结对共建工作；布置志愿服务集中活动周安排",
    "通报文明单位创建测评反馈问题及整改进展；研究下一步措施",
    "总结全年创建工作；研究评选表彰推荐人选",
    "学习《新时代公民道德建设实施纲要》；部署道德模范、身边好人选树工作",
)
ABSENCE_REASONS = ("外出学习", "值班", "病假", "下乡义诊")


def _new_id(conn: Connection, statement: Executable) -> int:
    key = conn.execute(statement).inserted_primary_key
    assert key is not None  # an INSERT of one row
    return int(key[0])


def _quarter_index(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


def load_office_demo(conn: Connection, today: date) -> dict[str, int]:
    """Write the office's demo records; returns row counts per table."""
    rng = random.Random(20261129)
    staff: list[tuple[int, str, str]] = [
        (vid, name, dept or "")
        for vid, name, dept in conn.execute(
            select(Volunteer.id, Volunteer.name, Department.name)
            .outerjoin(Department, Department.id == Volunteer.department_id)
            .where(Volunteer.active.is_(True))
            .order_by(Volunteer.id)
        )
    ]
    current = _quarter_index(today)
    first = _shift(*current, -4)
    established = quarter_bounds(*first)[0]
    group_id = _new_id(
        conn,
        insert(OfficeGroup).values(
            name=LEADERSHIP_GROUP,
            is_leadership=True,
            established_on=established,
            duties="研究制定精神文明建设总体规划和年度计划；每季度至少召开一次创建领导小组会议，"
            "分析研究创建工作，协调工作，布置任务；保证创建工作机构、制度、人员、经费的落实。",
            notes="",
        ),
    )
    office_id = _new_id(
        conn,
        insert(OfficeGroup).values(
            name="创建工作办公室",
            is_leadership=False,
            established_on=established,
            duties="贯彻实施创建领导小组各项决定；收集、整理有关资料，做好归档工作。",
            notes="办公室设在党办",
        ),
    )
    roles = ["组长", "副组长", "副组长", "办公室主任"] + ["成员"] * 7
    positions = ["院长", "党委书记", "副院长", "党办主任"] + ["科主任"] * 7
    members = staff[: len(roles)]
    rows: list[dict[str, Any]] = [
        {
            "group_id": group_id,
            "volunteer_id": vid,
            "name": name,
            "department": dept or "",
            "position": positions[i],
            "role": roles[i],
            "sort_order": i,
        }
        for i, (vid, name, dept) in enumerate(members)
    ]
    office_members = [members[3], *staff[len(roles) : len(roles) + 3]]
    rows += [
        {
            "group_id": office_id,
            "volunteer_id": vid,
            "name": name,
            "department": dept or "",
            "position": "",
            "role": "办公室主任" if i == 0 else "成员",
            "sort_order": i,
        }
        for i, (vid, name, dept) in enumerate(office_members)
    ]
    conn.execute(insert(GroupMember), rows)

    skipped = _shift(*current, -2)  # the quarter deliberately without its leadership meeting
    meetings: list[tuple[dict[str, Any], list[tuple[int, str, str]]]] = []
    year, quarter = first
    number = 0
    while (year, quarter) <= current:
        start, _end = quarter_bounds(year, quarter)
        day = start + timedelta(days=14 + rng.randrange(10))
        if (year, quarter) != skipped and day < today:
            meetings.append(
                (
                    {
                        "kind": LEADERSHIP_MEETING,
                        "title": f"{year}年第{'一二三四'[quarter - 1]}季度创建领导小组会议",
                        "group_id": group_id,
                        "starts_at": datetime.combine(day, time(15, 0)),
                        "ends_at": datetime.combine(day, time(16, 30)),
                        "place": PLACE,
                        "chair": members[0][1],
                        "recorder": members[3][1],
                        "agenda": AGENDAS[number % len(AGENDAS)],
                        "minutes": "会议听取了创建工作办公室关于本季度创建工作情况的汇报，"
                        "分析了存在的问题，对下一阶段工作进行了部署。\n"
                        "会议要求各科室对照测评体系逐项落实，按时完成整改。",
                        "notes": "",
                    },
                    members,
                )
            )
            number += 1
        office_day = start + timedelta(days=40 + rng.randrange(10))
        if office_day < today:
            meetings.append(
                (
                    {
                        "kind": "办公室会议" if quarter % 2 else "专题学习",
                        "title": "创建工作办公室例会" if quarter % 2 else "文明创建专题学习",
                        "group_id": office_id,
                        "starts_at": datetime.combine(office_day, time(9, 0)),
                        "ends_at": datetime.combine(office_day, time(10, 0)),
                        "place": "党办",
                        "chair": members[3][1],
                        "recorder": office_members[1][1],
                        "agenda": "整理创建材料，安排归档；通报整改进展",
                        "minutes": "逐项梳理创建材料，明确责任人和完成时间。",
                        "notes": "",
                    },
                    office_members,
                )
            )
        year, quarter = _shift(year, quarter, 1)
    attendees: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    for values, people in meetings:
        meeting_id = _new_id(conn, insert(Meeting).values(**values))
        day = values["starts_at"].date()
        for i, (vid, name, dept) in enumerate(people):
            absent = i > 0 and rng.random() < 0.12
            attendees.append(
                {
                    "meeting_id": meeting_id,
                    "volunteer_id": vid,
                    "name": name,
                    "department": dept or "",
                    "present": not absent,
                    "absence_reason": rng.choice(ABSENCE_REASONS) if absent else "",
                    "sort_order": i,
                }
            )
        if values["kind"] == LEADERSHIP_MEETING:
            due = day + timedelta(days=30)
            done = due - timedelta(days=rng.randrange(1, 10)) if due < today else None
            decisions.append(
                {
                    "meeting_id": meeting_id,
                    "content": "各科室完成文明科室创建自查，报创建工作办公室",
                    "owner": members[3][1],
                    "due_on": due,
                    "done_on": done,
                    "progress": "已完成自查并上报" if done else "正在收集各科室自查表",
                    "sort_order": 0,
                }
            )
    conn.execute(insert(MeetingAttendee), attendees)
    if decisions:
        conn.execute(insert(MeetingDecision), decisions)

    findings = _inspections(conn, today, staff)
    commendations = _commendations(conn, today, staff)
    return {
        "office_group": 2,
        "meeting": len(meetings),
        "finding": findings,
        "commendation": commendations,
    }


def _inspections(conn: Connection, today: date, staff: list[tuple[int, str, str]]) -> int:
    plan = [
        ("上级检查", today - timedelta(days=300), "市文明办测评组", "文明单位创建年度测评"),
        ("督查", today - timedelta(days=150), "县委宣传部督查组", "新时代文明实践结对共建"),
        ("自查", today - timedelta(days=50), "院创建工作办公室", "窗口科室文明服务"),
    ]
    issues = [
        [
            ("公共区域禁烟标识不全", "总务科", "", 30, True),
            ("志愿服务记录未及时录入全国志愿服务信息系统", "党办", "", 45, True),
            ("门诊大厅社会主义核心价值观宣传栏内容陈旧", "宣传科", "", 20, True),
        ],
        [
            ("结对村健康档案更新不及时", "公共卫生科", "", 30, True),
            ("创建工作台账资料不完整，缺少会议签到表", "党办", "", 60, True),
        ],
        [
            ("门诊导诊台文明用语不规范", "门诊部", "", 30, False),  # overdue on purpose
            ("住院部电梯间张贴物未及时清理", "总务科", "", 55, False),  # due within the week
        ],
    ]
    count = 0
    for (kind, day, inspector, scope), items in zip(plan, issues, strict=True):
        inspection_id = _new_id(
            conn,
            insert(Inspection).values(
                kind=kind, inspected_on=day, inspector=inspector, scope=scope, notes=""
            ),
        )
        for i, (text, dept, _person, days, closed) in enumerate(items):
            person = staff[(count * 7 + i) % len(staff)][1]
            deadline = day + timedelta(days=days)
            row = {
                "inspection_id": inspection_id,
                "description": text,
                "department": dept,
                "person": person,
                "deadline": deadline,
                "measures": "已完成整改并复查" if closed else ("已安排专人整改" if i == 0 else ""),
                "closed_on": deadline - timedelta(days=3) if closed else None,
                "confirmed_by": staff[3][1] if closed else "",
            }
            conn.execute(insert(Finding).values(**row))
            count += 1
    return count


def _commendations(conn: Connection, today: date, staff: list[tuple[int, str, str]]) -> int:
    last, this = today.year - 1, today.year
    plan = [
        ("优秀志愿者", last, "院级", 12, f"院党发〔{last}〕18号", date(last, 12, 20)),
        ("优秀志愿者", last, "市级", 15, f"鹤文明办〔{last}〕9号", date(last, 12, 5)),
        ("身边好人", last, "市级", 20, f"鹤文明委〔{last}〕3号", date(last, 9, 28)),
        ("文明科室", last, "院级", None, f"院党发〔{last}〕19号", date(last, 12, 20)),
        ("道德模范", this, "县级", 25, f"萝文明委〔{this}〕2号", date(this, 5, 10)),
        ("健康家庭", this, "院级", 30, f"院党发〔{this}〕7号", date(this, 6, 30)),
        ("优秀志愿者", this, "院级", 12, f"院党发〔{this}〕21号", date(this, 10, 30)),
    ]
    rows = []
    for kind, year, level, index, document, day in plan:
        if day > today:
            day = today
        if index is None:
            name, dept, vid = "针灸科", "针灸科", None
        else:
            vid, name, dept = staff[index % len(staff)]
        rows.append(
            {
                "kind": kind,
                "year": year,
                "level": level,
                "name": name,
                "department": dept or "",
                "volunteer_id": vid,
                "reason": "长期参加结对村义诊和健康宣教志愿服务，服务时长位居全院前列"
                if kind == "优秀志愿者"
                else "事迹突出，群众认可",
                "document_no": document,
                "issuer": "中共鹤岗市中医院委员会" if level == "院级" else "",
                "awarded_on": day,
            }
        )
    conn.execute(insert(Commendation), rows)
    return len(rows)
