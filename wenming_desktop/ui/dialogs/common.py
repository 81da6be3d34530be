"""Pieces dialogs and pages share: the red error line, the 保存 / 取消 buttons, a 是/否 question,
and the offer to reload a record someone else saved meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget


def error_label() -> QLabel:
    """Where a dialog shows a UserError's message; the dialog stays open."""
    label = QLabel("")
    label.setObjectName("error")
    label.setWordWrap(True)
    return label


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """保存 runs the dialog's accept (which validates), 取消 rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """Ask 是/否 before something that cannot be undone; 否 is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


RELOAD = 2  # an edit dialog's result: closed to be opened again with the newest values


def offer_reload(dialog: QDialog, message: str) -> bool:
    """A save refused because someone else saved the record meanwhile: ask to reload it.

    Returns True when the clerk chose 重新载入 (the caller ends the dialog with RELOAD and
    the page opens it again on the newest values); otherwise the dialog stays open.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, "记录已被修改", message, parent=dialog)
    reload = box.addButton("重新载入", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("留在此处", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload)
    box.exec()
    return box.clickedButton() is reload
