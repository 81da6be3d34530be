"""Showing errors: a UserError as is, anything else as a short message plus the log's path."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from wenming_desktop.domain.errors import UserError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException, log_file: Path | None) -> None:
    """A UserError's message as is; a bug logged with its traceback and summarised."""
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, "无法完成", exc.message)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    where = f"\n\n详细信息已记录在日志文件：\n{log_file}" if log_file else ""
    summary = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
    QMessageBox.critical(
        parent, "程序出错", f"操作未能完成，程序出现了意外错误。\n{summary}{where}"
    )


class _Relay(QObject):
    """Carries an error from any thread to the GUI thread, where a dialog may be shown."""

    raised = Signal(object)


_state: dict[str, object] = {"showing": False}


def _report(exc: BaseException, log_file: Path | None) -> None:
    """Show one bug dialog at a time; errors while one is open are only logged."""
    if _state["showing"]:
        log.error(
            "unexpected error (dialog already open)", exc_info=(type(exc), exc, exc.__traceback__)
        )
        return
    _state["showing"] = True
    try:
        show_error(None, exc, log_file)
    finally:
        _state["showing"] = False


def install_excepthook(log_file: Path | None) -> None:
    """Unexpected errors in slots, worker callbacks and threads reach the log and a dialog, never
    a bare traceback; the event loop goes on, so the program keeps running."""
    relay = _Relay()
    relay.raised.connect(lambda exc: _report(exc, log_file), Qt.ConnectionType.QueuedConnection)
    _state["relay"] = relay  # kept alive with the hook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if _on_gui_thread():
            _report(exc, log_file)  # logs the traceback, then the dialog
        else:
            relay.raised.emit(exc)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()
