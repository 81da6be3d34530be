"""Bugs in slots, worker callbacks and threads reach the log and a dialog; the program goes on."""

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from wenming_desktop.logs import setup_logging
from wenming_desktop.ui.errors import install_excepthook
from wenming_desktop.ui.tasks import TaskRunner


@pytest.fixture
def dialogs(monkeypatch, tmp_path: Path) -> tuple[list[str], Path]:
    log_file = tmp_path / "logs" / "wenming.log"
    setup_logging(log_file)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    install_excepthook(log_file)
    return shown, log_file


def log_text(log_file: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_the_loop_goes_on(qtbot, dialogs) -> None:
    shown, log_file = dialogs

    def broken_slot() -> None:
        raise KeyError("no such column")

    later: list[bool] = []
    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(10, lambda: later.append(True))
    qtbot.waitUntil(lambda: bool(shown) and bool(later), timeout=5000)
    assert "程序出错" not in shown[0]  # the title is separate; the text is short
    assert "KeyError" in shown[0] and str(log_file) in shown[0]
    assert "Traceback" not in shown[0]
    assert "broken_slot" in log_text(log_file)  # the traceback is in the log


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_callback_is_shown(qtbot, dialogs) -> None:
    shown, log_file = dialogs
    runner = TaskRunner()

    def on_success(_result: int) -> None:
        raise ZeroDivisionError("in the callback")

    runner.run(lambda _p: 1, on_success, pytest.fail)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "ZeroDivisionError: in the callback" in shown[0]
    done: list[int] = []
    runner.run(lambda _p: 2, done.append, pytest.fail)  # the runner still works
    qtbot.waitUntil(lambda: done == [2], timeout=5000)
    assert "in the callback" in log_text(log_file)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_plain_thread_is_shown_on_the_gui_thread(qtbot, dialogs, monkeypatch) -> None:
    shown, _log_file = dialogs
    gui = threading.get_ident()
    where: list[int] = []
    real = QMessageBox.critical

    def record(*args):
        where.append(threading.get_ident())
        real(*args)

    monkeypatch.setattr(QMessageBox, "critical", record)
    thread = threading.Thread(target=lambda: [][1])
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "IndexError" in shown[0] and where == [gui]


@pytest.mark.qt_no_exception_capture
def test_an_error_storm_gives_one_dialog_at_a_time(qtbot, dialogs, monkeypatch) -> None:
    shown, _log_file = dialogs

    def nested_dialog(_p, _t, text) -> None:  # while the first dialog is open, more errors
        shown.append(text)
        for _ in range(3):
            sys.excepthook(ValueError, ValueError("again"), None)

    monkeypatch.setattr(QMessageBox, "critical", nested_dialog)
    QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.wait(20)
    assert len(shown) == 1
