"""One editable list of names (科室, 党支部, 服务队, 活动类别, 义诊项目): a table, a name box,
保存修改 / 作为新项目添加 / 删除, and a line saying what happened or what is wrong.

Both 设置 tabs that maintain such lists use it; the services behind them differ, so the
editor is given its load / save / delete functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.ui.dialogs.common import confirm, offer_reload
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel


class EditorItem(NamedTuple):
    id: int
    name: str
    flag: bool  # the optional yes/no column (活动类别: 健康类); False where there is none
    uses: int  # records referring to the item; a used item can be renamed, not deleted
    version: int = 0  # the record's version where it has one (see `save`)


def _yes(value: bool) -> str:
    return "是" if value else ""


class ListEditor(QGroupBox):
    """`save(id or None, name, flag)` adds (None) or renames and returns the item's id.

    A save refused because someone else changed the item meanwhile (StaleRecord, for lists
    whose items carry a version; `selected()` gives what was shown) offers 重新载入: chosen,
    the list and the form show the newest values; declined, what was typed stays, unsaved.
    """

    def __init__(
        self,
        title: str,
        load: Callable[[], list[EditorItem]],
        save: Callable[[int | None, str, bool], int],
        delete: Callable[[int], None],
        flag: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._load, self._save, self._delete = load, save, delete
        columns = [Column("名称", EditorItem._fields.index("name"), width=180)]
        if flag is not None:
            columns.append(Column(flag[0], EditorItem._fields.index("flag"), _yes, width=120))
        columns.append(Column("使用次数", EditorItem._fields.index("uses"), align_right=True))
        self.model = RowTableModel(columns, self)
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(False)
        self.name = QLineEdit()
        self.name.setPlaceholderText("名称：选中一行可修改，或填写后作为新项目添加")
        self.flag = QCheckBox(flag[1] if flag else "")
        self.flag.setVisible(flag is not None)
        self.save_button = QPushButton("保存修改")
        self.add_button = QPushButton("作为新项目添加")
        self.delete_button = QPushButton("删除")
        buttons = QHBoxLayout()
        for button in (self.save_button, self.add_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.flag)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected_changed())
        self.save_button.clicked.connect(lambda: self.save(new=False))
        self.add_button.clicked.connect(lambda: self.save(new=True))
        self.delete_button.clicked.connect(self.delete)
        self._selected_changed()

    def refresh(self, select_id: int | None = None) -> None:
        rows = self._load()
        self.model.set_rows(rows)
        position = next((i for i, r in enumerate(rows) if r.id == select_id), None)
        if position is not None:
            self.table.selectRow(position)
        self._selected_changed()

    def selected(self) -> EditorItem | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _selected_changed(self) -> None:
        row = self.selected()
        self.save_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.uses == 0)
        if row is not None:
            self.name.setText(row.name)
            self.flag.setChecked(row.flag)

    def _tell(self, text: str, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "")
        self.message.style().unpolish(self.message)  # QLabel#error is red in style.qss
        self.message.style().polish(self.message)
        self.message.setText(text)

    def save(self, new: bool) -> None:
        row = self.selected()
        name = self.name.text().strip()
        try:
            saved = self._save(None if new or row is None else row.id, name, self.flag.isChecked())
        except StaleRecord as exc:
            self._tell(exc.message, error=True)
            if row is not None and offer_reload(self, exc.message):
                self.refresh(row.id)
                self._tell("已重新载入最新内容")
            return
        except UserError as exc:
            self._tell(exc.message, error=True)
            return
        self._tell(f"已添加“{name}”" if new or row is None else f"已保存“{name}”")
        self.refresh(saved)

    def delete(self) -> None:
        row = self.selected()
        if row is None or not confirm(self, "删除", f"确定删除“{row.name}”吗？"):
            return
        try:
            self._delete(row.id)
        except UserError as exc:
            self._tell(exc.message, error=True)
            return
        self._tell(f"已删除“{row.name}”")
        self.name.clear()
        self.refresh()
