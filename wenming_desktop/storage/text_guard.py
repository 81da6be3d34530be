"""Applying domain.text_clean where text enters the database.

Two hooks, registered by `make_engine` for SQLite and server engines alike:
- before every ORM flush, each changed text attribute of a new or changed row is cleaned by
  its column's kind (`String` single-line, `Text` multi-line);
- before every statement, string parameters are cleaned as multi-line text: a net for Core
  inserts (imports write rows in bulk) that bypass the ORM.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, String, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from wenming_desktop.domain.text_clean import clean_text


def _clean_object(obj: Any) -> None:
    state = inspect(obj)
    for prop in state.mapper.column_attrs:
        column_type = prop.columns[0].type
        value = state.dict.get(prop.key)
        if isinstance(column_type, String) and isinstance(value, str):
            clean = clean_text(value, multiline=isinstance(column_type, Text))
            if clean != value:
                setattr(obj, prop.key, clean)


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        _clean_object(obj)


def _clean_parameters(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        return {k: clean_text(v, True) if isinstance(v, str) else v for k, v in parameters.items()}
    if isinstance(parameters, tuple):
        return tuple(clean_text(v, True) if isinstance(v, str) else v for v in parameters)
    if isinstance(parameters, list):
        return [_clean_parameters(p) for p in parameters]
    return parameters


def _before_cursor_execute(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    return statement, _clean_parameters(parameters)


def install(engine: Engine) -> None:
    """Clean text parameters of `engine`'s statements, and ORM rows before every flush."""
    event.listen(engine, "before_cursor_execute", _before_cursor_execute, retval=True)
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
