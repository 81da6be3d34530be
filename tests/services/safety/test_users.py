from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from wenming_desktop.domain.access import ADMIN, CLERK, VIEWER, Actor
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.safety import backups, users
from wenming_desktop.services.safety.restore import restore_backup
from wenming_desktop.services.settings import settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.models import AppUser, Village


def with_users(ws: Workspace) -> dict[str, int]:
    return {
        "admin": users.add_user(ws.db, "admin", "王主任", ADMIN, "admin-pass"),
        "clerk": users.add_user(ws.db, "clerk", "李干事", CLERK, "clerk-pass"),
        "viewer": users.add_user(ws.db, "viewer", "检查组", VIEWER, "viewer-pass"),
    }


def test_sign_in_is_off_until_an_admin_exists_and_turns_it_on(workspace: Workspace) -> None:
    db = workspace.db
    assert not users.sign_in_required(db)
    with pytest.raises(UserError, match="至少一个管理员"):
        users.set_sign_in_required(db, True)
    with_users(workspace)
    users.set_sign_in_required(db, True)
    assert users.sign_in_required(db)
    assert [(u.username, u.role, u.locked) for u in users.list_users(db)] == [
        ("admin", "管理员", False),
        ("clerk", "录入员", False),
        ("viewer", "只读", False),
    ]
    with db.read() as session:
        stored = session.scalar(select(AppUser.password_hash).where(AppUser.username == "admin"))
    assert stored.startswith("scrypt$") and "admin-pass" not in stored


def test_authenticate_and_lock_out_after_repeated_failures(workspace: Workspace) -> None:
    db = workspace.db
    ids = with_users(workspace)
    actor = users.authenticate(db, " clerk ", "clerk-pass")
    assert actor == Actor("clerk", "李干事", CLERK) and actor.can_write and not actor.is_admin
    with pytest.raises(UserError) as unknown:
        users.authenticate(db, "nobody", "clerk-pass")
    now = datetime(2026, 11, 23, 9, 0)
    for _left in (4, 3, 2, 1):  # the same answer as for an unknown name
        with pytest.raises(UserError) as wrong:
            users.authenticate(db, "clerk", "wrong", now=now)
        assert str(wrong.value) == str(unknown.value) == "用户名或密码不正确"
    with pytest.raises(UserError, match="已锁定 15 分钟"):
        users.authenticate(db, "clerk", "wrong", now=now)
    with pytest.raises(UserError, match="09:15 之后再试"):
        users.authenticate(db, "clerk", "clerk-pass", now=now + timedelta(minutes=5))
    assert [u.locked for u in users.list_users(db, now=now) if u.username == "clerk"] == [True]
    assert users.authenticate(db, "clerk", "clerk-pass", now=now + timedelta(minutes=16))
    # locked again, then unlocked by an administrator's password reset
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(UserError):
            users.authenticate(db, "clerk", "wrong", now=now)
    users.reset_password(db, ids["clerk"], "new-clerk-pass")
    assert users.authenticate(db, "clerk", "new-clerk-pass", now=now)


def test_a_read_only_user_changes_nothing_whatever_the_screen(workspace: Workspace) -> None:
    db = workspace.db
    with_users(workspace)
    db.actor = users.authenticate(db, "viewer", "viewer-pass")
    with pytest.raises(UserError, match="只读用户"):
        villages.add_village(db, VillageData(name="东兴村"))
    with pytest.raises(UserError, match="只读用户"):
        settings.update_settings(db, {"hospital_name": "鹤岗市中医院"})
    with pytest.raises(UserError):
        users.add_user(db, "x", "", VIEWER, "123456")
    db.actor = None
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Village)) == 0
        assert session.scalar(select(func.count()).select_from(AppUser)) == 3


def test_a_clerk_records_but_does_not_manage_users_or_restore(workspace: Workspace) -> None:
    db = workspace.db
    ids = with_users(workspace)
    info = backups.create_backup(workspace.folder, db)
    db.actor = users.authenticate(db, "clerk", "clerk-pass")
    villages.add_village(db, VillageData(name="东兴村"))
    with db.engine.connect() as conn:
        who = conn.execute(text("SELECT user FROM audit_entry ORDER BY seq DESC LIMIT 1")).scalar()
    assert who == "clerk"  # the audit log says who
    for attempt, message in (
        (lambda: users.set_role(db, ids["clerk"], ADMIN), "只有管理员可以修改角色"),
        (lambda: users.set_sign_in_required(db, False), "只有管理员可以开启或关闭登录"),
        (lambda: restore_backup(workspace, info.path), "只有管理员可以恢复备份"),
    ):
        with pytest.raises(UserError, match=message):
            attempt()
    db.actor = users.authenticate(db, "admin", "admin-pass")
    users.set_role(db, ids["viewer"], CLERK)
    restore_backup(workspace, info.path)


def test_the_last_admin_stays_while_sign_in_is_on(workspace: Workspace) -> None:
    db = workspace.db
    ids = with_users(workspace)
    users.set_sign_in_required(db, True)
    db.actor = users.authenticate(db, "admin", "admin-pass")
    with pytest.raises(UserError, match="最后一个管理员"):
        users.set_role(db, ids["admin"], CLERK)
    with pytest.raises(UserError, match="不能删除当前登录的用户"):
        users.delete_user(db, ids["admin"])
    users.add_user(db, "admin2", "", ADMIN, "second-admin")
    users.delete_user(db, ids["viewer"])
    users.set_role(db, ids["admin"], CLERK)
    assert {u.username for u in users.list_users(db)} == {"admin", "admin2", "clerk"}
    with pytest.raises(UserError, match="已存在"):
        users.add_user(db, "clerk", "", CLERK, "123456")


def test_an_unknown_name_costs_one_password_check_like_a_wrong_password(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same work (one scrypt check) for an unknown user as for a wrong password, so the
    time taken does not tell which names exist."""
    with_users(workspace)
    checks: list[str] = []
    real = users.verify_password
    monkeypatch.setattr(
        users, "verify_password", lambda p, h: checks.append(h.split("$")[0]) or real(p, h)
    )
    for name in ("nobody", "clerk"):
        with pytest.raises(UserError, match=r"^用户名或密码不正确$"):
            users.authenticate(workspace.db, name, "wrong")
    assert checks == ["scrypt", "scrypt"]
