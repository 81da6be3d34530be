"""设置 → 活动类别与义诊项目: the two editable lists, side by side."""

from __future__ import annotations

from collections.abc import Callable

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

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services import activity_lists
from wenming_desktop.services.activity_lists import ListItem

from ..context import PageContext
from ..dialogs.common import confirm
from ..table_model import ROW_ROLE, Column, RowTableModel
from .base import make_table


def _yes(value: bool) -> str:
    return "是" if value else ""


class ListEditor(QGroupBox):
    """One list: a table, a name box (and the health flag for categories), three buttons."""

    def __init__(
        self,
        title: str,
        load: Callable[[], list[ListItem]],
        save: Callable[[int | None, str, bool], int],
        delete: Callable[[int], None],
        show_error: Callable[[QWidget, BaseException], None],
        with_health: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._load, self._save, self._delete, self._error = load, save, delete, show_error
        columns = [Column("名称", 1, width=200)]
        if with_health:
            columns.append(Column("健康类（填写义诊）", 2, _yes, width=120))
        columns.append(Column("使用次数", 3, align_right=True))
        self.model = RowTableModel(columns, self)
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(False)
        self.name = QLineEdit()
        self.name.setPlaceholderText("名称：选中一行可修改，或填写后作为新项目添加")
        self.health = QCheckBox("健康类（活动需要填写义诊科室和服务人次）")
        self.health.setVisible(with_health)
        self.save_button = QPushButton("保存修改")
        self.add_button = QPushButton("作为新项目添加")
        self.delete_button = QPushButton("删除")
        buttons = QHBoxLayout()
        for button in (self.save_button, self.add_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.health)
        layout.addLayout(buttons)
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

    def selected(self) -> ListItem | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _selected_changed(self) -> None:
        row = self.selected()
        self.save_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.used == 0)
        if row is not None:
            self.name.setText(row.name)
            self.health.setChecked(row.is_health)

    def save(self, new: bool) -> None:
        row = self.selected()
        try:
            saved = self._save(
                None if new or row is None else row.id, self.name.text(), self.health.isChecked()
            )
        except UserError as exc:
            self._error(self, exc)
            return
        self.refresh(saved)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(self, "删除", f"确定删除“{row.name}”吗？"):
            return
        try:
            self._delete(row.id)
        except UserError as exc:
            self._error(self, exc)
        self.refresh()


class ActivityListsSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("活动类别与义诊项目")
        db = context.workspace.db
        self.categories = ListEditor(
            "活动类别",
            lambda: activity_lists.list_categories(db),
            lambda i, name, health: activity_lists.save_category(db, i, name, health),
            lambda i: activity_lists.delete_category(db, i),
            context.show_error,
            with_health=True,
        )
        self.services = ListEditor(
            "义诊服务项目",
            lambda: activity_lists.list_service_kinds(db),
            lambda i, name, _health: activity_lists.save_service_kind(db, i, name),
            lambda i: activity_lists.delete_service_kind(db, i),
            context.show_error,
            with_health=False,
        )
        hint = QLabel("已被活动或义诊记录使用的项目可以改名，不能删除。")
        hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.categories, 3)
        row.addWidget(self.services, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)

    def refresh(self) -> None:
        self.categories.refresh()
        self.services.refresh()
