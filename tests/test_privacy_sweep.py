"""A sweep over every export, PDF and the log file of the demo data: no full ID number or mobile
of a resident or volunteer, nor a village contact's phone, appears anywhere by default, and no
resident's health values appear next to their name (docs/rules.md,
"Personal information"; domain.privacy).

New exports join the sweep by adding their command to COMMANDS. Placeholders: {exports} the
exports folder, {health_day} a checkup day's activity, {staff_no} a volunteer, {registry} a
national-system roster export built from the demo volunteers (full IDs and phones in it).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import run_cli
from tests.pdf_helpers import pdf_text
from tests.roster_samples import registry_workbook

YEAR = str(date.today().year)
LAST_YEAR = str(date.today().year - 1)
COMMANDS = [
    ("export", "summary", "--period", YEAR),
    ("export", "audit", "--period", YEAR),
    ("packet", "--period", YEAR, "-o", "{exports}/材料包.zip"),
    ("packet", "--period", LAST_YEAR, "-o", "{exports}/上年材料包.zip"),
    ("export", "record", "1"),
    ("export", "villages"),
    ("export", "volunteers"),
    ("export", "hours", "--year", YEAR),
    ("export", "checkups", "--year", YEAR),
    ("export", "checkups", "--year", LAST_YEAR),
    ("export", "activities", "--year", YEAR),
    ("export", "signin", "{health_day}"),
    ("export", "signin", "{health_day}", "--residents", "--blank", "2"),
    ("export", "certificate", "{staff_no}", "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31"),
    ("import", "registry", "{registry}", "--dry-run", "-o", "{exports}/注册核对差异表.xlsx"),
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


def placeholders(root: Path, tmp_path: Path) -> dict[str, str]:
    conn = sqlite3.connect(str(root / "wenming.db"))
    try:
        (health_day,) = conn.execute(
            "SELECT a.id FROM activity a JOIN category c ON c.id = a.category_id"
            " WHERE c.is_health = 1 ORDER BY a.start_at LIMIT 1"
        ).fetchone()
        (staff_no,) = conn.execute("SELECT staff_no FROM volunteer ORDER BY id LIMIT 1").fetchone()
        people = conn.execute(
            "SELECT name, phone, id_number FROM volunteer ORDER BY id LIMIT 20"
        ).fetchall()
    finally:
        conn.close()
    registry = registry_workbook(
        tmp_path / "全国系统导出.xlsx",
        [(n, p, i, f"R{k}", "2021-05-01", 999) for k, (n, p, i) in enumerate(people)],
    )
    return {
        "exports": str(root / "exports"),
        "health_day": str(health_day),
        "staff_no": staff_no,
        "registry": str(registry),
    }


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
    values = placeholders(root, tmp_path)
    for command in COMMANDS:
        args = [a.format(**values) for a in command]
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

    # Residents' health values next to their names: none by default...
    health = health_values(root / "wenming.db")
    assert len(health) > 100
    for path in files:
        for where, leaked in health_leaks(path, health):
            assert not leaked, f"{where}: {leaked[:3]}"
    # ...while the same ledger exported unmasked is caught, row after row.
    unmasked = tmp_path / "未脱敏台账.xlsx"
    result = run_cli(
        "export", "checkups", "--year", YEAR, "--unmasked", "-o", str(unmasked),
        "--data-dir", str(root),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    caught = [leaked for _where, leaked in health_leaks(unmasked, health) if leaked]
    assert len(caught) > 100  # rows caught


# Resident name → the (blood pressure "sss/ddd", glucose, weight) of each of their checkups.
HealthValues = dict[str, list[tuple[str | None, float | None, float | None]]]


def health_values(database: Path) -> HealthValues:
    conn = sqlite3.connect(str(database))
    try:
        values: HealthValues = defaultdict(list)
        for name, systolic, diastolic, glucose, weight in conn.execute(
            "SELECT r.name, c.systolic, c.diastolic, c.fasting_glucose, c.weight_kg"
            " FROM checkup c JOIN resident r ON r.id = c.resident_id"
        ):
            pressure = f"{systolic}/{diastolic}" if systolic and diastolic else None
            values[name].append((pressure, glucose, weight))
        return values
    finally:
        conn.close()


_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:/\d+)?(?![\d.])")


def units_of(path: Path) -> list[tuple[str, str]]:
    """(where, text) per row of a sheet, per line of a PDF or text file, inside zips too."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        try:
            return [
                (f"{path}!{sheet.title}!{n}", " ".join(str(v) for v in row if v is not None))
                for sheet in book.worksheets
                for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        finally:
            book.close()
    if suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            unpacked = path.with_name(path.name + ".units")
            archive.extractall(unpacked)
        return [
            u for inner in sorted(unpacked.rglob("*")) if inner.is_file() for u in units_of(inner)
        ]
    return [
        (f"{path}:{n}", line)
        for where, text in texts_of(path)
        for n, line in enumerate(text.splitlines(), start=1)
    ]


def health_leaks(path: Path, health: HealthValues) -> list[tuple[str, list[str]]]:
    """Rows or lines naming a resident next to that resident's own health values: their blood
    pressure "sss/ddd", or their glucose and weight of one checkup together, both written with a
    decimal point (as a sheet stores them; a row number or "第6村民小组" is not a glucose).
    Aggregates name nobody, and a masked row holds "***", so neither can match; a leaked ledger
    row always does."""
    out = []
    for where, text in units_of(path):
        numbers = _NUMBER.findall(text)
        if not numbers:
            continue
        pressures = {n for n in numbers if "/" in n}
        decimals = {float(n) for n in numbers if "." in n}  # "6" and "54" are too common
        leaked = []
        for name, checkups in health.items():
            if name not in text:
                continue
            for pressure, glucose, weight in checkups:
                if pressure in pressures or (
                    glucose is not None and weight is not None and {glucose, weight} <= decimals
                ):
                    leaked.append(f"{name} {pressure} {glucose} {weight}")
        out.append((where, leaked))
    return out


def leaks(path: Path, secrets: set[str]) -> list[tuple[str, list[str]]]:
    out = []
    for where, text in texts_of(path):
        compact = text.replace(" ", "").replace("\n", "").replace("\r", "")
        out.append((where, sorted(s for s in secrets if s in compact)))
    return out
