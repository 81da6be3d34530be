"""Composing and starting the GUI: Qt application, fonts, translations, workspace, window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from wenming_desktop import APP_NAME
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.logs import setup_logging
from wenming_desktop.resources import font_path, icon_path, style_path
from wenming_desktop.services.first_start import needs_first_start
from wenming_desktop.services.workspace import Workspace, open_workspace

from . import startup
from .context import PageContext
from .dialogs.first_start import FirstStartDialog
from .errors import install_excepthook
from .main_window import MainWindow
from .tasks import TaskRunner

log = logging.getLogger(__name__)

# Preferred Chinese UI fonts, system first; the bundled font is the last resort (DESIGN §5).
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"]


def prepare_application(app: QApplication) -> None:
    """Translations, fonts and style: everything the window needs before it is built."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    translator = QTranslator(app)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qt", "_", translations
    ):
        app.installTranslator(translator)
    families = [app.font().family(), *UI_FONTS]
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id >= 0:
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    else:
        log.warning("bundled font not loaded from %s", font_path())
    font = QFont(app.font())
    font.setFamilies(families)
    font.setPointSize(10)
    app.setFont(font)
    if icon_path().exists():
        app.setWindowIcon(QIcon(str(icon_path())))
    if style_path().exists():
        app.setStyleSheet(style_path().read_text(encoding="utf-8"))


def build_window(workspace: Workspace) -> MainWindow:
    context = PageContext(workspace=workspace, runner=TaskRunner())
    return MainWindow(context)


def high_dpi_policy() -> None:
    """Fractional scaling (125 %, 150 % on office laptops) unrounded, so text stays crisp."""
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )


def offer_first_start(workspace: Workspace) -> tuple[Workspace, bool]:
    """On an empty data folder, ask for the unit and villages, or switch to the demo folder.

    Returns the workspace to show and whether it is the demo one.
    """
    if not needs_first_start(workspace.db):
        return workspace, False
    dialog = FirstStartDialog(workspace)
    dialog.exec()
    if dialog.demo_workspace is None:
        return workspace, False
    workspace.close()
    return dialog.demo_workspace, True


def run_gui(folder: DataFolder) -> int:
    high_dpi_policy()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    prepare_application(app)
    try:
        folder.ensure()
        setup_logging(folder.log_file)
        install_excepthook(folder.log_file)
        # Issue 8: one program per data folder; a second start raises the first window.
        instance = startup.claim_data_folder(folder)
        if instance is None:
            return 0
        # Issue 8: quick integrity check; a damaged file is offered the newest good backup.
        if not startup.check_database_at_start(folder):
            return 1
        workspace = open_workspace(folder)
    except UserError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    # Issue 8: when sign-in is on, nothing is shown before a user has signed in.
    if not startup.sign_in(workspace):
        workspace.close()
        return 0
    workspace, demo = offer_first_start(workspace)
    window = build_window(workspace)
    if workspace.db.actor is not None:  # issue 8: who is signed in
        window.setWindowTitle(f"{APP_NAME} — {workspace.db.actor.label}")
    if demo:
        window.setWindowTitle(f"{APP_NAME}（演示数据）")
    instance.activation_requested.connect(lambda: startup.bring_to_front(window))
    window.show()
    startup.warn_if_network_share(window, workspace)  # issue 8
    startup.start_daily_backup(window.context)  # issue 8
    try:
        return app.exec()
    finally:
        workspace.close()
        instance.release()
