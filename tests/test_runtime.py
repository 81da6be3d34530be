"""Process-wide state: one module changes the collector, the switch interval and the PDF font."""

from __future__ import annotations

import gc
import re
import sys

import pytest

from tests.helpers import ROOT
from wenming_desktop import runtime
from wenming_desktop.domain.pinyin import initials

# The calls that change the process rather than one object.
PROCESS_WIDE = re.compile(
    r"\bgc\.(disable|enable|freeze|unfreeze|set_threshold)\(|\bsys\.setswitchinterval\(|"
    r"\buse_font_file\("
)


def test_only_runtime_changes_process_wide_state() -> None:
    package = ROOT / "wenming_desktop"
    owners = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if PROCESS_WIDE.search(path.read_text(encoding="utf-8"))
    }
    # font_choice.py defines use_font_file; runtime.py is its one caller.
    assert owners == {"runtime.py", "exports/pdf/font_choice.py"}


def test_keep_for_process_pauses_the_collector_only_while_loading() -> None:
    seen: list[bool] = []
    gc.unfreeze()
    before = gc.get_freeze_count()
    try:
        assert runtime.keep_for_process(lambda: seen.append(gc.isenabled()) or "loaded") == "loaded"
        assert seen == [False]
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_keep_for_process_turns_the_collector_back_on_after_a_failure() -> None:
    def broken() -> None:
        raise OSError("disk")

    with pytest.raises(OSError):
        runtime.keep_for_process(broken)
    assert gc.isenabled()


def test_preloaded_pinyin_serves_initials() -> None:
    try:
        runtime.preload_pinyin()
    finally:
        gc.unfreeze()
    assert gc.isenabled()
    assert initials("张三丰") == "zsf"


def test_work_heap_restores_what_it_found() -> None:
    heap = runtime.WorkHeap()
    thresholds, switch = gc.get_threshold(), sys.getswitchinterval()
    heap.enter()
    heap.enter()
    assert gc.get_threshold()[2] == runtime.NO_FULL_COLLECTION
    assert sys.getswitchinterval() == pytest.approx(runtime.WORK_SWITCH_INTERVAL)
    heap.leave()
    assert sys.getswitchinterval() == pytest.approx(runtime.WORK_SWITCH_INTERVAL)
    heap.leave()
    assert gc.get_threshold() == thresholds
    assert sys.getswitchinterval() == switch
    assert gc.get_freeze_count() == 0
