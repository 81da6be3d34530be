"""Writing an edit's values onto a loaded row and noting what changed, for the audit log."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm.attributes import flag_modified


def apply_values(row: object, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set every value that differs from the row's; returns (old, new) of the changed ones.

    Setting a versioned row's attribute makes its UPDATE carry the version check (the row
    must still have the version it was read with) and bump it.
    """
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for key, value in values.items():
        if getattr(row, key) != value:
            old[key] = getattr(row, key)
            new[key] = value
            setattr(row, key, value)
    return old, new


def touch(row: object, column: str) -> None:
    """Make the row's next flush an UPDATE, so its version moves on although only rows that
    belong to it (members, attendees, decisions) changed; `column` is any plain column of it."""
    flag_modified(row, column)
