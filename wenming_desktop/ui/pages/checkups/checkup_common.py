"""Small pieces the 健康体检 tabs share: the village chooser and running an export with a
progress dialog on the background runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.villages import villages
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.tasks import ProgressDialog


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
) -> Progress:
    """Run `work` on the runner with a cancellable progress dialog; report in `status`."""
    dialog = ProgressDialog(title, owner)

    def close() -> None:
        dialog.close()
        dialog.deleteLater()

    def succeeded(result: Any) -> None:
        close()
        status.setText(done_text(result))

    def failed(exc: BaseException) -> None:
        close()
        status.setText("" if isinstance(exc, UserError) else "导出未完成，详见错误信息")
        context.show_error(owner, exc)

    def cancelled() -> None:
        close()
        status.setText("已取消导出，未留下任何文件")

    progress = context.runner.run(
        work, succeeded, failed, on_progress=dialog.update_progress, on_cancelled=cancelled
    )
    dialog.attach(progress)
    dialog.show()
    return progress
