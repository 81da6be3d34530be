"""设置 → 备份: the backups with date and size, 立即备份, and 恢复 after a confirmation.

Backing up and restoring run on the background runner with a progress dialog; a restore is
modal, so nothing else touches the database while its file is being replaced. On a server
database the tab says who backs it up and offers only a pg_dump export (server_backup.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.retention import KEEP_DAILY, KEEP_MONTHLY
from wenming_desktop.services.safety import backups, server_backup
from wenming_desktop.services.safety.restore import RestoreResult, restore_backup
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.tasks import ProgressDialog


class BackupRow(NamedTuple):
    taken_at: datetime
    reason: str
    size: int
    name: str
    path: Path


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1024) / 1024:.0f} KB"


COLUMNS = [
    Column("备份时间", "taken_at", width=150),
    Column("类型", "reason", width=110),
    Column("大小", "size", size_text, align_right=True, width=90),
    Column("文件名", "name"),
]


def backup_rows(folder: DataFolder) -> list[BackupRow]:
    return [
        BackupRow(
            taken_at=b.taken_at, reason=b.reason_label, size=b.size, name=b.path.name, path=b.path
        )
        for b in backups.list_backups(folder)
    ]


class BackupSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("备份")
        self.context = context
        layout = QVBoxLayout(self)
        ws = context.workspace
        self.server = (
            None if ws.db.is_sqlite else server_backup.server_backup_info(ws.folder, ws.db)
        )
        hint = QLabel(
            server_backup.describe(self.server)
            if self.server is not None
            else f"每天第一次启动时自动备份，升级数据库和恢复备份之前也会先备份。"
            f"保留最近 {KEEP_DAILY} 天每天一份、最近 {KEEP_MONTHLY} 个月每月一份，"
            f"附件（照片、扫描件）一并备份。\n备份位置：{ws.folder.backups}"
        )
        self.hint = hint
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton("立即备份")
        self.restore_button = QPushButton("恢复所选备份…")
        self.restore_file_button = QPushButton("从文件恢复…")
        self.open_button = QPushButton("打开备份文件夹")
        for button in (
            self.backup_button,
            self.restore_button,
            self.restore_file_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._op: Op[Any] | None = None
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.open_button.clicked.connect(self._open_folder)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        if self.server is not None:  # the server's backups are its administrator's
            self.restore_button.hide()
            self.restore_file_button.hide()
            self.backup_button.setText("导出服务器数据库")
            self.backup_button.setVisible(self.server.pg_dump is not None)

    def refresh(self) -> None:
        self.context.load(self, lambda: backup_rows(self.context.workspace.folder), self._show)

    def _show(self, rows: list[BackupRow]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> BackupRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.restore_button, self.restore_file_button):
            button.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    @property
    def progress_dialog(self) -> ProgressDialog | None:
        """The progress dialog of the backup or restore running now, if any."""
        return self._op.dialog if self._op is not None else None

    def backup_now(self) -> None:
        ws = self.context.workspace
        if self.server is not None:
            self._dump_server()
            return
        self._busy(True)
        self.status.setText("正在备份…")
        op = self.context.op(self, lambda p: backups.create_backup(ws.folder, ws.db, "manual", p))
        op.with_progress("正在备份…").finally_(lambda: self._busy(False))
        op.success(self._backup_done).failure(self._failed)
        op.cancelled(lambda: self.status.setText("已取消备份"))
        self._op = op
        op.run()

    def _dump_server(self) -> None:
        ws = self.context.workspace
        self._busy(True)
        self.status.setText("正在导出服务器数据库…")
        op = self.context.op(self, lambda _p: server_backup.dump_server(ws.folder, ws.db))
        op.with_progress("正在导出服务器数据库…", cancellable=False).finally_(
            lambda: self._busy(False)
        )
        op.success(lambda path: self.status.setText(f"已导出：{path}")).failure(self._failed)
        self._op = op
        op.run()

    def _backup_done(self, info: backups.BackupInfo) -> None:
        self.status.setText(f"备份完成：{info.path.name}（{size_text(info.size)}）")
        self.refresh()

    def restore_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.restore(row.path, f"{row.taken_at:%Y-%m-%d %H:%M} 的备份")

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "选择备份文件",
            str(self.context.workspace.folder.backups),
            "备份文件 (*.db *.zip);;所有文件 (*)",
        )
        if name:
            self.restore(Path(name), f"备份文件“{Path(name).name}”")

    def restore(self, source: Path, label: str) -> None:
        if not confirm(
            self,
            "恢复备份",
            f"确定用{label}替换当前的全部数据吗？\n\n"
            "恢复之前会先自动备份当前数据；如果恢复错了，可以再从那份备份恢复回来。",
        ):
            return
        ws = self.context.workspace
        self._busy(True)
        self.status.setText("正在恢复…")
        # Modal and shown at once, it keeps every other action out; a restore is not stopped
        # halfway, so it has no 取消.
        op = self.context.op(self, lambda p: restore_backup(ws, source, p))
        op.with_progress("正在恢复备份…", cancellable=False, modal=True)
        op.finally_(lambda: self._busy(False)).success(self._restore_done).failure(self._failed)
        self._op = op
        op.run()

    def _restore_done(self, result: RestoreResult) -> None:
        lines = [f"已从“{result.restored_from.name}”恢复。"]
        if result.safety_backup is not None:
            lines.append(f"恢复前的数据已备份为“{result.safety_backup.path.name}”。")
        if result.damaged_kept is not None:
            lines.append(f"原来损坏的数据库已另存为“{result.damaged_kept}”。")
        self.status.setText("".join(lines))
        QMessageBox.information(self, "恢复完成", "\n".join(lines))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.context.show_error(self, exc)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.workspace.folder.backups)))
