"""Finding the resident on a paper form by keyboard: name, pinyin initials or ID tail.

Typing filters the village's residents; Up/Down move through the matches without leaving the
box; Enter takes the highlighted one, or, when nothing matches, asks to add a new resident.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from wenming_desktop.domain.identity import mask_id
from wenming_desktop.domain.residents import age_on
from wenming_desktop.domain.vocabulary import FocusGroup
from wenming_desktop.services.checkups.residents import search_residents
from wenming_desktop.storage.queries.residents import ResidentRow
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel

MAX_MATCHES = 50
F = ResidentRow._fields.index

MATCH_COLUMNS = [
    Column("姓名", F("name"), width=70),
    Column("性别", F("gender"), width=40),
    Column("出生日期", "birth_text", width=90),
    Column("身份证号", F("id_number"), mask_id, width=150),
    Column("村民小组", F("group_name")),
]


def describe(row: ResidentRow, day: date) -> str:
    """One line about a resident for the form: name, gender, age, masked ID, group, focus."""
    age = age_on(row.birth_date, day)
    parts = [row.name, row.gender or "性别未知", f"{age}岁" if age is not None else "年龄未知"]
    if row.id_number:
        parts.append(mask_id(row.id_number))
    if row.group_name:
        parts.append(row.group_name)
    focus = [g.label for g in FocusGroup if getattr(row, g.value)]
    if focus:
        parts.append("重点人群：" + "、".join(focus))
    return "　".join(parts)


class ResidentPicker(QWidget):
    """`chosen(row)` when a resident is taken; `add_requested(text)` when none matches."""

    chosen = Signal(object)
    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResidentRow] = []
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("查找村民：姓名、拼音首字母或身份证号后几位，回车选定")
        self.model = RowTableModel(MATCH_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSortingEnabled(False)
        # A narrow list keeps both ends of the masked ID: the last digits are what is searched.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.count = QLabel("")
        self.count.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._take(index.row()))

    def set_rows(self, rows: list[ResidentRow]) -> None:
        self._rows = rows
        self._filter()

    def reset(self) -> None:
        self.search.clear()
        self._filter()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def matches(self) -> list[ResidentRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]  # type: ignore[misc]  # rows are ResidentRow

    def _filter(self) -> None:
        text = self.search.text()
        found = search_residents(self._rows, text) if text.strip() else self._rows
        self.model.set_rows(found[:MAX_MATCHES])
        more = f"（只显示前 {MAX_MATCHES} 个）" if len(found) > MAX_MATCHES else ""
        self.count.setText(f"本村 {len(self._rows)} 人，匹配 {len(found)} 人{more}")
        if found:
            self.table.selectRow(0)

    def _current(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _take(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.chosen.emit(self.model.row_at(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.search or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
            step = 1 if key == Qt.Key.Key_Down else -1
            row = min(max(self._current() + step, 0), self.model.rowCount() - 1)
            self.table.selectRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.search.text().strip() and self.model.rowCount() == 0:
                self.add_requested.emit(self.search.text().strip())
            elif self.search.text().strip():
                self._take(self._current())
            return True
        return False
