"""Running work off the GUI thread, with its result or error delivered back on the GUI thread.

Modelled on Picard's `run_task` and Anki's operations: the work function never touches widgets;
`on_success` / `on_failure` run on the GUI thread. One runner is one worker thread, so database
work submitted to the same runner is serialised (one writer).

Keeping the window responsive while work runs (benchmarks case `eventloop`):
- Progress reaches the GUI thread at most every PROGRESS_INTERVAL seconds (the last step of the
  work always arrives), so a work loop reporting thousands of steps cannot flood the event loop.
- Python's full garbage collection walks every tracked object while holding the GIL, so it
  blocks the GUI thread too: with the program's own heap (Qt wrappers, SQLAlchemy, pypinyin's
  dictionaries, loaded lists, libraries the work imports; several hundred thousand objects) one
  pass took 150–350 ms, several times per packet. While work runs, the objects that existed
  before it are frozen (`gc.freeze`: kept out of collections) and automatic full collections
  are off; the young generations are still collected. When no work runs, the heap is unfrozen
  and collected as usual (`wenming_desktop.runtime.WorkHeap`, which owns that state).
- The GIL: a busy worker keeps it for Python's switch interval (5 ms) each time the GUI thread
  asks, and a repaint asks many times (PySide checks Python overrides on virtual calls), so
  repaints stalled 60–450 ms. While work runs the interval is `runtime.WORK_SWITCH_INTERVAL`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from wenming_desktop.domain.errors import Cancelled
from wenming_desktop.runtime import WORK_HEAP, WorkHeap
from wenming_desktop.services.progress import Progress

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.1  # seconds between progress signals sent to the GUI thread


class _Throttle:
    """Passes a progress report on unless one went less than `interval` seconds ago."""

    def __init__(self, send: Callable[[int, int, str], None], interval: float) -> None:
        self._send = send
        self._interval = interval
        self._last = float("-inf")

    def __call__(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval or (total > 0 and done >= total):
            self._last = now
            self._send(done, total, message)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress, heap: WorkHeap
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._heap = heap
        self._work = work
        self._signals = signals
        self._progress = progress

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._heap.leave()


class TaskRunner(QObject):
    """A single worker thread; `run()` queues work and calls back on the GUI thread.

    `heap` is the process's collector and GIL policy while work runs; the default is the one
    `wenming_desktop.runtime` owns (tests pass their own to watch it).
    """

    def __init__(self, parent: QObject | None = None, heap: WorkHeap = WORK_HEAP) -> None:
        super().__init__(parent)
        self._heap = heap
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(
        self,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], object] | None = None,
    ) -> Progress:
        signals = _Signals()
        self._live.add(signals)
        progress = Progress(
            listener=_Throttle(lambda d, t, m: signals.progressed.emit(d, t, m), PROGRESS_INTERVAL)
        )

        def finish(callback: Callable[..., object], *args: Any) -> None:
            self._live.discard(signals)
            callback(*args)

        queued = Qt.ConnectionType.QueuedConnection
        signals.succeeded.connect(lambda r: finish(on_success, r), queued)
        signals.failed.connect(lambda e: finish(on_failure, e), queued)
        signals.cancelled.connect(lambda: finish(on_cancelled or (lambda: None)), queued)
        if on_progress is not None:
            signals.progressed.connect(on_progress, queued)
        self._heap.enter()  # from now until the job ends (it may wait behind others)
        self._pool.start(_Job(work, signals, progress, self._heap))
        return progress

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (for shutdown and tests only)."""
        return self._pool.waitForDone(msecs)


class ProgressDialog(QProgressDialog):
    """A progress bar with a 取消 button that asks the running work to stop."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, "取消", 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._progress: Progress | None = None
        self.canceled.connect(self._cancel)

    def attach(self, progress: Progress) -> None:
        self._progress = progress

    def update_progress(self, done: int, total: int, message: str) -> None:
        self.setMaximum(max(total, 0))
        self.setValue(done)
        if message:
            self.setLabelText(message)

    def _cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            self.setLabelText("正在取消…")


class LatestOnly:
    """Loads for one list where only the newest request counts.

    A load superseded before the worker reaches it is skipped; the result of one superseded
    while it ran is dropped, so a slow earlier query never overwrites a newer result.
    """

    def __init__(self, runner: TaskRunner, on_failure: Callable[[BaseException], None]) -> None:
        self._runner = runner
        self._on_failure = on_failure
        self._newest = 0
        self._delivered = 0

    @property
    def pending(self) -> bool:
        """True while the newest load has not delivered its result yet."""
        return self._delivered != self._newest

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._newest += 1
        ticket = self._newest

        def guarded(_progress: Progress) -> Any:
            if ticket != self._newest:
                return _SKIPPED
            return work()

        def deliver(result: Any) -> None:
            if ticket == self._newest and result is not _SKIPPED:
                self._delivered = ticket
                done(result)

        def failed(exc: BaseException) -> None:
            if ticket == self._newest:
                self._delivered = ticket
                self._on_failure(exc)

        from wenming_desktop.ui.operations import Op  # operations builds on this module

        Op(None, self._runner, guarded).success(deliver).failure(failed).run()


_SKIPPED = object()
