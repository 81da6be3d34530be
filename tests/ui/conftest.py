"""GUI fixtures: the app prepared as in production, and a main window over a workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.ui.app import build_window, prepare_application
from wenming_desktop.ui.main_window import MainWindow


@pytest.fixture
def prepared_app(qapp: QApplication) -> QApplication:
    prepare_application(qapp)
    return qapp


def _window(qtbot, workspace: Workspace) -> Iterator[MainWindow]:
    window = build_window(workspace)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.context.runner.wait(10_000)


@pytest.fixture
def window(qtbot, prepared_app: QApplication, workspace: Workspace) -> Iterator[MainWindow]:
    yield from _window(qtbot, workspace)


@pytest.fixture
def demo_window(
    qtbot, prepared_app: QApplication, demo_workspace: Workspace
) -> Iterator[MainWindow]:
    yield from _window(qtbot, demo_workspace)


@pytest.fixture
def when_dialog_opens(qtbot) -> Callable[[Callable[[QDialog], None]], None]:
    """Schedule `act(dialog)` for the next modal dialog, which a click is about to open."""

    def schedule(act: Callable[[QDialog], None]) -> None:
        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QDialog) and dialog.isVisible():
                act(dialog)
            else:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)

    return schedule
