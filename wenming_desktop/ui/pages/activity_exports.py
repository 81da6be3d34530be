"""The 活动 page's exports: the year's ledger (Excel) and one activity's record sheet (PDF).

Both ask where to save, then run on the worker with a progress dialog; the result or the error
comes back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activity_export import export_activities, ledger_filename
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.records import export_activity_record

from ..context import PageContext
from ..tasks import ProgressDialog


def run_in_background(
    context: PageContext,
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    message: Callable[[Any], str],
) -> None:
    dialog = ProgressDialog(title, parent)

    def done(result: Any) -> None:
        dialog.close()
        QMessageBox.information(parent, "导出完成", message(result))

    def failed(exc: BaseException) -> None:
        dialog.close()
        context.show_error(parent, exc)

    progress = context.runner.run(work, done, failed, dialog.update_progress, dialog.close)
    dialog.attach(progress)


def export_ledger(
    context: PageContext,
    parent: QWidget,
    year: int,
    village_id: int | None,
    village_name: str | None,
    path: Path | None = None,
) -> None:
    """Ask for the file (unless given), then write the year's 文明实践活动台账."""
    if path is None:
        default = str(context.workspace.folder.exports / ledger_filename(year, village_name))
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, f"导出{year}年活动台账", default, "Excel 工作簿 (*.xlsx)"
        )
        if not chosen:
            return
        path = Path(chosen)
    db = context.workspace.db
    target = path
    run_in_background(
        context,
        parent,
        "正在导出活动台账",
        lambda p: export_activities(db, target, year, village_id, village_name, p),
        lambda count: f"已导出 {count} 场活动：\n{target}",
    )


def export_record(
    context: PageContext,
    parent: QWidget,
    activity_id: int,
    default_name: str,
    path: Path | None = None,
) -> None:
    """Ask for the file (unless given), then write the activity's 活动记录表 PDF."""
    if path is None:
        default = str(context.workspace.folder.exports / safe_filename(default_name))
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, "导出活动记录表", default, "PDF 文件 (*.pdf)"
        )
        if not chosen:
            return
        path = Path(chosen)
    ws = context.workspace
    target = path
    run_in_background(
        context,
        parent,
        "正在导出活动记录表",
        lambda _p: export_activity_record(ws, activity_id, target),
        lambda written: f"已导出活动记录表：\n{written}",
    )
