import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from wenming_desktop.domain.errors import UserError
from wenming_desktop.logs import setup_logging
from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.errors import show_error
from wenming_desktop.ui.tasks import ProgressDialog, TaskRunner


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot) -> None:
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["work_thread"] = threading.get_ident()
        for i in range(3):
            progress.report(i + 1, 3, f"第 {i + 1} 步")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_thread"] = threading.get_ident()

    steps: list[tuple[int, int, str]] = []
    runner.run(work, done, pytest.fail, on_progress=lambda d, t, m: steps.append((d, t, m)))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["work_thread"] != gui_thread
    assert seen["callback_thread"] == gui_thread
    # throttled: the first report and the last arrive, the one between came too soon after
    qtbot.waitUntil(lambda: steps[-1:] == [(3, 3, "第 3 步")], timeout=5000)
    assert steps[0] == (1, 3, "第 1 步")


def test_failure_and_cancel_are_delivered(qtbot) -> None:
    runner = TaskRunner()
    failures: list[BaseException] = []
    runner.run(lambda _p: 1 / 0, pytest.fail, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)

    started = threading.Event()
    release = threading.Event()
    cancelled: list[bool] = []

    def long_work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        progress.report(1, 2, "")  # raises Cancelled after cancel()

    progress = runner.run(
        long_work, pytest.fail, pytest.fail, on_cancelled=lambda: cancelled.append(True)
    )
    assert started.wait(5)
    dialog = ProgressDialog("导出")
    qtbot.addWidget(dialog)
    dialog.attach(progress)
    dialog.show()
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.labelText() == "正在取消…"
    release.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert progress.cancelled


def test_user_error_is_shown_as_is_and_a_bug_with_the_log_path(
    qapp, monkeypatch, tmp_path: Path
) -> None:
    log_file = tmp_path / "logs" / "wenming.log"
    setup_logging(log_file)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text: shown.append((title, text))
    )
    show_error(None, UserError("工作表“花名册”第5行“身份证号”：校验位错误"), log_file)
    assert shown[-1] == ("无法完成", "工作表“花名册”第5行“身份证号”：校验位错误")
    try:
        {}["missing"]
    except KeyError as exc:
        show_error(None, exc, log_file)
    title, text = shown[-1]
    assert title == "程序出错"
    assert str(log_file) in text
    assert "Traceback" not in text
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "KeyError" in log_file.read_text(encoding="utf-8")
    assert "Traceback" in log_file.read_text(encoding="utf-8")
