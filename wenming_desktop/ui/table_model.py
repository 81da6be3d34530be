"""A read-only table model over plain row tuples, the base of every list (docs/architecture.md,
"Lists and tables").

Columns name the row field they show (a NamedTuple field name; a position only for rows that are
plain tuples). Text sorts in the Chinese collation of the zh_CN locale: names in pinyin order
(艾, 陈, 李, 王, 张), see docs/rows.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter, itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCollatorSortKey,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole row tuple
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value, for sorting

Index = QModelIndex | QPersistentModelIndex


def default_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class Column:
    """One column: its header, which field of the row it shows (a field name, or a position in
    a plain tuple) and how."""

    title: str
    field: str | int
    text: Callable[[Any], str] = default_text
    align_right: bool = False
    width: int | None = None


def field_getter(field: str | int) -> Callable[[Any], Any]:
    """Reads a column's field from a row: by name from a NamedTuple, by position from a tuple."""
    return attrgetter(field) if isinstance(field, str) else itemgetter(field)


def _collator() -> QCollator:
    # Qt's locale-aware collation (ICU in the PySide6 wheels, the system's on Windows): the
    # zh_CN locale orders Chinese characters by pinyin, digits numerically.
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    return collator


_COLLATOR = _collator()


def sort_key(value: Any) -> tuple[int, Any]:
    """The key a list sorts a cell value by: numbers by value, text (and dates, as ISO text) in
    pinyin order, empty values (None) after all others."""
    if value is None:
        return (1, "")
    if isinstance(value, bool | int | float):
        return (0, value)
    return (0, text_key(str(value)))


def text_key(text: str) -> QCollatorSortKey:
    """The collation key of a text in the zh_CN locale (艾 < 陈 < 李 < 王 < 张)."""
    return _COLLATOR.sortKey(text)


class RowTableModel(QAbstractTableModel):
    """Rows are tuples (NamedTuples welcome); columns say which field each shows."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[tuple[Any, ...]] = []

    @property
    def columns(self) -> list[Column]:
        return self._columns

    @columns.setter
    def columns(self, columns: Sequence[Column]) -> None:
        """Replacing the columns (inside a model reset) replaces how each reads its row."""
        self._columns = list(columns)
        self._getters = [field_getter(c.field) for c in self._columns]

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> tuple[Any, ...]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._getters[index.column()](row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._getters[index.column()](row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        get = self._getters[column]
        keys = [sort_key(get(row)) for row in self._rows]
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(
            range(len(self._rows)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        new_position = {old: new for new, old in enumerate(order_of)}
        self._rows = [self._rows[i] for i in order_of]
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(new_position[i.row()], i.column()) if i.isValid() else i for i in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()
