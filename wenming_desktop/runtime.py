"""Process-wide state, owned here and nowhere else.

Three settings belong to the whole Python process rather than to a window, a workspace or a use
case, so one module decides them and the entry points (the window's opening, the command line)
call it; everything below receives the result instead of changing the process itself:

- the garbage collector: pypinyin's dictionaries are loaded with it paused and then frozen
  (`keep_for_process`, `preload_pinyin`), and while background work runs the heap is frozen with
  automatic full collections off (`WorkHeap`, used by `ui.tasks.TaskRunner`);
- the GIL switch interval: short while background work runs (`WorkHeap`);
- the font PDFs embed (`apply_pdf_font`): reportlab's font registry is process-wide, so the
  clerk's choice (设置 → 单位信息) is too.

Why each exists, with the measurements, is in docs/architecture.md, "Process-wide state".
No Qt here (the command line uses this module as well), and nothing slow imported at the top
(`ui.tasks` imports it on the window's start path, which must stay light).
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from wenming_desktop.domain import pinyin

if TYPE_CHECKING:  # SQLAlchemy is not imported before the window's first paint
    from wenming_desktop.storage.database import Database

log = logging.getLogger(__name__)

T = TypeVar("T")

NO_FULL_COLLECTION = 1_000_000  # a third gc threshold never reached while work runs
# While work runs, the GUI thread gets the GIL back after at most this long (Python's default
# is 5 ms; a repaint needs the GIL many times, once per Python-side virtual call).
WORK_SWITCH_INTERVAL = 0.0005


def keep_for_process(load: Callable[[], T]) -> T:
    """Run `load` (which builds objects that live as long as the process) with the garbage
    collector paused, then freeze the heap so later full collections skip those objects.

    Returns what `load` returns; the collector is re-enabled (if it was on) even when it raises.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = load()
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return result


def preload_pinyin() -> None:
    """Load pypinyin's dictionaries (~0.1–0.3 s, ~190,000 long-lived containers) the way
    `keep_for_process` does; later `domain.pinyin.initials` calls find them loaded.

    Loaded without this (tests, scripts), they still work, only with the collections it avoids.
    """
    keep_for_process(pinyin.converter)


class WorkHeap:
    """Counts queued and running background jobs (of every runner): while any exists the heap
    is frozen and the GIL switch interval is short, so jobs queued one after another run as one
    frozen stretch.

    While frozen, automatic full collections are off; the young generations are collected as
    usual, so most cyclic garbage the work makes is freed at once, and what outlived two young
    collections waits until the work ends: then the heap is unfrozen, the thresholds restored,
    and Python's own full collections resume. Thread-safe.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._thresholds = gc.get_threshold()
        self._switch = sys.getswitchinterval()

    def enter(self) -> None:
        """One more job is queued: freeze (again, taking in what exists now)."""
        with self._lock:
            self._running += 1
            if self._running == 1:
                self._thresholds = gc.get_threshold()
                young, middle, _old = self._thresholds
                gc.set_threshold(young, middle, NO_FULL_COLLECTION)
                self._switch = sys.getswitchinterval()
                sys.setswitchinterval(WORK_SWITCH_INTERVAL)
            gc.freeze()

    def leave(self) -> None:
        """A job ended: after the last one, unfreeze and restore the collector and interval."""
        with self._lock:
            self._running -= 1
            if self._running == 0:
                gc.unfreeze()
                gc.set_threshold(*self._thresholds)
                sys.setswitchinterval(self._switch)


WORK_HEAP = WorkHeap()
"""The one counter for the process: the collector and the interval are the process's."""


def apply_pdf_font(db: Database) -> Path | None:
    """Make PDFs embed the font file the workspace's settings name; the bundled font when none
    is named or the file is missing (logged). Call after opening a workspace and after the
    setting changes. Returns the file now used, None for the bundled font.
    """
    from wenming_desktop.exports.pdf.font_choice import use_font_file
    from wenming_desktop.services.settings.settings import PDF_FONT_KEY, get_setting

    font_file = get_setting(db, PDF_FONT_KEY)
    path = Path(font_file) if font_file else None
    if path is not None and not path.is_file():
        log.warning("PDF font file %s not found; using the bundled font", path)
        path = None
    use_font_file(path)
    return path


def start_pdf_worker(font: Path | None) -> None:
    """A worker process that writes PDFs for this one (services/filing/record_pool.py): embed
    the font file the parent embeds (None: the bundled font); spawn starts it with nothing."""
    from wenming_desktop.exports.pdf.font_choice import use_font_file

    use_font_file(font)


def prepare_workspace(db: Database) -> None:
    """What an entry point does once a workspace is open: its PDF font, pinyin preloaded."""
    apply_pdf_font(db)
    preload_pinyin()
