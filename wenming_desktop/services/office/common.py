"""Checks and audit snapshots shared by the office's use cases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import inspect as sa_inspect

from wenming_desktop.domain.errors import UserError


def required(text: str, what: str, max_length: int) -> str:
    """`text` stripped; empty or too long is a UserError naming `what`."""
    value = (text or "").strip()
    if not value:
        raise UserError(f"{what}不能为空")
    if len(value) > max_length:
        raise UserError(f"{what}太长（最多 {max_length} 个字）")
    return value


def optional(text: str, what: str, max_length: int) -> str:
    value = (text or "").strip()
    if len(value) > max_length:
        raise UserError(f"{what}太长（最多 {max_length} 个字）")
    return value


def choice(value: str, options: Sequence[str], what: str) -> str:
    text = (value or "").strip()
    if text not in options:
        raise UserError(f"{what}“{text}”不在可选范围内（{'、'.join(options)}）")
    return text


def snapshot(row: Any) -> dict[str, Any]:
    """The column values of an ORM row, for the audit log (its version left out)."""
    mapper = sa_inspect(type(row))
    return {
        column.key: getattr(row, column.key)
        for column in mapper.column_attrs
        if column.key != "version"
    }


def changed(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, old and new."""
    keys = [k for k in new if old.get(k) != new[k]]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}
