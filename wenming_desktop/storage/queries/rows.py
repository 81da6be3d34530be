"""Row types built from query results by column name, never by position.

A query labels each selected column with the name of the row field it fills (`Village.name
.label("village")`); `rows_as` matches the result's column names to the row type's fields once
per result and fails at once, naming the columns, when they differ. Reordering the select cannot
shift a value into the wrong field (docs/rows.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import Result, Row

R = TypeVar("R", covariant=True)


class RowType(Protocol[R]):
    """A NamedTuple class: its field names and its constructor from values in field order."""

    @property
    def _fields(self) -> tuple[str, ...]: ...

    def _make(self, iterable: Iterable[Any], /) -> R: ...


def _order(row_type: RowType[Any], keys: Sequence[str]) -> list[int] | None:
    """Positions of the row type's fields among the result's columns; None when they are the
    same names in the same order."""
    fields = list(row_type._fields)
    if list(keys) == fields:
        return None
    if sorted(keys) != sorted(fields):
        missing = sorted(set(fields) - set(keys))
        extra = sorted(set(keys) - set(fields))
        raise ValueError(
            f"the query's columns do not name the fields of {row_type!r}: "
            f"missing {missing}, not a field {extra}"
        )
    return [list(keys).index(field) for field in fields]


def rows_as(row_type: RowType[R], result: Result[Any]) -> list[R]:
    """Every row of `result` as `row_type`, each value going to the field its column names."""
    order = _order(row_type, list(result.keys()))
    make = row_type._make
    if order is None:
        return [make(row) for row in result]
    return [make([row[i] for i in order]) for row in result]


def row_as(row_type: RowType[R], row: Row[Any] | None) -> R | None:
    """One row as `row_type` (None stays None), by column name."""
    if row is None:
        return None
    order = _order(row_type, list(row._fields))
    return row_type._make(row if order is None else [row[i] for i in order])
