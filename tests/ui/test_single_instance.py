import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings import settings
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.single_instance import (
    LOCK_NAME,
    SingleInstance,
    ask_running_program_to_show,
    server_name,
)

HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(60)
"""


def test_the_second_claim_fails_and_wakes_the_first(qapp, qtbot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    second = SingleInstance(tmp_path)
    assert not second.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert ask_running_program_to_show(tmp_path)
    first.release()
    third = SingleInstance(tmp_path)
    assert third.claim()
    third.release()


def test_other_folders_are_independent(qapp, tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    a, b = SingleInstance(tmp_path), SingleInstance(tmp_path / "b")
    (tmp_path / "b").mkdir()
    assert a.claim() and b.claim()
    a.release()
    b.release()


def test_nobody_answers_when_no_program_runs(qapp, tmp_path: Path) -> None:
    assert not ask_running_program_to_show(tmp_path / "nobody")


def test_a_lock_left_by_a_killed_process_is_taken_over(qapp, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / LOCK_NAME)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    assert not SingleInstance(tmp_path).claim()  # alive: refused
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    taker = SingleInstance(tmp_path)
    assert taker.claim()
    taker.release()


def _start_gui(folder: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "wenming_desktop", "--data-dir", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_log(log_file: Path, text: str, proc: subprocess.Popen) -> None:
    for _ in range(600):
        if log_file.exists() and text in log_file.read_text(encoding="utf-8"):
            return
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.1)
    pytest.fail(f"log never said {text!r}")


@pytest.mark.slow
def test_a_second_program_on_the_same_folder_brings_the_first_forward(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "数据")
    ws = open_workspace(folder)  # a folder in use: no first-start dialog
    settings.update_settings(ws.db, {"hospital_name": "鹤岗市中医院"})
    ws.close()
    first = _start_gui(folder.root)
    try:
        _wait_for_log(folder.log_file, "daily backup", first)
        second = _start_gui(folder.root)
        assert second.wait(60) == 0
        _wait_for_log(folder.log_file, "a second start asked this window", first)
        os.kill(first.pid, signal.SIGKILL)  # a crash leaves the lock file behind
        first.wait()
        assert (folder.root / LOCK_NAME).exists()
        assert second.stderr is not None
        second.stderr.close()
        third = _start_gui(folder.root)
        try:
            for _ in range(300):  # the stale lock is taken over: the window starts and stays
                if folder.log_file.read_text(encoding="utf-8").count("daily backup") >= 2:
                    break
                assert third.poll() is None
                time.sleep(0.1)
            else:
                pytest.fail("the third start never opened its window")
        finally:
            third.terminate()
            third.wait()
            assert third.stderr is not None
            third.stderr.close()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        assert first.stderr is not None
        first.stderr.close()
