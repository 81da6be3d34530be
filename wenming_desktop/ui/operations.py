"""The one way the window runs work off the GUI thread: `Op`, with its ending on the GUI thread.

Modelled on Anki's operations (`QueryOp` with `.success()`, `.failure()`, `.with_progress()`):

    Op(page, context.runner, lambda p: export(db, path, p), context.log_file)
        .with_progress("正在导出…")          # a cancellable progress dialog
        .success(lambda count: ...)          # the result, on the GUI thread
        .run()                               # returns the work's Progress

- The work function receives a `Progress` and never touches widgets.
- Progress: `.with_progress(label)` shows one dialog (cancellable unless `cancellable=False`,
  modal when `modal=True`), closed and deleted however the work ends.
- Cancel: the dialog's 取消 asks the work to stop (`Progress.check()` raises `Cancelled`);
  `.cancelled(fn)` then runs (by default nothing more: the dialog closes).
- Failure: by default a `UserError` is shown as is and anything else is logged with its
  traceback and summarised (ui/errors.py: show_error); `.failure(fn)` replaces that display
  for the few places that show an error inline (the start, the first-start dialog).
- `.finally_(fn)` runs first on every ending (success, failure, cancel): re-enable buttons there.

Work submitted to the same runner is serialised (one worker thread: one writer).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.errors import show_error
from wenming_desktop.ui.tasks import ProgressDialog, TaskRunner

T = TypeVar("T")


class Op(Generic[T]):
    """One piece of work for the worker; configure with the chained methods, then `run()`."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        work: Callable[[Progress], T],
        log_file: Path | None = None,
    ) -> None:
        self._parent = parent
        self._runner = runner
        self._work = work
        self._log_file = log_file
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._cancelled: Callable[[], Any] | None = None
        self._finally: Callable[[], Any] | None = None
        self._label: str | None = None
        self._cancellable = True
        self._modal = False
        self.dialog: ProgressDialog | None = None  # while the work runs, with_progress only

    def success(self, fn: Callable[[T], Any]) -> Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> Op[T]:
        """Replace the standard error display (a dialog) with `fn`."""
        self._failure = fn
        return self

    def cancelled(self, fn: Callable[[], Any]) -> Op[T]:
        self._cancelled = fn
        return self

    def finally_(self, fn: Callable[[], Any]) -> Op[T]:
        self._finally = fn
        return self

    def with_progress(self, label: str, cancellable: bool = True, modal: bool = False) -> Op[T]:
        self._label = label
        self._cancellable = cancellable
        self._modal = modal
        return self

    def run(self) -> Progress:
        """Queue the work; show the progress dialog if asked. Returns the work's Progress."""
        dialog = None
        if self._label is not None:
            dialog = ProgressDialog(self._label, self._parent)
            if not self._cancellable:
                dialog.setCancelButton(None)
            if self._modal:
                dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog = dialog
        progress = self._runner.run(
            self._work,
            lambda result: self._end(self._success, result),
            lambda exc: self._end(self._failure or self._show_error, exc),
            on_progress=dialog.update_progress if dialog is not None else None,
            on_cancelled=lambda: self._end(self._cancelled),
        )
        if dialog is not None:
            dialog.attach(progress)
            dialog.show()
        return progress

    def _show_error(self, exc: BaseException) -> None:
        show_error(self._parent, exc, self._log_file)

    def _end(self, callback: Callable[..., Any] | None, *args: Any) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._finally is not None:
            self._finally()
        if callback is not None:
            callback(*args)
