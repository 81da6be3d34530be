"""The GUI step of `wenming self-test`: the main window opened offscreen, every page shown, closed.

Errors that would pop up a message box are collected instead (nobody is there to click), and
the About and first-start dialogs are built too, so a missing licence file or icon in a bundle
fails the self-test rather than the clerk.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from wenming_desktop.resources import font_path, icon_path, style_path
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.ui.app import high_dpi_policy, prepare_application
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.first_start import FirstStartDialog
from wenming_desktop.ui.main_window import MainWindow
from wenming_desktop.ui.tasks import TaskRunner


class _CollectingContext(PageContext):
    """A page context that records errors instead of showing them in a modal box."""

    errors: list[str]

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        self.errors.append(f"{type(exc).__name__}: {exc}")


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        high_dpi_policy()
        app = QApplication([sys.argv[0] if sys.argv else "wenming", "-platform", "offscreen"])
    assert isinstance(app, QApplication)
    prepare_application(app)
    return app


def check_main_window(workspace: Workspace) -> str:
    """Open the window, visit every page, open the dialogs, close; raise on any problem."""
    missing = [str(p) for p in (font_path(), icon_path(), style_path()) if not p.exists()]
    if missing:
        raise RuntimeError(f"资源文件缺失：{'、'.join(missing)}")
    app = _application()
    context = _CollectingContext(workspace=workspace, runner=TaskRunner())
    context.errors = []
    uncaught: list[str] = []
    previous_hook = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        uncaught.append(f"{kind.__name__}: {exc}")

    sys.excepthook = hook
    window = MainWindow(context)
    try:
        window.show()
        for row in range(window.navigation.count()):
            window.navigation.setCurrentRow(row)
            context.runner.wait(60_000)
            app.processEvents()
        context.runner.wait(60_000)
        app.processEvents()
        about = window.show_about()
        licences = about.parts.count()
        about.close()
        FirstStartDialog(workspace, window).close()
        printed = _print_a_sheet(workspace)
        pages = window.navigation.count()
    finally:
        window.close()
        context.runner.wait(60_000)
        app.processEvents()
        window.deleteLater()
        app.processEvents()
        sys.excepthook = previous_hook
    problems = context.errors + uncaught
    if problems:
        raise RuntimeError("；".join(problems))
    return (
        f"{pages} 个页面均已打开，关于对话框列出 {licences} 个组件，"
        f"签到表打印 {printed} 页（{app.platformName()}）"
    )


def _print_a_sheet(workspace: Workspace) -> int:
    """Print a sign-in sheet to a PDF printer: pdfium and Qt's print support are in place."""
    import tempfile
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter

    from wenming_desktop.services.activities.signin import export_volunteer_signin
    from wenming_desktop.ui.printing import a4_printer, paint_pdf

    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "签到表.pdf"
        export_volunteer_signin(workspace, 1, sheet)
        printer = a4_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(folder) / "printed.pdf"))
        printer.setResolution(72)
        return paint_pdf(sheet, printer)
