"""The 活动 page's exports: the year's ledger (Excel), one activity's record sheet and volunteer
sign-in sheet (PDF), and printing the sign-in sheet through Qt's print preview.

Each asks where to save, then runs as an operation (ui/operations.py) with a progress dialog;
the finish message offers to open the file written.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.activities.records import export_activity_record
from wenming_desktop.services.activities.signin import export_volunteer_signin
from wenming_desktop.services.filing.ledgers import LedgerRequest, ledger, year_period
from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.finished import show_finished
from wenming_desktop.ui.printing import preview_and_print


def run_in_background(
    context: PageContext,
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    message: Callable[[Any], str],
    path: Path,
) -> Progress:
    """Run an export as an operation; the finish message offers to open the file written."""
    op = context.op(parent, work).with_progress(title)
    return op.success(lambda result: show_finished(parent, "导出完成", message(result), path)).run()


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
        request = LedgerRequest(year_period(year), village_id, village_name)
        default = str(context.workspace.folder.exports / ledger("activities").file_name(request))
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, f"导出{year}年活动台账", default, "Excel 工作簿 (*.xlsx)"
        )
        if not chosen:
            return
        path = Path(chosen)
    spec = ledger("activities")
    request = LedgerRequest(year_period(year), village_id, village_name)
    ws, target = context.workspace, path

    def work(progress: Progress) -> str:
        count = spec.write(ws, replace(request, progress=progress), target)
        return spec.done_message(count, target, request)

    run_in_background(context, parent, f"正在导出{spec.title}…", work, str, target)


def _ask_pdf(context: PageContext, parent: QWidget, title: str, default_name: str) -> Path | None:
    default = str(context.workspace.folder.exports / safe_filename(default_name))
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, default, "PDF 文件 (*.pdf)")
    return Path(chosen) if chosen else None


def export_record(
    context: PageContext,
    parent: QWidget,
    activity_id: int,
    default_name: str,
    path: Path | None = None,
) -> None:
    """Ask for the file (unless given), then write the activity's 活动记录表 PDF."""
    target = path or _ask_pdf(context, parent, "导出活动记录表", default_name)
    if target is None:
        return
    ws = context.workspace
    run_in_background(
        context,
        parent,
        "正在导出活动记录表",
        lambda _p: export_activity_record(ws, activity_id, target),
        lambda written: f"已导出活动记录表：\n{written}",
        target,
    )


def export_signin(
    context: PageContext,
    parent: QWidget,
    activity_id: int,
    default_name: str,
    path: Path | None = None,
) -> None:
    """Ask for the file (unless given), then write the volunteer sign-in sheet PDF."""
    target = path or _ask_pdf(context, parent, "导出志愿者签到表", default_name)
    if target is None:
        return
    ws = context.workspace
    run_in_background(
        context,
        parent,
        "正在导出签到表",
        lambda _p: export_volunteer_signin(ws, activity_id, target),
        lambda count: f"已导出志愿者签到表（预填 {count} 人）：\n{target}",
        target,
    )


def print_signin(context: PageContext, parent: QWidget, activity_id: int, title: str) -> None:
    """Lay the sheet out as a PDF on the worker, then open Qt's print preview on it."""
    ws = context.workspace
    folder = Path(tempfile.mkdtemp(prefix="print-", dir=ws.folder.exports))
    target = folder / "签到表.pdf"

    def show(_count: int) -> None:
        try:
            preview_and_print(parent, target, f"{title} 志愿者签到表")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def work(_progress: Progress) -> int:
        return export_volunteer_signin(ws, activity_id, target)

    def failed(exc: BaseException) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        context.show_error(parent, exc)

    op = context.op(parent, work).success(show).failure(failed)
    op.cancelled(lambda: shutil.rmtree(folder, ignore_errors=True)).run()
