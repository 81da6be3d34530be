"""`wenming import volunteers` on bombs, under an address-space cap a bomb inflated in memory
would break: exit 1, one Chinese line, no traceback, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import bad_workbooks as bad
from tests.helpers import ROOT

resource = pytest.importorskip("resource")  # POSIX: caps the child's address space

CAP = 600 * 1024 * 1024  # a 3,000-row import runs in under 300 MB of address space


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def run_capped(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wenming_desktop", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=_capped,
    )


@pytest.mark.parametrize(
    ("maker", "expected"),
    [
        pytest.param(bad.zip_bomb, "压缩炸弹", id="zip bomb"),
        pytest.param(lambda p: bad.zip_bomb(p, 2.0, declared=5000), "文件已损坏", id="lying"),
        pytest.param(lambda p: bad.entity_bomb(p, bad.SHARED_STRINGS), "XML 实体定义", id="xml"),
    ],
)
def test_import_of_a_bomb_fails_cleanly(tmp_path: Path, maker, expected: str) -> None:
    path = maker(tmp_path / "bomb.xlsx")
    data = tmp_path / "data"
    result = run_capped("--data-dir", str(data), "import", "volunteers", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：无法导入“bomb.xlsx”") and expected in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    good = bad.good_workbook(tmp_path / "good.xlsx", rows=3)  # the same cap suffices for a real one
    done = run_capped("--data-dir", str(data), "import", "volunteers", str(good))
    assert done.returncode == 0, done.stderr
    assert "新增 3 人" in done.stdout
