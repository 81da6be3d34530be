"""The one way to run long work from the window (ui/operations.py) and the finish message."""

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from shiboken6 import isValid

from wenming_desktop.domain.errors import UserError
from wenming_desktop.logs import setup_logging
from wenming_desktop.services.progress import Progress
from wenming_desktop.ui import finished
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.tasks import TaskRunner


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str, str]]:
    """The error dialogs shown (kind, title, text) instead of opening them."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            lambda _p, title, text, kind=kind: shown.append((kind, title, text)),
        )
    return shown


def test_success_runs_off_the_gui_thread_with_progress(qtbot, parent, boxes) -> None:
    runner = TaskRunner(parent)
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    order: list[str] = []

    def work(progress: Progress) -> int:
        seen["thread"] = threading.get_ident()
        progress.report(1, 2, "第一步")
        progress.report(2, 2, "第二步")
        return 7

    op = (
        Op(parent, runner, work)
        .with_progress("正在导出…")
        .finally_(lambda: order.append("finally"))
        .success(lambda n: (order.append("success"), seen.setdefault("result", n)))
    )
    op.run()
    dialog = op.dialog
    assert dialog is not None and dialog.labelText() == "正在导出…"
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 7 and seen["thread"] != gui
    assert order == ["finally", "success"]
    assert op.dialog is None
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5000)  # closed and deleted
    assert boxes == []


def test_progress_reaches_the_dialog(qtbot, parent) -> None:
    runner = TaskRunner(parent)
    release = threading.Event()
    done: list[int] = []

    def work(progress: Progress) -> int:
        progress.report(3, 10, "第三步")
        release.wait(5)
        return 1

    op = Op(parent, runner, work).with_progress("正在生成…").success(done.append)
    op.run()
    dialog = op.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.labelText() == "第三步", timeout=5000)
    assert (dialog.value(), dialog.maximum()) == (3, 10)
    release.set()
    qtbot.waitUntil(lambda: done == [1], timeout=5000)


def test_a_user_error_is_shown_as_is(qtbot, parent, boxes) -> None:
    runner = TaskRunner(parent)
    ended: list[str] = []

    def work(_p: Progress) -> None:
        raise UserError("第 3 行“身份证号”不正确")

    Op(parent, runner, work).finally_(lambda: ended.append("x")).success(pytest.fail).run()
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert boxes == [("warning", "无法完成", "第 3 行“身份证号”不正确")]
    assert ended == ["x"]


def test_a_bug_is_logged_and_summarised(qtbot, parent, boxes, tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "wenming.log"
    setup_logging(log_file)
    runner = TaskRunner(parent)
    Op(parent, runner, lambda _p: 1 / 0, log_file).success(pytest.fail).run()
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    kind, title, text = boxes[0]
    assert (kind, title) == ("critical", "程序出错")
    assert "ZeroDivisionError" in text and str(log_file) in text
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_failure_replaces_the_dialog(qtbot, parent, boxes) -> None:
    runner = TaskRunner(parent)
    caught: list[BaseException] = []
    Op(parent, runner, lambda _p: 1 / 0).failure(caught.append).run()
    qtbot.waitUntil(lambda: bool(caught), timeout=5000)
    assert isinstance(caught[0], ZeroDivisionError) and boxes == []


def test_cancel_from_the_dialog(qtbot, parent, boxes) -> None:
    runner = TaskRunner(parent)
    started, release = threading.Event(), threading.Event()
    ended: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        progress.check()

    op = (
        Op(parent, runner, work)
        .with_progress("正在生成归档材料包…")
        .finally_(lambda: ended.append("finally"))
        .cancelled(lambda: ended.append("cancelled"))
        .success(pytest.fail)
    )
    progress = op.run()
    assert started.wait(5) and op.dialog is not None
    qtbot.mouseClick(op.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert progress.cancelled
    release.set()
    qtbot.waitUntil(lambda: ended == ["finally", "cancelled"], timeout=5000)
    assert op.dialog is None and boxes == []


def test_not_cancellable_has_no_button(qtbot, parent) -> None:
    runner = TaskRunner(parent)
    release = threading.Event()
    done: list[int] = []
    op = Op(parent, runner, lambda _p: release.wait(5) and 1)
    op.with_progress("正在恢复备份…", cancellable=False, modal=True).success(done.append).run()
    assert op.dialog is not None and op.dialog.findChild(QPushButton) is None
    assert op.dialog.windowModality() == Qt.WindowModality.ApplicationModal
    release.set()
    qtbot.waitUntil(lambda: done == [1], timeout=5000)


def test_the_finish_message_opens_the_file_and_its_folder(
    qtbot, parent, monkeypatch, tmp_path: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    path = tmp_path / "导出" / "台账.xlsx"
    box = finished.show_finished(parent, "导出完成", f"已导出：{path}", path)
    assert box.isVisible() and box.text() == f"已导出：{path}"
    labels = [b.text() for b in box.buttons()]
    assert finished.OPEN_FILE in labels and finished.OPEN_FOLDER in labels
    button = next(b for b in box.buttons() if b.text() == finished.OPEN_FILE)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [str(path)] and not box.isVisible()
    box = finished.show_finished(parent, "导出完成", "已导出", path)
    button = next(b for b in box.buttons() if b.text() == finished.OPEN_FOLDER)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [str(path), str(path.parent)]
