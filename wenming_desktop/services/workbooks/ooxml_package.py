"""Repairing .xlsx packages that Excel and LibreOffice open but openpyxl does not.

Three kinds, all fixed by rewriting the package (streamed, member by member) into a temporary
copy that the reader then opens:

- Strict Open XML (ISO/IEC 29500 strict, "Strict Open XML Spreadsheet" in Excel's Save As): the
  `http://purl.oclc.org/ooxml/…` namespaces are replaced by their transitional equivalents.
- Part names that differ only in letter case from how the package refers to them
  (`xl/SharedStrings.xml` for `/xl/sharedStrings.xml`, `XL/Worksheets/…`, a relationships part
  `xl/_rels/Workbook.xml.rels` named after its source `xl/workbook.xml`): OPC part names are
  case-insensitive (ECMA-376 Part 2, 6.2.2.3), zip entries are not.
- Zip entry names written with backslashes (`xl\\worksheets\\sheet1.xml`).

The guard (workbook_guard) has judged sizes and ratios of the original before this runs; the
copy has the same members. No Qt here.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import tempfile
import zipfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO

STRICT_PREFIX = b"http://purl.oclc.org/ooxml/"
# Strict namespace → transitional namespace; a prefix of relationship types covers them too.
_STRICT_TO_TRANSITIONAL: tuple[tuple[bytes, bytes], ...] = tuple(
    (STRICT_PREFIX + strict, b"http://schemas.openxmlformats.org/" + transitional)
    for strict, transitional in (
        (b"spreadsheetml/main", b"spreadsheetml/2006/main"),
        (b"officeDocument/relationships", b"officeDocument/2006/relationships"),
        (b"officeDocument/extendedProperties", b"officeDocument/2006/extended-properties"),
        (b"officeDocument/customProperties", b"officeDocument/2006/custom-properties"),
        (b"officeDocument/sharedTypes", b"officeDocument/2006/sharedTypes"),
        (b"officeDocument/docPropsVTypes", b"officeDocument/2006/docPropsVTypes"),
        (b"drawingml/main", b"drawingml/2006/main"),
        (b"drawingml/spreadsheetDrawing", b"drawingml/2006/spreadsheetDrawing"),
        (b"drawingml/chart", b"drawingml/2006/chart"),
    )
)
_PART_NAME = re.compile(rb'PartName\s*=\s*"([^"]+)"')
_TARGET = re.compile(rb'Target\s*=\s*"([^"]+)"')
_EXTERNAL = re.compile(rb'TargetMode\s*=\s*"External"')
BLOCK = 1 << 20


def entry_name(name: str) -> str:
    """A zip entry name as a part name: forward slashes, no leading slash."""
    return name.replace("\\", "/").lstrip("/")


def _rels_source(lower: str) -> str:
    """The part a relationships part belongs to (`xl/_rels/workbook.xml.rels` →
    `xl/workbook.xml`); "" for the package's own `_rels/.rels`."""
    folder, base = posixpath.split(lower)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]).lstrip("/")


def _referenced(archive: zipfile.ZipFile, names: dict[str, str]) -> dict[str, str]:
    """lower-case part name → the part name the package refers to it by: content-type
    overrides, relationship targets, and each relationships part named after its source part
    (`xl/_rels/Workbook.xml.rels` belongs to `xl/workbook.xml`). Relationship parts are read
    from the package root down, so a target is resolved against its source's own name."""
    found = ["[Content_Types].xml", "_rels/.rels"]
    types = names.get("[content_types].xml")
    if types is not None:
        found += [
            entry_name(m.decode("utf-8", "replace"))
            for m in _PART_NAME.findall(archive.read(types)[:4_000_000])
        ]
    canonical = {name.lower(): name for name in reversed(found)}
    rels = sorted((n for n in names if n.endswith(".rels")), key=lambda n: n.count("/"))
    for lower in rels:
        source = _rels_source(lower)
        source_name = canonical.get(source, source) if source else ""
        source_dir = posixpath.dirname(source_name)
        if source:
            own = posixpath.join(source_dir, "_rels", posixpath.basename(source_name) + ".rels")
            canonical.setdefault(lower, own)
        for tag in re.findall(
            rb"<[^>]*Relationship\b[^>]*>", archive.read(names[lower])[:4_000_000]
        ):
            target = _TARGET.search(tag)
            if target is None or _EXTERNAL.search(tag):
                continue
            text = target.group(1).decode("utf-8", "replace")
            path = text.lstrip("/") if text.startswith("/") else posixpath.join(source_dir, text)
            path = posixpath.normpath(path)
            canonical.setdefault(path.lower(), path)
    return canonical


def repair_plan(path: Path) -> tuple[dict[str, str], bool] | None:
    """(entry → part name, strict) when the package needs repairing, else None."""
    with zipfile.ZipFile(path) as archive:
        names = {entry_name(n).lower(): n for n in archive.namelist()}
        referenced = _referenced(archive, names)
        renames = {real: referenced.get(lower, entry_name(real)) for lower, real in names.items()}
        workbook = names.get("xl/workbook.xml")
        head = archive.read(workbook)[:4096] if workbook else b""
    strict = STRICT_PREFIX in head
    if not strict and all(real == new for real, new in renames.items()):
        return None
    return renames, strict


def _copy(source: IO[bytes], target: zipfile.ZipFile, name: str, strict: bool) -> None:
    with target.open(name, "w", force_zip64=True) as out:
        if not strict or not name.endswith((".xml", ".rels")):
            shutil.copyfileobj(source, out, BLOCK)
            return
        carry = b""
        while block := source.read(BLOCK):
            text = carry + block
            cut = text.rfind(b"<")  # a namespace never contains "<": nothing is cut in two
            if cut <= 0:
                cut = max(0, len(text) - 256)
            out.write(_to_transitional(text[:cut]))
            carry = text[cut:]
        out.write(_to_transitional(carry))


def _to_transitional(data: bytes) -> bytes:
    if STRICT_PREFIX not in data:
        return data
    for strict, transitional in _STRICT_TO_TRANSITIONAL:
        data = data.replace(strict, transitional)
    return data


def repaired(path: Path, stack: ExitStack) -> Path:
    """`path`, or a repaired copy of it in a temporary folder removed with `stack`."""
    plan = repair_plan(path)
    if plan is None:
        return path
    renames, strict = plan
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="wenming-xlsx-")))
    copy = folder / "repaired.xlsx"
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            if info.is_dir():
                continue
            with archive.open(info) as source:
                _copy(source, out, renames[info.filename], strict)
    return copy
