"""How long work reports progress and notices a cancel, without knowing about Qt."""

from __future__ import annotations

import threading
from collections.abc import Callable

from wenming_desktop.domain.errors import Cancelled


class Progress:
    """Passed into long use cases; the GUI connects `listener`, the CLI may print."""

    def __init__(self, listener: Callable[[int, int, str], None] | None = None) -> None:
        self._listener = listener
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        self.check()
        if self._listener is not None:
            self._listener(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop; call between steps of the work."""
        if self._cancel.is_set():
            raise Cancelled()


class PacketTally:
    """The progress of a job of many steps reported from more than one thread: whole steps
    done (`step`, one unit each), plus the share of a longer step under way (`part`, worth
    `units`, moved by that step's own `(done, total)` reports). Reports
    `(done, SCALE, message)` to `progress`, fine enough that each report moves the value."""

    SCALE = 100_000

    def __init__(self, progress: Progress, units: int) -> None:
        self._progress = progress
        self._units = max(units, 1)
        self._done = 0
        self._part = 0.0  # units of the step under way
        self._part_units = 0
        self._lock = threading.Lock()

    def _report(self, message: str) -> None:
        value = min(self.SCALE, int((self._done + self._part) * self.SCALE / self._units))
        self._progress.report(value, self.SCALE, message)

    def step(self, message: str) -> None:
        with self._lock:
            self._done += 1
            self._report(message)

    def part(self, message: str, units: int = 1) -> Progress:
        """A Progress for a step worth `units`: its reports move the value within the step."""
        tally = self

        class _Part(Progress):
            def report(self, done: int, total: int, text: str = "") -> None:
                with tally._lock:
                    share = min(done / total, 1.0) if total > 0 else 0.0
                    tally._part = share * tally._part_units
                    tally._report(text or message)

            def check(self) -> None:
                tally._progress.check()

            def cancel(self) -> None:
                tally._progress.cancel()

            @property
            def cancelled(self) -> bool:
                return tally._progress.cancelled

        with self._lock:
            self._part = 0.0
            self._part_units = units
            self._report(message)
        return _Part()

    def end_part(self, message: str) -> None:
        """The step under way is done."""
        with self._lock:
            self._part = 0.0
            self._done += self._part_units
            self._part_units = 0
            self._report(message)
