"""Optional sign-in: users with roles, salted password hashes, lock-out after repeated failures.

Sign-in is off until an administrator turns it on (setting `sign_in_required`); turning it on
needs at least one 管理员. While it is on, managing users, switching it off and restoring a backup
need a 管理员, and a 只读 user's writes are refused by Database.write itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wenming_desktop.domain.access import ADMIN, ROLE_LABELS, Actor
from wenming_desktop.domain.edits import Seen, values_to_save
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.passwords import check_new_password, hash_password, verify_password
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import AppUser, Setting

SIGN_IN_KEY = "sign_in_required"
MAX_FAILURES = 5
LOCK_MINUTES = 15
WRONG = "用户名或密码不正确"


@cache
def _dummy_hash() -> str:
    """A hash to check an unknown user's password against (made once, on first need)."""
    return hash_password("wenming-no-such-user")


class UserRow(NamedTuple):
    id: int
    username: str
    display_name: str
    role: str  # the Chinese label
    locked: bool


def require_admin(db: Database, what: str) -> None:
    """Refuse `what` unless sign-in is off or a 管理员 is signed in."""
    if db.actor is not None and not db.actor.is_admin:
        raise UserError(f"只有管理员可以{what}")


def sign_in_required(db: Database) -> bool:
    with db.read() as session:
        row = session.get(Setting, SIGN_IN_KEY)
        return row is not None and row.value == "1"


def set_sign_in_required(db: Database, required: bool) -> None:
    require_admin(db, "开启或关闭登录")
    with db.write() as session:
        if required:
            admins = session.scalar(
                select(func.count()).select_from(AppUser).where(AppUser.role == ADMIN)
            )
            if not admins:
                raise UserError("请先添加至少一个管理员用户，再开启登录")
        row = session.get(Setting, SIGN_IN_KEY)
        old = row.value if row is not None else ""
        value = "1" if required else "0"
        if row is None:
            session.add(Setting(key=SIGN_IN_KEY, value=value))
        else:
            row.value = value
        audit.record(session, "update", "setting", None, {SIGN_IN_KEY: old}, {SIGN_IN_KEY: value})


def list_users(db: Database, now: datetime | None = None) -> list[UserRow]:
    now = now or datetime.now()
    with db.read() as session:
        users = session.scalars(select(AppUser).order_by(AppUser.username)).all()
        return [
            UserRow(
                id=u.id,
                username=u.username,
                display_name=u.display_name,
                role=ROLE_LABELS.get(u.role, u.role),
                locked=u.locked_until is not None and u.locked_until > now,
            )
            for u in users
        ]


def _check_role(role: str) -> None:
    if role not in ROLE_LABELS:
        raise UserError(f"角色“{role}”不存在，应为 {'、'.join(ROLE_LABELS.values())} 之一")


def add_user(db: Database, username: str, display_name: str, role: str, password: str) -> int:
    require_admin(db, "添加用户")
    username = username.strip()
    if not username:
        raise UserError("用户名不能为空")
    _check_role(role)
    check_new_password(password)
    with db.write() as session:
        if session.scalar(select(AppUser.id).where(AppUser.username == username)):
            raise UserError(f"用户名“{username}”已存在")
        user = AppUser(
            username=username,
            display_name=display_name.strip(),
            role=role,
            password_hash=hash_password(password),
            failed_attempts=0,
        )
        session.add(user)
        session.flush()
        new = {"username": username, "display_name": user.display_name, "role": role}
        audit.record(session, "create", "user", user.id, None, new)
        return user.id


def _load(session: Session, user_id: int) -> AppUser:
    user = session.get(AppUser, user_id)
    if user is None:
        raise UserError("该用户已被删除")
    return user


def _admins_left(session: Session, without: int) -> int:
    query = select(func.count()).select_from(AppUser)
    return session.scalar(query.where(AppUser.role == ADMIN, AppUser.id != without)) or 0


def _guard_last_admin(db: Database, session: Session, user: AppUser) -> None:
    if user.role == ADMIN and sign_in_required(db) and not _admins_left(session, user.id):
        raise UserError("这是最后一个管理员；登录开启时必须至少保留一个管理员")


@dataclass(frozen=True)
class RoleData:
    """The one field 修改角色… edits of a user (a role code, domain.access)."""

    role: str


def set_role(db: Database, user_id: int, role: str, seen_role: str | None = None) -> None:
    """Give the user `role` (a code). With `seen_role` (the code the list showed), a role
    someone else changed meanwhile is not overwritten: StaleRecord (Chinese, offers 重新载入).

    The role is the only field edited here, so it is its own version: `app_user` has no
    version column, which would also move on with every sign-in (failure counts, lock-out).
    UserError when not allowed or when the last 管理员 would be lost.
    """
    require_admin(db, "修改角色")
    _check_role(role)
    with db.write() as session:
        user = _load(session, user_id)
        current = RoleData(role=user.role)
        seen = None if seen_role is None else Seen(RoleData(role=seen_role), 0)
        moved_on = 0 if seen_role is None or user.role == seen_role else 1
        what = f"用户“{user.username}”的角色"
        values = values_to_save(current, moved_on, seen, RoleData(role=role), what)
        if "role" not in values or values["role"] == user.role:
            return
        if role != ADMIN:
            _guard_last_admin(db, session, user)
        old = user.role
        user.role = role
        audit.record(session, "update", "user", user_id, {"role": old}, {"role": role})


def reset_password(db: Database, user_id: int, password: str) -> None:
    """A new password; also lifts a lock-out."""
    require_admin(db, "重置密码")
    check_new_password(password)
    with db.write() as session:
        user = _load(session, user_id)
        user.password_hash = hash_password(password)
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(session, "update", "user", user_id, None, {"password": "（已重置）"})


def delete_user(db: Database, user_id: int) -> None:
    require_admin(db, "删除用户")
    with db.write() as session:
        user = _load(session, user_id)
        if db.actor is not None and user.username == db.actor.username:
            raise UserError("不能删除当前登录的用户")
        _guard_last_admin(db, session, user)
        audit.record(session, "delete", "user", user_id, {"username": user.username}, None)
        session.delete(user)


def authenticate(db: Database, username: str, password: str, now: datetime | None = None) -> Actor:
    """The signed-in Actor, or UserError; failures are counted even for a read-only database user.

    The bookkeeping is written with no one signed in (db.actor is None before sign-in).
    """
    now = now or datetime.now()
    username = username.strip()
    with db.write() as session:
        user = session.scalar(select(AppUser).where(AppUser.username == username))
        if user is None:
            # The same work and the same answer as a wrong password: an unknown name is not told.
            verify_password(password, _dummy_hash())
            raise UserError(WRONG)
        if user.locked_until is not None and user.locked_until > now:
            raise UserError(
                f"用户“{username}”因多次输入错误已被锁定，请在 {user.locked_until:%H:%M} 之后再试，"
                "或请管理员重置密码"
            )
        if verify_password(password, user.password_hash):
            user.failed_attempts = 0
            user.locked_until = None
            return Actor(user.username, user.display_name, user.role)
        user.failed_attempts += 1
        left = MAX_FAILURES - user.failed_attempts
        if left <= 0:
            user.failed_attempts = 0
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            audit.record(session, "lock", "user", user.id, None, {"username": username})
            message = f"密码连续输错 {MAX_FAILURES} 次，用户“{username}”已锁定 {LOCK_MINUTES} 分钟"
        else:
            message = WRONG
    raise UserError(message)
