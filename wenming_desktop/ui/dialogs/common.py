"""Pieces dialogs and pages share: the red error line, the 保存 / 取消 buttons, a 是/否 question."""

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
