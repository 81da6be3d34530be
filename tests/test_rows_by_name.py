"""Rows are built by name: no row type is constructed from a starred tuple or a long list of
positional values, where a reordered query column would silently shift values (docs/rows.md)."""

from __future__ import annotations

import ast
from pathlib import Path

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
    return found


def test_no_row_is_built_by_position() -> None:
    trees = _trees(PACKAGE)
    classes = record_classes(trees)
    assert {"VolunteerRow", "CheckupRow", "ResidentRow", "RosterLine"} <= classes
    assert positional_constructions(trees, classes) == []


def test_the_scan_finds_positional_rows(tmp_path: Path) -> None:
    (tmp_path / "rows.py").write_text(
        "from typing import NamedTuple\n"
        "from dataclasses import dataclass\n"
        "class Row(NamedTuple):\n    a: int\n    b: int\n    c: int\n"
        "@dataclass(frozen=True)\nclass Data:\n    a: int\n    b: int\n    c: int\n"
        "rows = [Row(*r) for r in []]\n"
        "one = Data(1, 2, 3)\n"
        "fine = Row(a=1, b=2, c=3)\n"
        "also = Row(**{'a': 1, 'b': 2, 'c': 3})\n",
        encoding="utf-8",
    )
    trees = {
        tmp_path.joinpath("rows.py").relative_to(tmp_path): ast.parse(
            (tmp_path / "rows.py").read_text(encoding="utf-8")
        )
    }
    classes = record_classes(trees)
    assert classes == {"Row", "Data"}
    found = positional_constructions({ROOT / p: t for p, t in trees.items()}, classes)
    assert found == ["rows.py:12 Row", "rows.py:13 Data"]
