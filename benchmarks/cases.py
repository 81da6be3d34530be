"""The benchmark cases; `python benchmarks/cases.py CASE program|baseline` runs one in this process
and prints {"seconds": …, "peak_mb": …, "extra": …} as its last line."""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Case:
    title: str
    program: Callable[[], float | tuple[float, float]]
    baseline: Callable[[], float] | None
    target: str

    @property
    def has_baseline(self) -> bool:
        return self.baseline is not None


def data_folder():  # a DataFolder, imported late to time start-up honestly
    from wenming_desktop.config import resolve_data_folder

    return resolve_data_folder()


def _first_paint(window: object, app: object) -> float:
    """Show `window`, run the event loop until its first paint, return seconds since T0."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[float] = []

    class Watcher(QObject):
        def eventFilter(self, _obj: object, event: QEvent) -> bool:  # Qt name
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter() - T0)
                QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
            return False

    watcher = Watcher()
    window.installEventFilter(watcher)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    app.exec()  # type: ignore[attr-defined]
    return painted[0]


def start_program() -> float:
    from PySide6.QtWidgets import QApplication

    from wenming_desktop.services.workspace import open_workspace
    from wenming_desktop.ui.app import build_window, prepare_application

    app = QApplication([])
    prepare_application(app)
    window = build_window(open_workspace(data_folder()))
    seconds = _first_paint(window, app)
    window.context.runner.wait(60_000)
    return seconds


def start_baseline() -> float:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("文明实践工作台"))
    window.resize(1280, 800)
    return _first_paint(window, app)


def packet_year() -> float:
    from wenming_desktop.domain.periods import parse_period
    from wenming_desktop.services.filing import build_packet
    from wenming_desktop.services.workspace import open_workspace

    ws = open_workspace(data_folder())
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        build_packet(ws, parse_period("2025"), None, Path(out) / "packet")
        return time.perf_counter() - start


def event_loop_during_packet() -> tuple[float, float]:
    """Seconds for a quarter's packet built from the page, and the worst timer lateness (ms)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from wenming_desktop.services.workspace import open_workspace
    from wenming_desktop.ui.app import build_window, prepare_application

    app = QApplication([])
    prepare_application(app)
    window = build_window(open_workspace(data_folder()))
    window.show()
    page = window.show_page("台账与归档")
    page.year.setValue(2025)
    page.kind.setCurrentIndex(page.kind.findData("Q3"))
    worst = [0.0]
    clock = QElapsedTimer()
    tick = QTimer()
    tick.setInterval(10)

    def on_tick() -> None:
        late = clock.restart() - 10
        worst[0] = max(worst[0], float(late))

    tick.timeout.connect(on_tick)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        page.build_packet(Path(out) / "packet")
        clock.start()
        tick.start()
        while not page.packet_button.isEnabled():
            app.processEvents()
            time.sleep(0.001)
        seconds = time.perf_counter() - start
    tick.stop()
    return seconds, worst[0]


CASES: dict[str, Case] = {
    "start": Case("启动到主窗口首次绘制（大数据集）", start_program, start_baseline, "≤1.5×"),
    "packet": Case("全年归档材料包（全部结对村）", packet_year, None, "峰值内存<400MB"),
    "eventloop": Case(
        "生成季度材料包时界面最长阻塞(ms, extra 列)", event_loop_during_packet, None, "<100ms"
    ),
}


def main() -> None:
    name, variant = sys.argv[1], sys.argv[2]
    case = CASES[name]
    func = case.program if variant == "program" else case.baseline
    assert func is not None
    outcome = func()
    seconds, extra = outcome if isinstance(outcome, tuple) else (outcome, 0.0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "extra": extra}))
    os._exit(0)  # skip interpreter teardown: not part of what is measured


if __name__ == "__main__":
    main()
