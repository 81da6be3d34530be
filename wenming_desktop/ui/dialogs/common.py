"""Pieces dialogs and pages share: the red error line, the 保存 / 取消 buttons, a 是/否 question,
and the offer to reload a record someone else saved meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import StaleRecord, UserError

T = TypeVar("T")


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


def offer_reload(dialog: QWidget, message: str) -> bool:
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


def try_save(dialog: QDialog, error: QLabel, save: Callable[[], object]) -> bool:
    """Run an edit dialog's `save`; True when it went through (the caller then accepts).

    A UserError shows in `error` and the dialog stays open with what the clerk typed. A save
    refused because someone else saved the record meanwhile (StaleRecord) also offers
    重新载入: chosen, the dialog ends with RELOAD (see `edit_until_done`); declined, it stays
    open with the clerk's values, so they can be copied or the dialog cancelled.
    """
    try:
        save()
    except StaleRecord as exc:
        error.setText(exc.message)
        if offer_reload(dialog, exc.message):
            dialog.done(RELOAD)
        return False
    except UserError as exc:
        error.setText(exc.message)
        return False
    return True


def edit_until_done(open_record: Callable[[], Seen[T]], run: Callable[[Seen[T]], int]) -> int:
    """Open a record and run its edit dialog; after 重新载入 open it again on the newest values.

    `open_record` reads the record with its version (a UserError it raises, e.g. deleted
    meanwhile, passes to the caller); `run(seen)` shows the dialog and returns its result.
    Returns the last dialog's result (Accepted / Rejected).
    """
    result = RELOAD
    while result == RELOAD:
        result = run(open_record())
    return result


def edit_or_say(
    parent: QWidget,
    show_error: Callable[[QWidget | None, BaseException], None],
    open_record: Callable[[], Seen[T]],
    run: Callable[[Seen[T]], int],
) -> int | None:
    """`edit_until_done`, with a UserError (the record deleted meanwhile, a refusal) shown to
    the clerk over `parent`: the last dialog's result, or None after an error was shown."""
    try:
        return edit_until_done(open_record, run)
    except UserError as exc:
        show_error(parent, exc)
        return None
