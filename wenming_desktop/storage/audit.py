"""Appending to the audit log inside the caller's transaction."""

from __future__ import annotations

import json
import socket
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from wenming_desktop.storage.models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@cache
def this_pc() -> str:
    """This PC's network name, as the audit log's "where" (several PCs share a server)."""
    try:
        return socket.gethostname()[:100]
    except OSError:
        return ""


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    user: str = "",
) -> None:
    """Add one audit entry; it commits or rolls back with the change it describes."""
    session.add(
        AuditEntry(
            at=datetime.now().replace(microsecond=0),
            user=user or session.info.get("user", ""),
            host=this_pc(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            old_values=json.dumps(
                {k: _plain(v) for k, v in (old or {}).items()}, ensure_ascii=False
            ),
            new_values=json.dumps(
                {k: _plain(v) for k, v in (new or {}).items()}, ensure_ascii=False
            ),
        )
    )
