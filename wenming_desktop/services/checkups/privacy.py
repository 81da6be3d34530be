"""Recording that a list's masked health values were shown (domain.privacy has the rule).

Exports record their own unmasking with the file they wrote; a list on screen records here which
list, which scope (village, year) and how many rows were shown in full.
"""

from __future__ import annotations

from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database

# The audit entity of a list's unmasking; the log shows it as 健康数值.
HEALTH_ENTITY = "health_values"


def record_health_shown(db: Database, list_name: str, scope: str, rows: int) -> None:
    """One `unmask` audit entry: the health values of `rows` rows of `list_name` were shown."""
    with db.write() as session:
        audit.record(
            session,
            "unmask",
            HEALTH_ENTITY,
            None,
            None,
            {"list": list_name, "scope": scope, "rows": rows},
        )
