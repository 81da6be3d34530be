"""Pieces the 创建工作 tabs share: the year bar, a button row, the selected row of a list, the
attachments dialog of a meeting or a finding, and exporting a ledger or a document on the
worker."""

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
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.periods import Period, parse_period
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.attachments import OwnerKind
from wenming_desktop.services.progress import Progress
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.activities.activity_attachments import ActivityAttachmentsPanel
from wenming_desktop.ui.pages.activities.activity_exports import run_in_background
from wenming_desktop.ui.table_model import ROW_ROLE

XLSX = "Excel 工作簿 (*.xlsx)"
PDF = "PDF 文件 (*.pdf)"


def year_box(today: date) -> QSpinBox:
    box = QSpinBox()
    box.setRange(2000, 2100)
    box.setValue(today.year)
    box.setSuffix(" 年")
    return box


def year_bar(year: QSpinBox, info: QLabel | None = None) -> QHBoxLayout:
    """The line above a tab's lists: 年度 and its chooser, then `info` (a summary) if any."""
    bar = QHBoxLayout()
    bar.addWidget(QLabel("年度"))
    bar.addWidget(year)
    if info is None:
        bar.addStretch(1)
    else:
        bar.addWidget(info, 1)
    return bar


def selected_row(table: QTableView) -> Any:
    """The row (of the table's RowTableModel) selected in `table`, None when there is none."""
    rows = table.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


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


def export_year_ledger(
    context: PageContext,
    parent: QWidget,
    year: int,
    today: date,
    title: str,
    ledger_name: str,
    write: Callable[[Database, Path, Period, date], object],
) -> None:
    """Export a ledger of the tab's `year` as `write(db, path, period, today)` does, into a
    file named after the year and `ledger_name` (the clerk chooses where)."""
    period = parse_period(str(year))
    db = context.workspace.db
    export_file(
        context,
        parent,
        title,
        f"{period.label}{ledger_name}",
        XLSX,
        lambda path: write(db, path, period, today),
    )
