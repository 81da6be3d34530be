"""Running work off the GUI thread, with its result or error delivered back on the GUI thread.

Modelled on Picard's `run_task` and Anki's operations: the work function never touches widgets;
`on_success` / `on_failure` run on the GUI thread. One runner is one worker thread, so database
work submitted to the same runner is serialised (one writer).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from wenming_desktop.domain.errors import Cancelled
from wenming_desktop.services.progress import Progress

log = logging.getLogger(__name__)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.setAutoDelete(True)
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


class TaskRunner(QObject):
    """A single worker thread; `run()` queues work and calls back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[_Signals] = set()

    def run(
        self,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Progress:
        signals = _Signals()
        self._live.add(signals)
        progress = Progress(listener=lambda d, t, m: signals.progressed.emit(d, t, m))

        def finish(callback: Callable[..., None], *args: Any) -> None:
            self._live.discard(signals)
            callback(*args)

        queued = Qt.ConnectionType.QueuedConnection
        signals.succeeded.connect(lambda r: finish(on_success, r), queued)
        signals.failed.connect(lambda e: finish(on_failure, e), queued)
        signals.cancelled.connect(lambda: finish(on_cancelled or (lambda: None)), queued)
        if on_progress is not None:
            signals.progressed.connect(on_progress, queued)
        self._pool.start(_Job(work, signals, progress))
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
