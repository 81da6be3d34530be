"""The 操作日志 as a clerk reads it: Chinese column labels from the models, names for ids, codes
and booleans in words, lists of names; a certificate entry shows the certificate's number."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from wenming_desktop.services.activities.activities import get_activity, update_activity
from wenming_desktop.services.activities.clinics import save_clinic
from wenming_desktop.services.roster.certificates import issue_certificate
from wenming_desktop.services.safety import audit_log
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Activity, Base, Category, Department, Village, Volunteer
from wenming_desktop.storage.queries.audit import AuditFilter

ENGLISH_KEY = re.compile(r"[A-Za-z_]{3,}")


def test_every_model_column_carries_a_chinese_label() -> None:
    missing = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if not re.search(r"[\u4e00-\u9fff]", str(column.info.get("label", "")))
    ]
    assert missing == [], f"columns without info={{'label': …}}: {missing}"


def test_activity_changes_read_as_the_clerk_knows_them(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    with db.read() as session:
        act_id, category, village = session.execute(
            select(Activity.id, Category.name, Village.name)
            .join(Category, Category.id == Activity.category_id)
            .join(Village, Village.id == Activity.village_id)
            .where(Activity.status == "planned")
        ).first()  # type: ignore[misc]
        other = session.scalars(select(Category).where(Category.name != category)).first()
        departments = session.execute(
            select(Department.id, Department.name).order_by(Department.id).limit(3)
        ).all()
        assert other is not None
        other_name, other_id = other.name, other.id
    data = get_activity(db, act_id)
    update_activity(
        db,
        act_id,
        dataclasses.replace(
            data,
            status="done",
            category_id=other_id,
            place_is_public=not data.place_is_public,
            start_at=data.start_at.replace(hour=9, minute=0),
            end_at=data.end_at.replace(hour=12, minute=0),
            actual_attendance=88,
            summary="已开展",
        ),
    )
    save_clinic(db, act_id, [d for d, _ in departments], [])
    rows = audit_log.list_entries(db, AuditFilter(entity="activity"))
    update = next(r for r in rows if r.action == "修改").changes
    assert "状态：计划 → 已开展" in update
    assert f"类别：{category} → {other_name}" in update
    assert ("公共场所：否 → 是" in update) or ("公共场所：是 → 否" in update)
    assert re.search(r"开始时间：\d{4}-\d\d-\d\d \d\d:\d\d → \d{4}-\d\d-\d\d 09:00", update)
    assert not ENGLISH_KEY.search(update), update
    assert village  # the village did not change, so it is not listed
    clinic = audit_log.list_entries(db, AuditFilter(entity="clinic"))[0]
    assert clinic.entity == "义诊情况"
    assert f"参加科室：{'、'.join(n for _, n in departments)}" in clinic.changes
    assert not ENGLISH_KEY.search(clinic.changes), clinic.changes


def test_a_certificate_entry_shows_its_number(demo_workspace: Workspace, tmp_path: Path) -> None:
    db = demo_workspace.db
    with db.read() as session:
        vid = session.scalars(select(Volunteer.id).where(Volunteer.active.is_(True))).first()
    assert vid is not None
    year = date.today().year
    issued = issue_certificate(
        db, vid, date(year - 1, 1, 1), date(year - 1, 12, 31), tmp_path / "c.pdf"
    )
    entry = audit_log.list_entries(db, AuditFilter(entity="certificate"))[0]
    assert entry.entity == "志愿服务证明" and entry.entity_id == issued.number
    assert f"证明编号：{issued.number}" in entry.changes
    assert "服务时长：" in entry.changes and "小时" in entry.changes
    assert not ENGLISH_KEY.search(entry.changes.replace(issued.number, "")), entry.changes
    assert isinstance(entry.at, datetime)


def test_a_volunteer_change_names_its_fields_and_values(demo_workspace: Workspace) -> None:
    from wenming_desktop.storage import audit
    from wenming_desktop.storage.models import PartyBranch

    db = demo_workspace.db
    with db.write() as session:
        branches = session.execute(select(PartyBranch.id, PartyBranch.name).limit(2)).all()
        (old_id, old_name), (new_id, new_name) = branches
        audit.record(
            session, "update", "volunteer", 1,
            {"title": "医师", "active": True, "party_branch_id": old_id, "teams": ["甲队"]},
            {"title": "主治医师", "active": False, "party_branch_id": new_id, "teams": []},
        )  # fmt: skip
    entry = audit_log.list_entries(db, AuditFilter(entity="volunteer"))[0]
    assert entry.changes == (
        f"职称：医师 → 主治医师；在册：是 → 否；党支部：{old_name} → {new_name}；"
        "志愿服务队：甲队 → （空）"
    )
