"""SIGKILL at random moments during the demo load, an HR import, a ledger export and a filing
packet: the database holds all or none of a batch and passes the integrity check; no half-written
export file or packet is ever left under its final name."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import ROOT
from wenming_desktop.config import DataFolder
from wenming_desktop.services.safety.integrity import full_check
from wenming_desktop.services.settings.workspace import open_workspace

KILLS = 20
BATCH_TABLES = ("village", "volunteer", "activity", "participation", "resident", "checkup")
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}

LEDGER_SCRIPT = """
import sys
from pathlib import Path
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
rows = int(sys.argv[2])
print("start", flush=True)
with Ledger(Path(sys.argv[1])) as book:
    sheet = book.sheet("台账", "志愿服务台账", "测试", [LedgerColumn(f"列{i}") for i in range(8)])
    for r in range(rows):
        sheet.append([f"第{r}行", r, r * 1.5, "=SUM(A1)", "文字" * 5, r % 7, "-", "@x"])
print("done", flush=True)
"""

# Kills processes writing the SQLite file and reads the file afterwards.
pytestmark = pytest.mark.sqlite_only


def counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(str(database))
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return {
            t: (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if t in present else 0)
            for t in BATCH_TABLES
        }
    finally:
        conn.close()


def integrity(database: Path) -> list[str]:
    conn = sqlite3.connect(str(database))
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def run_until_line(args: list[str], marker: str) -> tuple[subprocess.Popen, float]:
    """Start a process and return once it printed `marker` (or ended)."""
    proc = subprocess.Popen(
        args, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if marker in line:
            break
    return proc, time.monotonic()


def kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.stdout is not None
    proc.stdout.close()


def demo_args(folder: Path) -> list[str]:
    return [sys.executable, "-m", "wenming_desktop", "--data-dir", str(folder), "demo"]


@pytest.mark.slow
def test_killing_a_demo_load_leaves_all_or_none(tmp_path: Path) -> None:
    # One full run: the expected counts and how long the write takes after its first line.
    proc, began = run_until_line(demo_args(tmp_path / "full"), "正在写入")
    assert proc.stdout is not None
    for line in proc.stdout:
        if "演示数据已写入" in line:  # printed right after the commit
            break
    write_time = time.monotonic() - began
    assert proc.wait() == 0
    proc.stdout.close()
    full = counts(tmp_path / "full" / "wenming.db")
    assert all(full.values())
    rng = random.Random(8)
    outcomes = {"all": 0, "none": 0}
    for i in range(KILLS):
        folder = tmp_path / f"kill{i}"
        proc, _ = run_until_line(demo_args(folder), "正在写入")
        time.sleep(rng.uniform(0, write_time * 1.1))
        kill(proc)
        database = folder / "wenming.db"
        assert integrity(database) == ["ok"], f"kill {i}"
        found = counts(database)
        assert found in (full, dict.fromkeys(BATCH_TABLES, 0)), f"kill {i}: {found}"
        outcomes["all" if found == full else "none"] += 1
        ws = open_workspace(DataFolder(folder))  # the program starts normally afterwards
        assert full_check(ws.db) == []
        ws.close()
    assert outcomes["none"] >= KILLS // 2  # most kills landed inside the transaction
    print(f"demo kills: {outcomes}")


@pytest.mark.slow
def test_killing_a_ledger_export_never_leaves_a_partial_file(tmp_path: Path) -> None:
    rows = 4000
    target = tmp_path / "台账.xlsx"
    args = [sys.executable, "-c", LEDGER_SCRIPT, str(target), str(rows)]
    proc, began = run_until_line(args, "start")
    assert proc.wait() == 0
    export_time = time.monotonic() - began
    assert proc.stdout is not None
    proc.stdout.close()
    rng = random.Random(8)
    outcomes = {"complete": 0, "absent": 0}
    for i in range(KILLS):
        target = tmp_path / f"kill{i}" / "台账.xlsx"
        target.parent.mkdir()
        proc, _ = run_until_line([*args[:3], str(target), str(rows)], "start")
        time.sleep(rng.uniform(0, export_time * 1.1))
        kill(proc)
        if target.exists():
            book = load_workbook(target, read_only=True)
            values = list(book["台账"].iter_rows(values_only=True))
            assert len(values) == rows + 3, f"kill {i}"
            assert values[-1][:4] == (f"第{rows - 1}行", rows - 1, (rows - 1) * 1.5, "=SUM(A1)")
            book.close()
            outcomes["complete"] += 1
        else:
            outcomes["absent"] += 1
        leftovers = [p.name for p in target.parent.iterdir() if p != target]
        assert all(name.startswith(".") and ".part" in name for name in leftovers)
    assert outcomes["absent"] > 0
    print(f"export kills: {outcomes}")


# An HR import (CLI) into a folder with data, and a filing packet (CLI, folder and zip).

IMPORT_KILLS = 20
IMPORT_ROWS = 3000
PACKET_KILLS = 20


def hr_sheet(path: Path, database: Path) -> Path:
    """IMPORT_ROWS rows: every existing volunteer updated (new 科室 and 职称), the rest new."""
    from openpyxl import Workbook

    from wenming_desktop.domain.identity import id_check_char

    conn = sqlite3.connect(str(database))
    existing = conn.execute("SELECT staff_no, name FROM volunteer ORDER BY id").fetchall()
    conn.close()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("职工花名册")
    sheet.append(["姓名", "工号", "科室", "职称", "政治面貌", "手机", "身份证号"])
    for staff_no, name in existing:
        sheet.append([name, staff_no, "导入后科室", "主任医师", None, None, None])
    for i in range(len(existing), IMPORT_ROWS):
        first17 = f"23040219{80 + i % 20:02d}{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
        sheet.append([f"职工{i:04d}", f"HR{i:05d}", f"科室{i % 30}", "医师", "群众",
                      f"139{i:08d}", first17 + id_check_char(first17)])  # fmt: skip
    book.save(path)
    return path


def roster_state(database: Path) -> tuple[list[tuple], list[tuple], int]:
    """Every volunteer and department row, and how many audit entries."""
    conn = sqlite3.connect(str(database))
    try:
        return (
            conn.execute("SELECT * FROM volunteer ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM department ORDER BY id").fetchall(),
            conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0],
        )
    finally:
        conn.close()


def cli_args(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "wenming_desktop", "--data-dir", str(folder), *args]


def start(args: list[str]) -> tuple[subprocess.Popen, float]:
    proc = subprocess.Popen(
        args, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    return proc, time.monotonic()


@pytest.mark.slow
def test_killing_an_hr_import_leaves_all_or_none(tmp_path: Path, demo_template: Path) -> None:
    sheet = hr_sheet(tmp_path / "人事花名册.xlsx", demo_template / "wenming.db")
    folder = tmp_path / "full"
    shutil.copytree(demo_template, folder)
    before = roster_state(folder / "wenming.db")
    # One full run: its whole duration, and when the writing starts (the summary line).
    proc, began = start(cli_args(folder, "import", "volunteers", str(sheet)))
    assert proc.stdout is not None
    planned = next(time.monotonic() for line in proc.stdout if "读取数据 3000 行" in line)
    assert proc.wait() == 0
    ended = time.monotonic()
    proc.stdout.close()
    after = roster_state(folder / "wenming.db")
    assert len(after[0]) == IMPORT_ROWS and after[2] > before[2]
    rng = random.Random(8)
    outcomes = {"all": 0, "none": 0}
    phases = {"reading": 0, "writing": 0, "done": 0}  # what the killed run had printed
    for i in range(IMPORT_KILLS):
        folder = tmp_path / f"kill{i}"
        shutil.copytree(demo_template, folder)
        proc, _ = start(cli_args(folder, "import", "volunteers", str(sheet)))
        assert proc.stdout is not None
        printed = ""
        # Half the kills anywhere in the run, half in the writing after the preview: those wait
        # for this run's own summary line, since start-up time varies more than the write lasts.
        if i % 2:
            time.sleep(rng.uniform(0, (ended - began) * 1.05))
        else:
            for line in proc.stdout:
                printed += line
                if "读取数据 3000 行" in line:
                    break
            time.sleep(rng.uniform(0, (ended - planned) * 0.8))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        printed += proc.stdout.read()
        proc.stdout.close()
        writing = "读取数据 3000 行" in printed
        phase = "done" if "已导入" in printed else "writing" if writing else "reading"
        phases[phase] += 1
        database = folder / "wenming.db"
        assert integrity(database) == ["ok"], f"kill {i}"
        found = roster_state(database)
        assert found in (before, after), f"kill {i}: {len(found[0])} volunteers"
        outcomes["all" if found == after else "none"] += 1
        if phase == "reading":
            assert found == before
        ws = open_workspace(DataFolder(folder))  # the program starts normally afterwards
        assert full_check(ws.db) == []
        ws.close()
        shutil.rmtree(folder)
    assert phases["writing"] >= 3  # some kills landed inside the write
    print(
        f"import kills: {outcomes}, by phase {phases}; "
        f"run {ended - began:.1f} s, writing {ended - planned:.1f} s"
    )


def packet_complete(target: Path) -> bool:
    """A finished packet: index, manifest, and every file the manifest lists, with its hash."""
    if target.suffix == ".zip":
        with zipfile.ZipFile(target) as archive:
            assert archive.testzip() is None
            files = {
                name.split("/", 1)[1]: archive.read(name)
                for name in archive.namelist()
                if not name.endswith("/")
            }
    else:
        files = {
            p.relative_to(target).as_posix(): p.read_bytes()
            for p in target.rglob("*")
            if p.is_file()
        }
    manifest = files.pop("清单_SHA256.txt").decode("utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in manifest)
    assert "00_目录.pdf" in files and any(n.startswith("01_台账/") for n in files)
    assert set(listed) == set(files)
    assert all(hashlib.sha256(files[n]).hexdigest() == h for n, h in listed.items())
    return True


@pytest.mark.slow
def test_killing_a_packet_never_leaves_a_partial_one(tmp_path: Path, demo_template: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    out = tmp_path / "归档 输出"
    period = f"{date.today().year - 1}-07"

    def packet(target: Path) -> list[str]:
        return cli_args(folder, "packet", "--period", period, "-o", str(target))

    proc, began = start(packet(out / "full.zip"))
    assert proc.wait() == 0
    run_time = time.monotonic() - began
    assert proc.stdout is not None
    proc.stdout.close()
    assert packet_complete(out / "full.zip")
    rng = random.Random(8)
    outcomes = {"complete": 0, "absent": 0}
    phases = {"building": 0, "publishing": 0, "done": 0}  # what the killed run had printed
    for i in range(PACKET_KILLS):
        target = out / (f"kill{i}.zip" if i % 2 else f"kill{i}")
        proc, _ = start(packet(target))
        assert proc.stdout is not None
        printed = ""
        if i % 5 == 4:  # every fifth kill aims at the last step: the move or zip into place
            printed = next(line for line in proc.stdout if "目录与清单" in line or "已生成" in line)
            time.sleep(rng.uniform(0, 0.1))
        else:
            time.sleep(rng.uniform(0, run_time * 1.2))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        printed += proc.stdout.read()
        proc.stdout.close()
        phase = (
            "done"
            if "已生成" in printed
            else "publishing"
            if "目录与清单" in printed
            else "building"
        )
        phases[phase] += 1
        assert integrity(folder / "wenming.db") == ["ok"], f"kill {i}"
        if target.exists():
            assert packet_complete(target), f"kill {i}"
            outcomes["complete"] += 1
        else:
            outcomes["absent"] += 1
    leftovers = [p for p in out.iterdir() if not p.name.startswith(("kill", "full"))]
    assert all(p.name.startswith(".") for p in leftovers), leftovers  # hidden, never final
    ws = open_workspace(DataFolder(folder))
    assert full_check(ws.db) == []
    ws.close()
    # A later packet in the same folder clears leftovers a day old (younger ones may be live).
    stale = time.time() - 2 * 24 * 3600
    for path in leftovers:
        os.utime(path, (stale, stale))
    proc, _ = start(packet(out / "again"))
    assert proc.wait() == 0
    assert proc.stdout is not None
    proc.stdout.close()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert outcomes["absent"] > 0
    print(
        f"packet kills: {outcomes}, by phase {phases}, hidden leftovers {len(leftovers)}; "
        f"run {run_time:.1f} s"
    )
