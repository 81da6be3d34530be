"""Standing groups (创建领导小组 and others) and their members: list, save, delete."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from wenming_desktop.domain.edits import Seen, merge_edit
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.office import GROUP_ROLES
from wenming_desktop.domain.office_records import GroupData, MemberData
from wenming_desktop.domain.office_rows import GroupRow
from wenming_desktop.services.office.common import changed, choice, optional, required, snapshot
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.edits import touch
from wenming_desktop.storage.models import Volunteer
from wenming_desktop.storage.office_models import GroupMember, OfficeGroup
from wenming_desktop.storage.queries.office import group_rows


def list_groups(db: Database) -> list[GroupRow]:
    with db.read() as session:
        return group_rows(session)


def get_group(db: Database, group_id: int) -> GroupData:
    return open_group(db, group_id).data


def open_group(db: Database, group_id: int) -> Seen[GroupData]:
    """What the edit dialog shows, with the version to save against (`save_group`)."""
    with db.read() as session:
        group = _load(session, group_id)
        return Seen(_data_of(group), group.version)


def _load(session: Session, group_id: int) -> OfficeGroup:
    group = session.get(OfficeGroup, group_id)
    if group is None:
        raise UserError("该小组已不存在")
    return group


def _data_of(group: OfficeGroup) -> GroupData:
    return GroupData(
        name=group.name,
        is_leadership=group.is_leadership,
        established_on=group.established_on,
        duties=group.duties,
        notes=group.notes,
        members=tuple(
            MemberData(
                name=m.name,
                role=m.role,
                department=m.department,
                position=m.position,
                volunteer_id=m.volunteer_id,
            )
            for m in group.members
        ),
    )


def _clean_member(member: MemberData, number: int) -> MemberData:
    where = f"第 {number} 位成员的"
    return replace(
        member,
        name=required(member.name, f"{where}姓名", 50),
        role=choice(member.role, GROUP_ROLES, f"{where}小组职务"),
        department=optional(member.department, f"{where}科室", 50),
        position=optional(member.position, f"{where}职务", 50),
    )


def save_group(
    db: Database, group_id: int | None, data: GroupData, seen: Seen[GroupData] | None = None
) -> int:
    """Add (group_id None) or change a group, replacing its member list; one transaction.
    Changing one with `seen` (from `open_group`) writes only the clerk's changed fields (the
    member list counts as one field); a clash with a newer change raises StaleRecord."""
    with db.write() as session:
        found = None if group_id is None else _load(session, group_id)
        old: dict[str, object] = {}
        stored: GroupData | None = None
        if found is not None:
            stored = _data_of(found)
            data = merge_edit(stored, found.version, seen, data, f"小组“{found.name}”")
            old = snapshot(found) | {"members": [m.name for m in found.members]}
        name = required(data.name, "小组名称", 100)
        members = [_clean_member(m, i) for i, m in enumerate(data.members, start=1)]
        clash = session.scalar(select(OfficeGroup.id).where(OfficeGroup.name == name))
        if clash is not None and clash != group_id:
            raise UserError(f"已有名为“{name}”的小组")
        for member in members:
            if (
                member.volunteer_id is not None
                and session.get(Volunteer, member.volunteer_id) is None
            ):
                raise UserError(f"成员“{member.name}”已不在志愿者花名册中")
        group = found or OfficeGroup(name=name)
        if found is None:
            session.add(group)
        group.name = name
        group.is_leadership = data.is_leadership
        group.established_on = data.established_on
        group.duties = data.duties.strip()
        group.notes = data.notes.strip()
        if stored is None or stored.members != tuple(members):
            group.members = [
                GroupMember(
                    name=m.name,
                    role=m.role,
                    department=m.department,
                    position=m.position,
                    volunteer_id=m.volunteer_id,
                    sort_order=i,
                )
                for i, m in enumerate(members)
            ]
            if found is not None:
                touch(group, "name")  # the version moves on for a member-only change too
        session.flush()
        new = snapshot(group) | {"members": [f"{m.role} {m.name}" for m in members]}
        if found is None:
            audit.record(session, "create", "office_group", group.id, None, new)
        else:
            before, after = changed(old, new)
            audit.record(session, "update", "office_group", group.id, before, after)
        return group.id


def delete_group(db: Database, group_id: int) -> None:
    """Delete a group and its member list; its meetings stay, no longer tied to it."""
    with db.write() as session:
        group = session.get(OfficeGroup, group_id)
        if group is None:
            return
        old = snapshot(group) | {"members": [m.name for m in group.members]}
        session.delete(group)
        audit.record(session, "delete", "office_group", group_id, old, None)


def group_members(db: Database, group_id: int) -> list[MemberData]:
    return list(get_group(db, group_id).members)


def volunteer_choices(db: Database) -> list[tuple[int, str, str]]:
    """(id, name, department) of active volunteers, for picking members from the roster."""
    from wenming_desktop.storage.models import Department

    with db.read() as session:
        rows = session.execute(
            select(Volunteer.id, Volunteer.name, Department.name)
            .outerjoin(Department, Department.id == Volunteer.department_id)
            .where(Volunteer.active.is_(True))
            .order_by(Volunteer.pinyin_initials, Volunteer.id)
        )
        return [(vid, name, dept or "") for vid, name, dept in rows]
