"""Showing errors: a UserError as is, anything else as a short message plus the log's path."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

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


def install_excepthook(log_file: Path | None) -> None:
    """Unexpected errors in slots reach a dialog and the log, never a bare traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught: %s", "".join(traceback.format_exception(kind, exc, tb)))
        show_error(None, exc, log_file)

    sys.excepthook = hook
