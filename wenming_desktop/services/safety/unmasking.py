"""Exports that show full ID numbers, mobiles or health values: who may, and in which order.

Unmasking is recorded in the audit log, so only a user who may write (管理员, 录入员, or anyone
while sign-in is off) may unmask; a 只读 user is refused before any file exists. The file is
written under a temporary name, the audit entry committed, and only then is the file put under
its final name — a file of full values never exists without its audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from wenming_desktop.domain.errors import UserError
from wenming_desktop.exports.files import atomic_output
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database


def require_unmask(db: Database, what: str) -> None:
    """Raise UserError unless the signed-in user may export `what` unmasked."""
    actor = db.actor
    if actor is not None and not actor.can_unmask:
        raise UserError(f"当前用户“{actor.username}”是只读用户，不能导出未脱敏的{what}")


def publish_unmasked(
    db: Database,
    target: Path,
    what: str,
    entity: str,
    write: Callable[[Path], int],
    details: Callable[[int], dict[str, Any]],
) -> int:
    """Check the role, write the file through `write(temp path) -> row count`, commit the
    `unmask` audit entry of `entity` with `details(count)` plus the file name, then publish."""
    require_unmask(db, what)
    with atomic_output(target) as temp:
        count = write(temp)
        with db.write() as session:
            audit.record(
                session, "unmask", entity, None, None, {**details(count), "file": str(target)}
            )
    return count
