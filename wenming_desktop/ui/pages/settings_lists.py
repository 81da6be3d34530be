"""设置 → 名单维护: the editable lists of 科室, 党支部 and 志愿服务队."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services import roster_lists
from wenming_desktop.services.roster_lists import ListItem

from ..context import PageContext
from ..table_model import ROW_ROLE, Column, RowTableModel
from .base import make_table

COLUMNS = [
    Column("名称", ListItem._fields.index("name"), width=180),
    Column("使用次数", ListItem._fields.index("uses"), align_right=True),
]


class ListEditor(QGroupBox):
    """One list: a table, a name box, and 添加 / 改名 / 删除."""

    def __init__(self, context: PageContext, key: str, parent: QWidget | None = None) -> None:
        kind = roster_lists.KINDS[key]
        super().__init__(kind.label, parent)
        self.context = context
        self.key = key
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(f"{kind.label}名称")
        self.add_button = QPushButton("添加")
        self.rename_button = QPushButton("改名")
        self.delete_button = QPushButton("删除")
        row = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            row.addWidget(button)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.name)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        self._selected_changed()

    def refresh(self) -> None:
        self.model.set_rows(roster_lists.list_items(self.context.workspace.db, self.key))
        self._selected_changed()

    def selected(self) -> ListItem | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selected_changed(self) -> None:
        item = self.selected()
        self.rename_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)
        if item is not None:
            self.name.setText(item.name)

    def _do(self, action: str) -> None:
        db, item = self.context.workspace.db, self.selected()
        try:
            if action == "add":
                roster_lists.add_item(db, self.key, self.name.text())
                done = f"已添加“{self.name.text().strip()}”"
            elif item is not None and action == "rename":
                roster_lists.rename_item(db, self.key, item.id, self.name.text())
                done = f"已将“{item.name}”改名为“{self.name.text().strip()}”"
            elif item is not None:
                roster_lists.delete_item(db, self.key, item.id)
                done = f"已删除“{item.name}”"
            else:
                return
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(done)
        self.name.clear()
        self.refresh()

    def add(self) -> None:
        self._do("add")

    def rename(self) -> None:
        self._do("rename")

    def delete(self) -> None:
        self._do("delete")


class RosterListsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("名单维护")
        layout = QHBoxLayout(self)
        self.editors = {key: ListEditor(context, key) for key in roster_lists.KINDS}
        for editor in self.editors.values():
            layout.addWidget(editor)

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()
