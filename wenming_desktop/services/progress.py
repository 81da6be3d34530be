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
