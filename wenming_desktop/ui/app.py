"""Composing and starting the GUI: Qt application, fonts, translations, the window, the data.

The clerk sees the main window at once and the data right after (docs/architecture.md,
"Start-up"). `run_gui` paints the
window's shell before anything slow is loaded; everything after the first paint — logging, the
bundled font, opening the data folder, sign-in, the pages — is `opening.Opening`'s, imported
only then. So this module and what it imports at the top stay free of SQLAlchemy, the export
libraries, the task runner and even PySide6's `Qt` namespace (25 ms to create); tests keep it so.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from wenming_desktop import APP_NAME
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.resources import fallback_font_paths, font_path, icon_path, style_path
from wenming_desktop.ui import startup
from wenming_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from wenming_desktop.services.settings.workspace import Workspace
    from wenming_desktop.ui.opening import Opening
    from wenming_desktop.ui.single_instance import SingleInstance

log = logging.getLogger(__name__)

# Preferred Chinese UI fonts, system first; the bundled font is the last resort (without a CJK
# font Qt draws boxes; docs/architecture.md, "Libraries: what was measured").
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"]

# If the shell is never painted (a start minimised), the data is opened after this long anyway.
OPEN_UNPAINTED_MS = 500


def prepare_application(app: QApplication, deferred: bool = False) -> None:
    """Translations, fonts and style: everything the window needs before it is built.

    `deferred=True` (the start path) leaves to `finish_preparing`, after the first paint, what
    the shell does not show: Qt's own translations (its dialogs' buttons) and the bundled font
    (5 MB, ~15 ms to register; the last of the families anyway).
    """
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    font = QFont(app.font())
    font.setFamilies([app.font().family(), *UI_FONTS])
    font.setPointSize(10)
    app.setFont(font)
    if icon_path().exists():
        app.setWindowIcon(QIcon(str(icon_path())))
    if style_path().exists():
        app.setStyleSheet(style_path().read_text(encoding="utf-8"))
    if not deferred:
        finish_preparing(app)


QT_CATALOGUES = ("qtbase",)  # Qt's own Chinese texts, loaded by finish_preparing
_prepared: dict[str, list[str]] = {}  # what finish_preparing did once: the bundled families


def finish_preparing(app: QApplication) -> None:
    """Qt's Chinese translations and the bundled font, each once; see `prepare_application`."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if "translations" not in _prepared:
        # `qt_zh_CN.qm` is only a list of other catalogues, some of which PySide6-Essentials does
        # not ship, so it fails to load: load the catalogues that exist (qtbase holds the message
        # box buttons, file, print and print-preview dialogs and the text fields' context menu).
        translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalogue in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(QLocale("zh_CN"), catalogue, "_", translations):
                app.installTranslator(translator)
            else:
                log.warning("Qt translation %s_zh_CN not found in %s", catalogue, translations)
        _prepared["translations"] = []
    if "font" not in _prepared:
        _prepared["font"] = []
        # The main bundled font, then the rare-character fallbacks (CJK Extension A, B).
        for path in (font_path(), *fallback_font_paths()):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("bundled font not loaded from %s", path)
                continue
            _prepared["font"] += QFontDatabase.applicationFontFamilies(font_id)
    families = app.font().families()
    missing = [family for family in _prepared["font"] if family not in families]
    if missing:
        font = QFont(app.font())
        font.setFamilies([*families, *missing])
        app.setFont(font)


def build_window(workspace: Workspace) -> MainWindow:
    """A window over an open workspace, 首页 built (tests, self-test, benchmarks); the process
    prepared for it as the program's own start does (`runtime.prepare_workspace`)."""
    from wenming_desktop.runtime import prepare_workspace
    from wenming_desktop.ui.context import PageContext
    from wenming_desktop.ui.tasks import TaskRunner

    prepare_workspace(workspace.db)

    return MainWindow(PageContext(workspace=workspace, runner=TaskRunner()))


def high_dpi_policy() -> None:
    """Fractional scaling (125 %, 150 % on office laptops) unrounded, so text stays crisp.

    Qt 6's default already; said through the environment (a setting there wins) rather than
    `setHighDpiScaleFactorRoundingPolicy`, whose enum would create the whole `Qt` namespace.
    """
    if QApplication.instance() is None:
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")


def run_gui(folder: DataFolder) -> int:
    high_dpi_policy()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    prepare_application(app, deferred=True)
    try:
        folder.ensure()
        # One program per data folder; a second start raises the first window.
        instance = startup.claim_data_folder(folder, listen=False)
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    if instance is None:
        return 0
    # The shell first; the integrity check, opening the database, sign-in,
    # the first-start dialog and the pages follow over it (opening.Opening).
    window = MainWindow()
    instance.activation_requested.connect(lambda: startup.bring_to_front(window))
    begun: list[Opening] = []

    def begin() -> None:  # after the first paint, or OPEN_UNPAINTED_MS; once
        if not begun:
            begun.append(_open_data(app, folder, window, instance))

    window.first_painted.connect(begin)
    QTimer.singleShot(OPEN_UNPAINTED_MS, begin)
    window.show()
    try:
        return app.exec()
    finally:
        if begun:
            begun[0].close()
        instance.release()


def _open_data(
    app: QApplication, folder: DataFolder, window: MainWindow, instance: SingleInstance
) -> Opening:
    """After the first paint: the log file, the error hook and answering second starts, then
    the data folder opened behind the shell, with Qt's translations and the bundled font loaded
    on the GUI thread meanwhile."""
    from wenming_desktop.logs import setup_logging
    from wenming_desktop.ui.errors import install_excepthook
    from wenming_desktop.ui.opening import Opening

    try:
        setup_logging(folder.log_file)
    except OSError as exc:  # the program works without its log file
        log.warning("log file %s not usable: %s", folder.log_file, exc)
    install_excepthook(folder.log_file)
    instance.listen()
    opening = Opening(folder, window)
    opening.finished.connect(app.exit)
    opening.start()
    finish_preparing(app)
    return opening
