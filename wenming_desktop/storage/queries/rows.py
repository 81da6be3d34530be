"""Row types built from query results by column name, never by position.

A query labels each selected column with the name of the row field it fills (`Village.name
.label("village")`); `rows_as` matches the result's column names to the row type's fields once
per result and fails at once, naming the columns, when they differ. Reordering the select cannot
shift a value into the wrong field (docs/rows.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Result, Row

# A NamedTuple class: its `_fields` and `_make` are members a bare tuple type does not declare,
# so they are read through `_fields_of` and `_maker` below.
R = TypeVar("R", bound=tuple[Any, ...])


def _fields_of(row_type: type[tuple[Any, ...]]) -> tuple[str, ...]:
    fields: tuple[str, ...] = getattr(row_type, "_fields")  # noqa: B009  # see R
    return fields


def _maker(row_type: type[R]) -> Callable[[Iterable[Any]], R]:
    make: Callable[[Iterable[Any]], R] = getattr(row_type, "_make")  # noqa: B009  # see R
    return make


def _order(row_type: type[tuple[Any, ...]], keys: Sequence[str]) -> list[int] | None:
    """Positions of the row type's fields among the result's columns; None when they are the
    same names in the same order."""
    fields = list(_fields_of(row_type))
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


def rows_as(row_type: type[R], result: Result[Any]) -> list[R]:
    """Every row of `result` as `row_type`, each value going to the field its column names."""
    order = _order(row_type, list(result.keys()))
    make = _maker(row_type)
    if order is None:
        return [make(row) for row in result]
    return [make([row[i] for i in order]) for row in result]


def row_as(row_type: type[R], row: Row[Any] | None) -> R | None:
    """One row as `row_type` (None stays None), by column name."""
    if row is None:
        return None
    order = _order(row_type, list(row._fields))
    return _maker(row_type)(row if order is None else [row[i] for i in order])


def stream_as(
    row_type: type[R], keys: Sequence[str], rows: Iterable[Row[Any]], extra: Sequence[str] = ()
) -> Iterator[R]:
    """The `rows` of a result whose columns are `keys` as `row_type`, one at a time, as the
    result streams (nothing is kept); columns named in `extra` are left out, the others must
    name the row type's fields (as for `rows_as`)."""
    kept = [i for i, key in enumerate(keys) if key not in extra]
    order = _order(row_type, [keys[i] for i in kept])
    positions = kept if order is None else [kept[i] for i in order]
    make = _maker(row_type)
    pick = itemgetter(*positions)
    return map(make, map(pick, rows))
