"""No two modules of the package import each other, directly or round a longer loop.

Module-level imports count, those under `if TYPE_CHECKING:` too (a cycle for the type checker is
a cycle for the reader); imports inside functions, made lazily on purpose, do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "wenming_desktop"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(body: list[ast.stmt], modules: set[str]) -> set[str]:
    found: set[str] = set()
    for node in body:
        if isinstance(node, ast.If):
            found |= _imports(node.body, modules) | _imports(node.orelse, modules)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found & modules


def import_graph(root: Path) -> dict[str, set[str]]:
    files = [p for p in root.rglob("*.py") if "migrations" not in p.relative_to(ROOT).parts]
    paths = {_module_name(p): p for p in files}
    modules = set(paths)
    return {
        name: _imports(ast.parse(path.read_text(encoding="utf-8")).body, modules) - {name}
        for name, path in paths.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE)
    assert "wenming_desktop.ui.pages.roster.volunteer_actions" in graph
    assert cycles(graph) == []


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
