"""Keyboard-only keying in tables: Enter commits a cell and goes on to the next one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QStyledItemDelegate, QTableView, QWidget

from wenming_desktop.ui.pages.activities.activity_sheet_model import next_cell


class KeyingDelegate(QStyledItemDelegate):
    """Enter commits the time and asks for the next cell (Qt's own Enter just closes)."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class SheetView(QTableView):
    """A table where committing a time (Enter or Tab) moves on to the next time to key."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        if hint != QAbstractItemDelegate.EndEditHint.EditNextItem or not current.isValid():
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if not getattr(self.model(), "last_edit_ok", True):
            return  # a refused time: stay on the cell so it can be typed again
        target = next_cell(current)
        if target is None:
            return
        index = self.model().index(*target)
        self.setCurrentIndex(index)
        self.edit(index)
