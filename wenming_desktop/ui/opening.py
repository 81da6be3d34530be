"""Opening the data folder behind the painted window (docs/architecture.md, "Start-up").

`run_gui` paints the window's shell first and only then imports this module (and sets up the
log file, the error hook and the bundled font). `Opening.start` runs, in order: off the GUI
thread, SQLite's quick check of the file (in a thread of its own) while SQLAlchemy and the
services are imported, then opening the workspace — the GUI thread meanwhile waits in its
event loop and imports nothing; then on the GUI thread the offer to restore a damaged file, the
sign-in dialog, the first-start dialog, and only then `MainWindow.attach` builds 首页. Nothing
with data is built before sign-in succeeds.

`finished(status)` says the program should end (0: the clerk gave up at sign-in; 1: the data
could not be opened, after the message was shown); `opened` says the pages are there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from wenming_desktop import APP_NAME
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.runtime import apply_pdf_font, prepare_workspace
from wenming_desktop.ui import startup
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.errors import show_error
from wenming_desktop.ui.main_window import MainWindow
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from wenming_desktop.services.settings.workspace import Workspace


@dataclass(frozen=True)
class _Damaged:
    problems: list[str]


@dataclass(frozen=True)
class _Opened:
    workspace: Workspace
    first_start: bool  # an empty folder: the first-start dialog is offered


def offer_first_start(
    workspace: Workspace, parent: QWidget | None = None, empty: bool | None = None
) -> tuple[Workspace, bool]:
    """On an empty data folder, ask for the unit and villages, or switch to the demo folder.

    Returns the workspace to show and whether it is the demo one. `empty` is the answer of
    `needs_first_start` when it is already known.
    """
    if empty is None:
        from wenming_desktop.services.settings.first_start import needs_first_start

        empty = needs_first_start(workspace.db)
    if not empty:
        return workspace, False
    from wenming_desktop.ui.dialogs.first_start import FirstStartDialog

    dialog = FirstStartDialog(workspace, parent)
    dialog.exec()
    if dialog.demo_workspace is None:
        return workspace, False
    workspace.close()
    return dialog.demo_workspace, True


class Opening(QObject):
    """The steps from a painted shell to a window with its pages; see the module docstring."""

    opened = Signal()
    finished = Signal(int)  # the exit status to end the program with

    def __init__(
        self, folder: DataFolder, window: MainWindow, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(window)
        self.folder = folder
        self.window = window
        self.runner = runner or TaskRunner(self)
        self.workspace: Workspace | None = None  # the open one; closed by `close()`
        self.demo = False
        self._started = False

    def start(self) -> None:
        """Begin (once; later calls do nothing): check and open the database off the GUI thread."""
        if self._started:
            return
        self._started = True
        self._open_in_background()

    def _open_in_background(self) -> None:
        # Its own failure display: no window to show a dialog over yet.
        Op(None, self.runner, self._open).success(self._on_opened).failure(self._on_failed).run()

    def _open(self, _progress: Any) -> _Damaged | _Opened:
        """Worker thread: no widget is touched here.

        SQLite's quick check of the file (C code, the GIL released) runs in a thread of its own
        while this one loads SQLAlchemy and the services; what the check needs is imported
        before that thread starts, so the two never import the same module at once.
        """
        import wenming_desktop.storage.integrity  # sqlite3 only

        self.folder.database_url()  # reads config.json (and imports json) before the thread
        problems: list[str] = []
        check = threading.Thread(
            target=lambda: problems.extend(startup.damage_found(self.folder)),
            name="quick-check",
        )
        check.start()
        try:
            # What 首页 reads with, loaded here rather than on the GUI thread when it is built.
            import wenming_desktop.services.filing.home
            import wenming_desktop.services.roster.hours  # noqa: F401
            from wenming_desktop.services.settings.first_start import needs_first_start
            from wenming_desktop.services.settings.workspace import open_workspace
        finally:
            check.join()
        if problems:
            return _Damaged(problems)
        workspace = open_workspace(self.folder)
        self.workspace = workspace  # closed at exit even when the window was closed meanwhile
        prepare_workspace(workspace.db)  # its PDF font; pypinyin loaded off the GUI thread
        return _Opened(workspace, needs_first_start(workspace.db))

    def _on_opened(self, result: _Damaged | _Opened) -> None:
        if isinstance(result, _Damaged):
            if startup.offer_restore(self.folder, result.problems, self.window):
                self._open_in_background()
            else:
                self._give_up(1)
            return
        workspace = result.workspace
        if not startup.sign_in(workspace, self.window):  # nothing shown before sign-in
            self._give_up(0)
            return
        workspace, self.demo = offer_first_start(workspace, self.window, result.first_start)
        self.workspace = workspace
        if self.demo:
            apply_pdf_font(workspace.db)
        context = PageContext(workspace=workspace, runner=self.runner)
        if workspace.db.actor is not None:  # who is signed in
            self.window.setWindowTitle(workspace.db.actor.label)
        if self.demo:
            self.window.setWindowTitle("演示数据")
        self.window.attach(context)
        startup.warn_if_network_share(self.window, workspace)
        startup.start_daily_backup(context)
        self.opened.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.window.show_opening_failed()
        if isinstance(exc, UserError):
            QMessageBox.critical(self.window, APP_NAME, exc.message)
        else:
            show_error(self.window, exc, self.folder.log_file)
        self._give_up(1)

    def _give_up(self, status: int) -> None:
        self.close()
        self.finished.emit(status)

    def close(self) -> None:
        """Wait for background work, then close the workspace (at exit, or when giving up)."""
        self.runner.wait(60_000)
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
