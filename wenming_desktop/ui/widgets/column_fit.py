"""Columns that fit the table's width: no list scrolls sideways for its shown columns.

Each column keeps the width it was designed with (or the one the clerk dragged it to). When the
shown columns together are wider than the table, the widest give up width first, down to a
common width and never below their header's text: short columns (dates, states, numbers) keep
their width, long texts end in "…". When the table grows again the columns grow back to their
widths. A cell cut short shows its whole text as a tooltip. A column the clerk does not need is
hidden from the header's right-click menu (显示的列), which makes room for the others.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QToolTip
from shiboken6 import isValid

# Room around a header's text: Qt's margins and the sort arrow.
HEADER_PADDING = 24
# Room around a cell's text (both margins).
CELL_PADDING = 8


class ColumnFit(QObject):
    """Installed on a table by `make_table`; `fit()` runs on every resize of the table's
    viewport and after a column is shown or hidden."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        self._wanted: dict[int, int] = {}
        self._fitting = False
        self._dragging = False
        header.sectionResized.connect(self._resized)
        self._viewport = view.viewport()
        header.viewport().installEventFilter(self)
        self._viewport.installEventFilter(self)

    def wanted(self, column: int) -> int:
        """The width `column` has when there is room: designed, or dragged by the clerk."""
        header = self.view.horizontalHeader()
        if column not in self._wanted:
            self._wanted[column] = header.sectionSize(column)
        return self._wanted[column]

    def floor(self, column: int) -> int:
        """The narrowest `column` becomes: its header's text, readable."""
        header = self.view.horizontalHeader()
        title = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        text = header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING
        return max(header.minimumSectionSize(), text)

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not shown:
            return
        floors = {i: self.floor(i) for i in shown}
        widths = {i: max(self.wanted(i), floors[i]) for i in shown}
        available = self.view.viewport().width()
        if sum(widths.values()) > available:
            widths = _level(widths, floors, available)
        self._fitting = True
        try:
            for i in shown:
                if header.sectionSize(i) != widths[i]:
                    header.resizeSection(i, widths[i])
        finally:
            self._fitting = False

    def cut_text(self, index: QModelIndex) -> str | None:
        """The whole text of a cell shown cut short ("…"); None when it shows whole or the
        model has a tooltip of its own."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text or index.data(Qt.ItemDataRole.ToolTipRole):
            return None
        room = self.view.visualRect(index).width() - CELL_PADDING
        return text if self.view.fontMetrics().horizontalAdvance(text) > room else None

    def _tip(self, event: QEvent) -> bool:
        assert isinstance(event, QHelpEvent)
        text = self.cut_text(self.view.indexAt(event.pos()))
        if text is None:
            return False
        QToolTip.showText(event.globalPos(), text, self._viewport)
        return True

    def _resized(self, column: int, _old: int, new: int) -> None:
        header = self.view.horizontalHeader()
        stretched = header.stretchLastSection() and column == header.logicalIndex(
            header.count() - 1 - _hidden_at_end(header)
        )
        if self._dragging and not self._fitting and not stretched:
            self._wanted[column] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport and kind == QEvent.Type.Resize:
            if isValid(self.view):  # not while the table is being destroyed
                self.fit()
        elif watched is self._viewport and kind == QEvent.Type.ToolTip:
            return self._tip(event)
        elif kind == QEvent.Type.MouseButtonPress:
            self._dragging = True
        elif kind == QEvent.Type.MouseButtonRelease:
            self._dragging = False
        return False


def fit_columns(view: QTableView) -> None:
    """Fit `view`'s shown columns again (after one was shown or hidden)."""
    fitter = view.findChild(ColumnFit)
    if fitter is not None:
        fitter.fit()


def _hidden_at_end(header: QHeaderView) -> int:
    count = 0
    for visual in range(header.count() - 1, -1, -1):
        if not header.isSectionHidden(header.logicalIndex(visual)):
            break
        count += 1
    return count


def _level(widths: dict[int, int], floors: dict[int, int], available: int) -> dict[int, int]:
    """The widest columns give up width first, down to a common width (never below a column's
    floor), so short columns (dates, states, numbers) keep theirs and long texts give."""

    def at(level: int) -> dict[int, int]:
        return {i: min(w, max(level, floors[i])) for i, w in widths.items()}

    low, high = 0, max(widths.values())
    while low < high:  # the widest common width at which the columns fit
        middle = (low + high + 1) // 2
        if sum(at(middle).values()) <= available:
            low = middle
        else:
            high = middle - 1
    return at(low)
