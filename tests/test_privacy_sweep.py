"""A sweep over every export, PDF and the log file of the demo data: no full ID number or mobile
of a resident or volunteer, nor a village contact's phone, appears anywhere by default (issue 8,
DESIGN §3).

New exports join the sweep by adding their command to COMMANDS.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import run_cli
from tests.pdf_helpers import pdf_text

YEAR = str(date.today().year)
COMMANDS = [
    ("export", "summary", "--period", YEAR),
    ("export", "audit", "--period", YEAR),
    ("packet", "--period", YEAR, "-o", "{exports}/材料包.zip"),
    ("export", "record", "1"),
    ("export", "villages"),
    ("check",),
]


def sensitive_values(database: Path) -> set[str]:
    conn = sqlite3.connect(str(database))
    try:
        values = set()
        for table in ("resident", "volunteer"):
            for id_number, phone in conn.execute(f"SELECT id_number, phone FROM {table}"):
                values.update(v for v in (id_number, phone) if v)
        values.update(p for (p,) in conn.execute("SELECT contact_phone FROM village") if p)
        return values
    finally:
        conn.close()


def texts_of(path: Path) -> list[tuple[str, str]]:
    """(where, text) of a file, looking inside PDFs, workbooks and zips."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return [(str(path), pdf_text(path))]
    if suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        try:
            return [
                (
                    f"{path}!{sheet.title}",
                    " ".join(
                        str(v)
                        for row in sheet.iter_rows(values_only=True)
                        for v in row
                        if v is not None
                    ),
                )
                for sheet in book.worksheets
            ]
        finally:
            book.close()
    if suffix == ".zip":
        out = []
        with zipfile.ZipFile(path) as archive:
            unpacked = path.with_suffix(".unpacked")
            archive.extractall(unpacked)
        for inner in sorted(unpacked.rglob("*")):
            if inner.is_file():
                out.extend(texts_of(inner))
        return out
    return [(str(path), path.read_bytes().decode("utf-8", errors="replace"))]


@pytest.mark.slow
def test_no_unmasked_id_or_mobile_in_any_export_or_the_log(
    demo_template: Path, tmp_path: Path
) -> None:
    root = tmp_path / "数据"
    shutil.copytree(demo_template, root)
    exports = root / "exports"
    for command in COMMANDS:
        args = [a.format(exports=exports) for a in command]
        result = run_cli(*args, "--data-dir", str(root))
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout
    secrets = sensitive_values(root / "wenming.db")
    assert len(secrets) > 300
    files = [p for p in exports.rglob("*") if p.is_file()]
    files += [p for p in (root / "logs").rglob("*") if p.is_file()]
    assert any(p.suffix == ".pdf" for p in files) and any(p.suffix == ".xlsx" for p in files)
    checked = 0
    for path in files:
        for where, leaked in leaks(path, secrets):
            assert not leaked, f"{where}: {leaked[:3]}"
            checked += 1
    assert checked >= 5
    control = tmp_path / "control.txt"  # the sweep does see a leak
    control.write_text(f"身份证 {sorted(secrets)[0]}", encoding="utf-8")
    assert any(leaked for _where, leaked in leaks(control, secrets))


def leaks(path: Path, secrets: set[str]) -> list[tuple[str, list[str]]]:
    out = []
    for where, text in texts_of(path):
        compact = text.replace(" ", "").replace("\n", "").replace("\r", "")
        out.append((where, sorted(s for s in secrets if s in compact)))
    return out
