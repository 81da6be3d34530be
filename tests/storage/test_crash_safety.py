"""SIGKILL at random moments: the database holds all or none of a batch and passes the
integrity check; no half-written export file is ever left under its final name."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers import ROOT
from wenming_desktop.config import DataFolder
from wenming_desktop.services.integrity import full_check
from wenming_desktop.services.workspace import open_workspace

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
