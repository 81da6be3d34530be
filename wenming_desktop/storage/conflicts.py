"""Two PCs writing the same rows at once: recognising the conflict, retrying, telling the clerk.

On PostgreSQL, two transactions can deadlock (SQLSTATE 40P01), fail to serialise (40001), or
both insert the same unique value (23505) — e.g. two certificates numbered at once, or two
imports adding the same new staff member. The losing transaction is rolled back whole; running
the same work again (in a new transaction, which sees the winner's rows) is the standard remedy.
On SQLite a writer takes the write lock at BEGIN and waits for the other (busy timeout).
`run_retrying` runs a unit of work up to ATTEMPTS times; what is left is a Chinese
`WriteConflict`, never an internal error.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from wenming_desktop.domain.errors import UserError

if TYPE_CHECKING:
    from wenming_desktop.storage.database import Database

T = TypeVar("T")
ATTEMPTS = 4
RETRY_STATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
UNIQUE_STATE = "23505"  # unique_violation
BUSY_MESSAGE = "另一台电脑正在同时修改相同的数据，本次修改未保存{tried}。请稍后再试一次。"


class WriteConflict(UserError):
    """Another PC's transaction won; this one was rolled back whole."""


def _sqlstate(exc: DBAPIError) -> str:
    return str(getattr(exc.orig, "sqlstate", "") or "")


def is_conflict(exc: BaseException, unique_too: bool = False) -> bool:
    """A deadlock, serialization failure or a locked SQLite file; with `unique_too` also a
    duplicate unique value (worth retrying when the work re-reads what exists)."""
    if isinstance(exc, WriteConflict):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    state = _sqlstate(exc)
    if state in RETRY_STATES or "database is locked" in str(exc.orig):
        return True
    if unique_too and isinstance(exc, IntegrityError):
        return state == UNIQUE_STATE or "UNIQUE constraint failed" in str(exc.orig)
    return False


def run_retrying(
    db: Database,
    work: Callable[[Session], T],
    attempts: int = ATTEMPTS,
    pause: Callable[[float], None] = time.sleep,
) -> T:
    """`work(session)` in one write transaction, run again after a conflict (up to `attempts`).

    `work` must read what it depends on inside the transaction (it may run more than once).
    Raises WriteConflict (Chinese) when every attempt lost; other errors pass through.
    """
    for attempt in range(1, attempts + 1):
        try:
            with db.write() as session:  # on SQLite: BEGIN IMMEDIATE, one writer at a time
                return work(session)
        except Exception as exc:
            if not is_conflict(exc, unique_too=True):
                raise
            if attempt == attempts:
                tried = f"（已自动重试 {attempts - 1} 次）"
                raise WriteConflict(BUSY_MESSAGE.format(tried=tried)) from None
            pause(0.05 * attempt + random.uniform(0, 0.05))  # let the winner commit
    raise AssertionError("unreachable")


def lock_in_id_order(session: Session, model: Any, ids: list[int]) -> None:
    """Lock `model` rows by ascending id before changing them (PostgreSQL's FOR UPDATE).

    Two transactions that lock the same rows in the same order wait for each other instead of
    deadlocking. SQLite has one writer at a time and no row locks; there this only reads.
    """
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        session.execute(
            select(model.id).where(model.id.in_(chunk)).order_by(model.id).with_for_update()
        ).all()
