"""Pieces the 创建工作 tabs share: a year chooser, a titled button row, the attachments dialog
of a meeting or a finding, and exporting a ledger or a document on the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.attachments import OwnerKind
from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.activities.activity_attachments import ActivityAttachmentsPanel
from wenming_desktop.ui.pages.activities.activity_exports import run_in_background


def year_box(today: date) -> QSpinBox:
    box = QSpinBox()
    box.setRange(2000, 2100)
    box.setValue(today.year)
    box.setSuffix(" 年")
    return box


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class AttachmentsDialog(QDialog):
    """The attachments of one meeting (scanned signed sheet, photos) or finding (evidence)."""

    def __init__(
        self,
        context: PageContext,
        owner: OwnerKind,
        owner_id: int,
        kinds: tuple[str, ...],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 480)
        self.panel = ActivityAttachmentsPanel(context, self, owner=owner, kinds=kinds)
        self.panel.set_activity(owner_id)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(close)


def export_file(
    context: PageContext,
    parent: QWidget,
    title: str,
    default_name: str,
    file_filter: str,
    write: Callable[[Path], Any],
    path: Path | None = None,
) -> None:
    """Ask where to save (unless `path` is given), then write on the worker with progress."""
    if path is None:
        default = str(context.workspace.folder.exports / safe_filename(default_name))
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, default, file_filter)
        if not chosen:
            return
        path = Path(chosen)
    target = path

    def work(_progress: Progress) -> Path:
        write(target)
        return target

    run_in_background(context, parent, f"正在{title}", work, lambda p: f"已导出：\n{p}", target)


XLSX = "Excel 工作簿 (*.xlsx)"
PDF = "PDF 文件 (*.pdf)"
