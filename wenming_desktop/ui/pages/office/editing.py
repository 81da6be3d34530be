"""Small editing pieces of the office's dialogs: a table of typed-in rows (members, attendees,
decisions) with check-box columns, an optional date, and reading a date typed as text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.ui.widgets.column_fit import ColumnFit


def to_qdate(value: date | None) -> QDate:
    day = value or date.today()
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def parse_day(text: str, what: str) -> date | None:
    """A date typed as 2026-03-15 (or 2026/3/15); empty → None; otherwise a UserError."""
    value = text.strip().replace("/", "-").replace(".", "-")
    if not value:
        return None
    try:
        year, month, day = (int(part) for part in value.split("-"))
        return date(year, month, day)
    except ValueError:
        raise UserError(f"{what}“{text}”不是日期，应写成 2026-03-15") from None


class OptionalDay(QWidget):
    """A date with a check box in front: unchecked means "not set"."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.set_value(None)

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.edit.setDate(to_qdate(value))

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None


KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's roster id, kept on its first cell


class RowsTable(QTableWidget):
    """Rows the clerk types in; columns listed in `checks` are check boxes (True/False), those
    in `choices` pick from a list; each row may carry a key (a volunteer's id)."""

    def __init__(
        self,
        headers: Sequence[str],
        widths: Sequence[int],
        checks: Sequence[int] = (),
        choices: dict[int, Sequence[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.checks = set(checks)
        self.choices = dict(choices or {})
        self.setHorizontalHeaderLabels(list(headers))
        for i, width in enumerate(widths):
            self.setColumnWidth(i, width)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(26)
        ColumnFit(self)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def add_row(self, values: Sequence[object], key: int | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem()
            if column in self.choices:
                combo = QComboBox()
                combo.addItems(list(self.choices[column]))
                combo.setCurrentText(str(value or self.choices[column][-1]))
                self.setCellWidget(row, column, combo)
            elif column in self.checks:
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            else:
                item.setText("" if value is None else str(value))
            self.setItem(row, column, item)
            if column == 0:
                item.setData(KEY_ROLE, key)
        return row

    def key(self, row: int) -> int | None:
        item = self.item(row, 0)
        value = item.data(KEY_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def value(self, row: int, column: int) -> str | bool:
        if column in self.choices:
            widget = self.cellWidget(row, column)
            return widget.currentText() if isinstance(widget, QComboBox) else ""
        item = self.item(row, column)
        if column in self.checks:
            return item is not None and item.checkState() == Qt.CheckState.Checked
        return "" if item is None else item.text().strip()

    def text(self, row: int, column: int) -> str:
        return str(self.value(row, column))

    def checked(self, row: int, column: int) -> bool:
        return bool(self.value(row, column))

    def filled_rows(self) -> list[int]:
        """Rows with any text typed in (empty rows are ignored)."""
        return [
            r
            for r in range(self.rowCount())
            if any(
                self.text(r, c)
                for c in range(self.columnCount())
                if c not in self.checks and c not in self.choices
            )
        ]
