"""Groups, meetings, inspections and findings, commendations: saved, refused with a message
naming what is wrong, audited, and their attachments kept in the program's store."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from tests.office_helpers import (
    inspection_with_finding,
    leadership_group,
    leadership_meeting,
    write_png,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.office import FindingStatus
from wenming_desktop.domain.office_records import (
    AttendeeData,
    CommendationData,
    GroupData,
    MemberData,
)
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.office import commendations, groups, inspections, meetings
from wenming_desktop.storage.models import AuditEntry


def audit_rows(ws, entity: str) -> list[tuple[str, dict, dict]]:
    with ws.db.read() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.seq)
        ).all()
        return [(r.action, json.loads(r.old_values), json.loads(r.new_values)) for r in rows]


def test_a_group_with_members_is_saved_changed_and_deleted_with_audit(workspace) -> None:
    db = workspace.db
    group_id = leadership_group(db)
    data = groups.get_group(db, group_id)
    assert [(m.name, m.role) for m in data.members][:2] == [
        ("张院长", "组长"),
        ("李书记", "副组长"),
    ]
    changed = replace(data, members=(*data.members, MemberData("钱护士长", "成员", "护理部")))
    groups.save_group(db, group_id, changed)
    assert len(groups.get_group(db, group_id).members) == 5
    with pytest.raises(UserError, match="已有名为“创建领导小组”的小组"):
        groups.save_group(db, None, GroupData(name="创建领导小组"))
    with pytest.raises(UserError, match="第 1 位成员的小组职务“秘书”不在可选范围内"):
        groups.save_group(db, None, GroupData("办公室", members=(MemberData("甲", "秘书"),)))
    groups.delete_group(db, group_id)
    assert groups.list_groups(db) == []
    actions = audit_rows(workspace, "office_group")
    assert [a for a, _o, _n in actions] == ["create", "update", "delete"]
    assert actions[1][2]["members"][-1] == "成员 钱护士长"


def test_a_meeting_keeps_attendance_absence_reasons_and_decisions(workspace) -> None:
    db = workspace.db
    group_id = leadership_group(db)
    meeting_id = leadership_meeting(db, group_id, date(2026, 2, 10))
    detail = meetings.get_meeting(db, meeting_id)
    assert detail.group == "创建领导小组"
    assert [(a.name, a.present, a.absence_reason) for a in detail.data.attendees] == [
        ("张院长", True, ""),
        ("李书记", False, "外出学习"),
        ("王主任", True, ""),
    ]
    assert detail.data.decisions[0].due_on == date(2026, 4, 30)
    [row] = meetings.list_meetings(db, date(2026, 1, 1), date(2026, 12, 31))
    assert (row.present, row.absent, row.decisions) == (2, 1, 1)
    no_reason = replace(detail.data, attendees=(AttendeeData("李书记", "党办", present=False),))
    with pytest.raises(UserError, match="“李书记”未出席，请填写缺席原因"):
        meetings.save_meeting(db, meeting_id, no_reason)
    with pytest.raises(UserError, match="会议类型“座谈”不在可选范围内"):
        meetings.save_meeting(db, None, replace(detail.data, kind="座谈"))
    meetings.save_meeting(db, meeting_id, replace(detail.data, place="党办"))
    [(_action, old, new)] = [e for e in audit_rows(workspace, "meeting") if e[0] == "update"]
    assert (old, new) == ({"place": "行政楼三楼会议室"}, {"place": "党办"})


def test_closing_a_finding_needs_who_confirmed_it_and_a_possible_date(workspace) -> None:
    db = workspace.db
    inspection_id, finding_id = inspection_with_finding(db)
    today = date(2026, 3, 20)
    [view] = inspections.list_findings(db, today, inspection_id)
    assert view.status is FindingStatus.PENDING
    data = inspections.get_finding(db, finding_id)
    with pytest.raises(UserError, match="请填写确认人"):
        inspections.save_finding(db, inspection_id, finding_id, replace(data, closed_on=today))
    with pytest.raises(UserError, match="完成日期 2026-03-01 早于检查日期 2026-03-02"):
        inspections.save_finding(
            db,
            inspection_id,
            finding_id,
            replace(data, closed_on=date(2026, 3, 1), confirmed_by="王主任"),
        )
    inspections.save_finding(db, inspection_id, finding_id, replace(data, measures="已补齐标识"))
    assert inspections.list_findings(db, today)[0].status is FindingStatus.IN_PROGRESS
    assert inspections.list_findings(db, date(2026, 4, 3))[0].status is FindingStatus.OVERDUE
    closed = replace(data, measures="已补齐标识", closed_on=date(2026, 4, 5), confirmed_by="王主任")
    inspections.save_finding(db, inspection_id, finding_id, closed)
    [view] = inspections.list_findings(db, date(2026, 5, 1))
    assert (view.status, view.late) == (FindingStatus.DONE, True)
    updates = [e for e in audit_rows(workspace, "finding") if e[0] == "update"]
    assert updates[-1][2] == {"closed_on": "2026-04-05", "confirmed_by": "王主任"}


def test_evidence_and_meeting_files_share_the_store_and_go_only_when_unused(
    workspace, tmp_path
) -> None:
    db, folder = workspace.db, workspace.folder
    inspection_id, finding_id = inspection_with_finding(db)
    meeting_id = leadership_meeting(db, None, date(2026, 2, 10))
    photo = write_png(tmp_path / "整改后.png")
    [evidence] = attachments.add_owned_attachments(
        db, folder, "finding", finding_id, [photo], "photo"
    )
    attachments.add_owned_attachments(db, folder, "meeting", meeting_id, [photo], "photo")
    [row] = attachments.list_owned_attachments(db, "finding", finding_id)
    stored = attachments.stored_path(folder, row.sha256, row.suffix)
    assert stored.read_bytes() == photo.read_bytes()
    assert inspections.list_findings(db, date(2026, 3, 3))[0].row.evidence == 1
    inspections.delete_finding(db, folder, finding_id)
    assert stored.exists()  # the meeting still uses the same file
    meetings.delete_meeting(db, folder, meeting_id)
    assert not stored.exists()
    assert attachments.list_owned_attachments(db, "finding", finding_id) == []
    with pytest.raises(UserError, match="整改事项已不存在"):
        attachments.add_owned_attachments(db, folder, "finding", finding_id, [photo], "photo")
    assert (
        "create",
        {},
        {"finding_id": finding_id, "name": "整改后.png", "sha256": row.sha256},
    ) in [(a, o, n) for a, o, n in audit_rows(workspace, "attachment") if n.get("finding_id")]
    assert evidence > 0
    inspections.delete_inspection(db, folder, inspection_id)
    assert inspections.list_inspections(db) == []


def test_commendations_and_a_volunteers_record(workspace) -> None:
    from tests.activity_helpers import make_volunteers

    db = workspace.db
    [volunteer_id] = make_volunteers(workspace.db, [("ZY0001", "志愿者甲", True)])
    data = CommendationData(
        kind="优秀志愿者",
        year=2025,
        level="市级",
        name="志愿者甲",
        volunteer_id=volunteer_id,
        document_no="鹤文明办〔2025〕9号",
        awarded_on=date(2025, 12, 5),
    )
    commendation_id = commendations.save_commendation(db, None, data)
    assert commendations.volunteer_commendation_lines(db, volunteer_id) == [
        "2025年 优秀志愿者（市级，鹤文明办〔2025〕9号）"
    ]
    with pytest.raises(UserError, match="表彰级别“区级”不在可选范围内"):
        commendations.save_commendation(db, None, replace(data, level="区级"))
    with pytest.raises(UserError, match="表彰日期 2023-12-05 与年度 2025 不符"):
        commendations.save_commendation(db, None, replace(data, awarded_on=date(2023, 12, 5)))
    with pytest.raises(UserError, match="表彰对象不能为空"):
        commendations.save_commendation(db, None, replace(data, name=" "))
    commendations.delete_commendation(db, commendation_id)
    assert commendations.list_commendations(db) == []
    assert [a for a, _o, _n in audit_rows(workspace, "commendation")] == ["create", "delete"]
