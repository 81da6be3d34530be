"""Pieces every record dialog shares: the red error line and the 保存 / 取消 buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel


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
