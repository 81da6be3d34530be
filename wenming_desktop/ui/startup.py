"""What the window does around opening the data folder: one program per folder, a quick
integrity check with an offer to restore, sign-in when it is on, the network-share warning, the
daily backup.

Each step is its own function so `app.run_gui` stays a readable list of steps. The services
(SQLAlchemy behind them) are imported inside the steps that use them: this module is on the path
that paints the window's shell, which must not wait for them (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wenming_desktop import APP_NAME
from wenming_desktop.config import DataFolder
from wenming_desktop.services.settings.location import SETTING_KEY, network_share_warning
from wenming_desktop.ui.single_instance import SingleInstance, ask_running_program_to_show

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from wenming_desktop.services.settings.workspace import Workspace
    from wenming_desktop.ui.context import PageContext

log = logging.getLogger(__name__)


def claim_data_folder(folder: DataFolder, listen: bool = True) -> SingleInstance | None:
    """This program's hold on the folder, or None after asking the running one to show.

    `listen=False`: the caller starts answering second starts later (`SingleInstance.listen`).
    """
    instance = SingleInstance(folder.root)
    if instance.claim(listen=listen):
        return instance
    from PySide6.QtWidgets import QMessageBox

    if not ask_running_program_to_show(folder.root):
        QMessageBox.information(
            None,
            APP_NAME,
            f"本程序已经在使用数据文件夹“{folder.root}”，请切换到已打开的窗口。",
        )
    return None


def bring_to_front(window: QWidget) -> None:
    from PySide6.QtCore import Qt  # not at import: the shell is painted before `Qt` is created

    if window.isMinimized():
        window.showNormal()
    window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()


def check_database_at_start(folder: DataFolder, parent: QWidget | None = None) -> bool:
    """Quick integrity check; on damage offer the newest good backup. False = do not open."""
    problems = damage_found(folder)
    return not problems or offer_restore(folder, problems, parent)


def damage_found(folder: DataFolder) -> list[str]:
    """SQLite's quick check of the folder's database file ([] = sound, or nothing to check).

    Touches no widget and loads only the sqlite3 module: the window runs it off the GUI thread,
    alongside loading SQLAlchemy, before opening the workspace.
    """
    from wenming_desktop.storage.integrity import check_file

    if folder.database_url() is not None or not folder.database.exists():
        return []
    problems = check_file(folder.database)
    if problems:
        log.error("database failed the quick check: %s", problems)
    return problems


def offer_restore(folder: DataFolder, problems: list[str], parent: QWidget | None = None) -> bool:
    """The database is damaged: offer the newest good backup. True = restored, open it now."""
    from PySide6.QtWidgets import QMessageBox

    from wenming_desktop.services.safety import backups
    from wenming_desktop.services.safety.restore import restore_backup
    from wenming_desktop.services.settings.workspace import Workspace
    from wenming_desktop.storage.database import Database

    detail = f"数据库文件“{folder.database}”已损坏，无法正常使用。\n（{problems[0]}）"
    good = backups.newest_good_backup(folder)
    if good is None:
        QMessageBox.critical(
            parent,
            APP_NAME,
            f"{detail}\n\n没有找到完好的备份。数据库文件没有被改动；"
            f"请联系技术人员，并把数据文件夹“{folder.root}”整个复制保存。",
        )
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, detail, parent=parent)
    box.setInformativeText(
        f"最新的完好备份是 {good.taken_at:%Y-%m-%d %H:%M} 的{good.reason_label}。"
        "恢复后，损坏的文件会改名另存（不会被覆盖或删除），该备份之后录入的内容需要重新录入。"
    )
    restore = box.addButton("从这份备份恢复", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    ws = Workspace(folder, Database.open_sqlite(folder.database))
    try:
        result = restore_backup(ws, good.path)
    finally:
        ws.close()
    QMessageBox.information(
        parent,
        APP_NAME,
        f"已从 {good.taken_at:%Y-%m-%d %H:%M} 的备份恢复。\n损坏的数据库已另存为：\n"
        f"{result.damaged_kept}",
    )
    return True


def warn_if_network_share(parent: QWidget | None, workspace: Workspace) -> None:
    """Warn once per data folder that SQLite on a network share is not safe."""
    from PySide6.QtWidgets import QMessageBox

    from wenming_desktop.services.settings import settings

    folder, db = workspace.folder, workspace.db
    if not db.is_sqlite:
        return
    warning = network_share_warning(folder.root)
    if warning is None or settings.get_setting(db, SETTING_KEY) == str(folder.root):
        return
    QMessageBox.warning(parent, "数据文件夹位于网络上", warning)
    if db.actor is None or db.actor.can_write:  # a read-only user sees it again next time
        settings.update_settings(db, {SETTING_KEY: str(folder.root)})


def start_daily_backup(context: PageContext) -> None:
    """The first start of a day backs up in the background; a failure is shown, not fatal."""
    from wenming_desktop.services.safety import backups

    ws = context.workspace
    op = context.op(None, lambda _p: backups.daily_backup(ws.folder, ws.db))
    op.success(lambda info: log.info("daily backup: %s", info.path if info else "not due")).run()


def sign_in(workspace: Workspace, parent: QWidget | None = None) -> bool:
    """When sign-in is on, the login dialog; False when the clerk gives up."""
    from wenming_desktop.services.safety import users

    if not users.sign_in_required(workspace.db):
        return True
    from wenming_desktop.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(workspace.db, parent)
    if not dialog.exec() or dialog.actor is None:
        return False
    workspace.db.actor = dialog.actor
    log.info("signed in: %s", dialog.actor.username)
    return True
