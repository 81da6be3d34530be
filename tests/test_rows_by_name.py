"""Rows are built by name: no row type is constructed from a starred tuple or a long list of
positional values, where a reordered query column would silently shift values (docs/rows.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "wenming_desktop"
# More positional values than this and a reader can no longer tell which value is which field.
MAX_POSITIONAL = 4


def _is_record_class(node: ast.ClassDef) -> bool:
    """A NamedTuple or a dataclass: the shapes rows take in this package."""
    bases = {ast.unparse(b) for b in node.bases}
    decorators = {ast.unparse(d).split("(")[0] for d in node.decorator_list}
    return "NamedTuple" in bases or bool(decorators & {"dataclass", "dataclasses.dataclass"})


def _trees(root: Path) -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(root.rglob("*.py"))
        if "migrations" not in path.parts
    }


def record_classes(trees: dict[Path, ast.Module]) -> set[str]:
    return {
        node.name
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and _is_record_class(node)
    }


def positional_constructions(trees: dict[Path, ast.Module], classes: set[str]) -> list[str]:
    """`Row(*values)` or `Row(a, b, c, …)` calls of the given classes, as "path:line Row"."""
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in classes:
                continue
            starred = any(isinstance(arg, ast.Starred) for arg in node.args)
            if starred or len(node.args) > MAX_POSITIONAL:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return sorted(found)


def test_no_row_is_built_by_position() -> None:
    trees = _trees(PACKAGE)
    classes = record_classes(trees)
    assert {"VolunteerRow", "CheckupRow", "ResidentRow", "RosterLine"} <= classes
    assert positional_constructions(trees, classes) == []


def test_the_scan_finds_positional_rows() -> None:
    source = (
        "from typing import NamedTuple\n"
        "from dataclasses import dataclass\n"
        "class Row(NamedTuple):\n    a: int\n    b: int\n    c: int\n    d: int\n    e: int\n"
        "@dataclass(frozen=True)\nclass Data:\n    a: int\n    b: int\n    c: int\n"
        "    d: int\n    e: int\n"
        "rows = [Row(*r) for r in []]\n"
        "one = Data(1, 2, 3, 4, 5)\n"
        "fine = Row(a=1, b=2, c=3, d=4, e=5)\n"
        "also = Row(**{'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5})\n"
        "short = Data(1, 2, c=3, d=4, e=5)\n"
    )
    trees = {ROOT / "rows.py": ast.parse(source)}
    classes = record_classes(trees)
    assert classes == {"Row", "Data"}
    assert positional_constructions(trees, classes) == ["rows.py:16 Row", "rows.py:17 Data"]


def test_rows_as_matches_columns_to_fields_by_name(workspace) -> None:
    from typing import NamedTuple

    from sqlalchemy import literal, select

    from wenming_desktop.storage.queries.rows import row_as, rows_as

    class Pair(NamedTuple):
        name: str
        count: int

    with workspace.db.read() as session:
        same_order = select(literal("甲").label("name"), literal(1).label("count"))
        other_order = select(literal(2).label("count"), literal("乙").label("name"))
        assert rows_as(Pair, session.execute(same_order)) == [Pair(name="甲", count=1)]
        assert rows_as(Pair, session.execute(other_order)) == [Pair(name="乙", count=2)]
        assert row_as(Pair, session.execute(other_order).first()) == Pair(name="乙", count=2)
        assert row_as(Pair, None) is None
        unlabelled = select(literal("丙").label("name"), literal(3).label("n"))
        with pytest.raises(ValueError, match=r"missing \['count'\], not a field \['n'\]"):
            rows_as(Pair, session.execute(unlabelled))
