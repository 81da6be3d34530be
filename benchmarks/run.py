"""Benchmark driver: builds the large data set once, runs each case in subprocesses, prints a table.

Usage: python benchmarks/run.py [--repeat N] [--only case1,case2] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data" / "large"
sys.path.insert(0, str(ROOT))

from benchmarks.cases import CASES  # noqa: E402  # after the path is set


def ensure_large_data() -> Path:
    if (DATA / "wenming.db").exists():
        return DATA
    DATA.parent.mkdir(parents=True, exist_ok=True)
    print("正在生成大规模数据集（wenming demo --scale large）…", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "wenming_desktop",
            "demo",
            "--scale",
            "large",
            "--data-dir",
            str(DATA),
        ],
        cwd=ROOT,
        check=True,
    )
    return DATA


def run_once(case: str, variant: str) -> dict[str, float | str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WENMING_DATA_DIR": str(DATA)}
    result = subprocess.run(
        [sys.executable, str(HERE / "cases.py"), case, variant],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{case}/{variant} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _cpu(program: list[dict[str, float]], base: list[dict[str, float]]) -> str:
    """Median CPU seconds of the program / of the baseline (ratio), where the case measures
    them: on a shared machine the wall clock also counts the other jobs."""
    if not program or "cpu" not in program[0]:
        return "—"
    ours = statistics.median(r["cpu"] for r in program)
    if not base or "cpu" not in base[0]:
        return f"{ours:.2f}"
    bare = statistics.median(r["cpu"] for r in base)
    return f"{ours:.2f} / {bare:.2f} ({ours / bare:.2f}×)"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    ensure_large_data()
    wanted = [c for c in args.only.split(",") if c] or list(CASES)
    rows = []
    for name in wanted:
        case = CASES[name]
        program: list[dict[str, float]] = []
        base: list[dict[str, float]] = []
        skipped = ""
        for _ in range(args.repeat):  # taken in turns, so both see the same load of the machine
            program.append(run_once(name, "program"))
            if case.has_baseline:
                outcome = run_once(name, "baseline")
                if "skipped" in outcome:  # an optional package missing: say so, run on
                    skipped = str(outcome["skipped"])
                    break
                base.append(outcome)
        if skipped:
            print(f"{name}: 跳过 — {skipped}", flush=True)
            continue
        t = statistics.median(r["seconds"] for r in program)
        mem = max(r["peak_mb"] for r in program)
        extra = statistics.median(r.get("extra", 0.0) for r in program)
        bt = statistics.median(r["seconds"] for r in base) if base else None
        ratio = f"{t / bt:.2f}×" if bt else "—"
        cpu = _cpu(program, base)
        rows.append((name, case.title, t, mem, bt, ratio, cpu, extra, case.target))
        print(
            f"{name}: {t:.3f}s, {mem:.0f} MB, baseline {bt if bt else '—'}, {ratio}, cpu {cpu}",
            flush=True,
        )
    header = ("case", "what", "median s", "peak MB", "baseline s", "ratio", "CPU s (ratio)")
    header += ("extra", "target")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, title, t, mem, bt, ratio, cpu, extra, target in rows:
        lines.append(
            f"| {name} | {title} | {t:.3f} | {mem:.0f} | {f'{bt:.3f}' if bt else '—'} | {ratio} "
            f"| {cpu} | {extra:.1f} | {target} |"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
