"""The checkup ledger's rows streamed from the database: the same rows, in the same order,
as the list query, and a count that agrees with them."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest
from sqlalchemy import select

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Checkup, Village
from wenming_desktop.storage.queries.checkups import checkup_rows, ledger_checkup_rows
from wenming_desktop.storage.queries.rows import stream_as


class _Pair(NamedTuple):
    id: int
    name: str


def test_streamed_rows_are_the_listed_rows(demo_workspace: Workspace) -> None:
    with demo_workspace.db.read() as session:
        year = session.scalar(select(Checkup.checkup_date).limit(1)).year  # type: ignore[union-attr]
        village_id = session.scalars(select(Village.id)).all()[-1]
        cases = [
            {"year": year},
            {"year": year, "village_id": village_id},
            {"date_from": date(year, 4, 1), "date_to": date(year, 6, 30)},
        ]
        for filters in cases:
            listed = checkup_rows(session, newest_first=False, **filters)  # type: ignore[arg-type]
            total, rows = ledger_checkup_rows(session, **filters)  # type: ignore[arg-type]
            streamed = list(rows)
            assert listed and streamed == listed and total == len(listed)
            assert all(isinstance(row, CheckupRow) for row in streamed)
        total, rows = ledger_checkup_rows(session, year=2001)
        assert total == 0 and list(rows) == []


def test_streamed_columns_are_matched_by_name() -> None:
    keys = ["name", "total", "id"]
    rows = stream_as(_Pair, keys, [("甲", 2, 1), ("乙", 2, 2)], extra=("total",))
    assert list(rows) == [_Pair(id=1, name="甲"), _Pair(id=2, name="乙")]
    with pytest.raises(ValueError, match="total"):
        stream_as(_Pair, keys, [])
