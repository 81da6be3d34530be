"""Small pieces the 健康体检 tabs share: the village chooser and running an export or import as
an operation (ui/operations.py) that reports in the tab's status line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.villages import villages
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.finished import show_finished


def fill_villages(combo: QComboBox, context: PageContext, all_label: str | None) -> None:
    """(Re)fill a village chooser, keeping the chosen village; `all_label` adds "all" first."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if all_label is not None:
        combo.addItem(all_label, None)
    for row in villages.list_villages(context.workspace.db):
        combo.addItem(row.name, row.id)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def run_export(
    owner: QWidget,
    context: PageContext,
    title: str,
    work: Callable[[Progress], Any],
    status: QLabel,
    done_text: Callable[[Any], str],
    opens: Path | None = None,
) -> Progress:
    """Run `work` as an operation with a cancellable progress dialog; report in `status`.

    With `opens` (the file written), the finish message offers to open it and its folder."""

    def succeeded(result: Any) -> None:
        text = done_text(result)
        status.setText(text)
        if opens is not None:
            show_finished(owner, "导出完成", text, opens)

    def failed(exc: BaseException) -> None:
        status.setText("" if isinstance(exc, UserError) else "操作未完成，详见错误信息")
        context.show_error(owner, exc)

    op = context.op(owner, work).with_progress(title).success(succeeded).failure(failed)
    return op.cancelled(lambda: status.setText("已取消，未留下任何文件")).run()
