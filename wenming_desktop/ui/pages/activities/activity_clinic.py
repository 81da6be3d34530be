"""The 义诊服务 tab: departments present and, per service, people served and materials given."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities.clinics import ServiceLine, get_clinic, save_clinic
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.activities.activity_keying import KeyingDelegate
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, Index, RowTableModel

PEOPLE, MATERIALS = 1, 2
COLUMNS = [
    Column("服务项目", ServiceLine._fields.index("service"), width=160),
    Column("服务人次", ServiceLine._fields.index("people_served"), align_right=True, width=90),
    Column("发放药品/资料(份)", ServiceLine._fields.index("materials_given"), align_right=True),
]


class ServiceLinesModel(RowTableModel):
    """Per-service figures; the two counts are edited in place (whole numbers ≥ 0)."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (PEOPLE, MATERIALS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (PEOPLE, MATERIALS):
            return False
        text = str(value).strip() or "0"
        if not text.isdigit():
            return False
        line: ServiceLine = self.row_at(index.row())  # type: ignore[assignment]
        field = "people_served" if index.column() == PEOPLE else "materials_given"
        changed: dict[str, Any] = {field: int(text)}
        self._rows[index.row()] = line._replace(**changed)
        self.dataChanged.emit(index, index)
        return True

    def lines(self) -> list[ServiceLine]:
        return [self.row_at(i) for i in range(self.rowCount())]  # type: ignore[misc]


class ActivityClinicPanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id: int | None = None
        self.note = QLabel("")
        self.note.setObjectName("hint")
        self.departments = QListWidget()
        self.departments.setFixedWidth(180)
        self.model = ServiceLinesModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(False)
        self.table.setItemDelegate(KeyingDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.save_button = QPushButton("保存义诊记录")
        self.saved = QLabel("")
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("参加科室"))
        left.addWidget(self.departments, 1)
        body.addLayout(left)
        body.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.set_activity(None)

    def set_activity(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.saved.setText("")
        self.departments.clear()
        if activity_id is None:
            self.model.set_rows([])
            self.note.setText("")
            self.setEnabled(False)
            return
        detail = get_clinic(self.context.workspace.db, activity_id)
        for choice in detail.departments:
            item = QListWidgetItem(choice.name)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.id in detail.present
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.departments.addItem(item)
        self.model.set_rows(detail.lines)
        self.setEnabled(detail.is_health)
        self.note.setText(
            "勾选参加义诊的科室，在表格中直接输入各项服务的人次和发放数量，然后保存。"
            if detail.is_health
            else "本活动不属于健康类别，无需填写义诊记录"
            "（健康类别可在“设置 → 活动类别与义诊项目”中标记）。"
        )

    def checked_departments(self) -> list[int]:
        ids = []
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def save(self) -> None:
        if self.activity_id is None:
            return
        lines = [
            (x.service_kind_id, x.people_served, x.materials_given) for x in self.model.lines()
        ]
        try:
            save_clinic(
                self.context.workspace.db, self.activity_id, self.checked_departments(), lines
            )
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.saved.setText("已保存")
