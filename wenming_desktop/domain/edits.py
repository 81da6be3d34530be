"""Saving an edit when several PCs (or the window and the command line) change one record.

A dialog keeps what it showed (`Seen`: the values and the record's version). On saving, only
the fields the clerk changed are written. If the record was saved by someone else meanwhile
(its version moved on) and one of the clerk's changed fields was changed there too, the save
is refused (`StaleRecord`) instead of silently overwriting the newer value; changes to
different fields are both kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from wenming_desktop.domain.errors import StaleRecord

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Seen(Generic[T]):
    """The values a dialog was opened with and the record's version at that moment."""

    data: T
    version: int


def changed_fields(original: Any, edited: Any) -> dict[str, Any]:
    """{field: edited value} for every dataclass field whose value differs from `original`."""
    return {
        f.name: getattr(edited, f.name)
        for f in dataclasses.fields(edited)
        if getattr(edited, f.name) != getattr(original, f.name)
    }


def fields_to_save(current: T, version: int, seen: Seen[T], edited: T, what: str) -> dict[str, Any]:
    """The clerk's changes to write, or StaleRecord when they would overwrite a newer change.

    `current`/`version`: the record as stored now; `what` names it for the message
    (e.g. 结对村“东兴村”). Raises StaleRecord (a UserError) in Chinese.
    """
    changes = changed_fields(seen.data, edited)
    if version == seen.version:
        return changes
    clashes = [name for name in changes if getattr(current, name) != getattr(seen.data, name)]
    if clashes:
        raise StaleRecord(
            f"{what}在你打开之后已被别人修改并保存（另一台电脑或命令行），"
            "你的修改与之冲突，未保存。请重新载入最新内容后再修改。"
        )
    return changes


def values_to_save(
    current: T, version: int, seen: Seen[T] | None, edited: T, what: str
) -> dict[str, Any]:
    """`fields_to_save`, or every field of `edited` when no `seen` was kept (a caller that
    writes the whole record on purpose, e.g. an import or the command line)."""
    if seen is None:
        record: Any = edited
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    return fields_to_save(current, version, seen, edited, what)


def merge_edit(current: T, version: int, seen: Seen[T] | None, edited: T, what: str) -> T:
    """The record to write: `edited` as it is without `seen`; with it, the stored record with
    only the clerk's changed fields taken over (StaleRecord on a clash, see `fields_to_save`)."""
    if seen is None:
        return edited
    record: Any = current
    return dataclasses.replace(record, **fields_to_save(current, version, seen, edited, what))  # type: ignore[no-any-return]


def merge_cells(
    current: Mapping[K, V], seen: Mapping[K, V], edited: Mapping[K, V], what: str
) -> dict[K, V]:
    """For records kept as cells (e.g. a free clinic's figures per department and service; a
    missing key is an empty cell): the stored cells with the clerk's changed cells taken over.

    A cell the clerk changed that someone else also changed since `seen` raises StaleRecord.
    """
    changed = [k for k in seen.keys() | edited.keys() if seen.get(k) != edited.get(k)]
    if any(current.get(k) != seen.get(k) for k in changed):
        raise StaleRecord(
            f"{what}在你打开之后已被别人修改并保存（另一台电脑或命令行），"
            "你的修改与之冲突，未保存。请重新载入最新内容后再修改。"
        )
    merged = dict(current)
    for k in changed:
        if k in edited:
            merged[k] = edited[k]
        else:
            merged.pop(k, None)
    return merged
