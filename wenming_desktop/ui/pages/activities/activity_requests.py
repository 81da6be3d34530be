"""点单派单: villages' requests; 派单 turns one into a planned activity in one action."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities import activities, requests
from wenming_desktop.services.activities.requests import REQUEST_STATUS_LABELS, RequestRow
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.activity_request_dialog import RequestDialog
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel

F = RequestRow._fields
COLUMNS = [
    Column("登记日期", F.index("received_on"), width=90),
    Column("结对村", F.index("village"), width=150),
    Column("提出人", F.index("requested_by"), width=110),
    Column("需求内容", F.index("content"), width=260),
    Column("希望日期", F.index("wanted_on"), width=90),
    Column("状态", F.index("status"), lambda s: REQUEST_STATUS_LABELS.get(s, s), width=70),
    Column("满意度", F.index("satisfaction"), align_right=True),
]


class RequestsView(QWidget):
    activity_created = Signal(int)  # 派单 made (or 查看活动 asks for) this activity

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.add_button = QPushButton("登记点单…")
        self.dispatch_button = QPushButton("派单（生成计划活动）")
        self.open_button = QPushButton("查看活动")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.dispatch_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel("点单 → 派单 → 接单（活动开展）→ 评单（在活动的“评单”页填写满意度）")
        hint.setObjectName("hint")
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.dispatch_button.clicked.connect(lambda: self.dispatch())
        self.open_button.clicked.connect(self.open_activity)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self, select_id: int | None = None) -> None:
        rows = requests.list_requests(self.db)
        self.model.set_rows(rows)
        position = next((i for i, r in enumerate(rows) if r.id == select_id), None)
        if position is not None:
            self.table.selectRow(position)
        self._update_buttons()

    def selected(self) -> RequestRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.dispatch_button.setEnabled(row is not None and row.status == "open")
        self.open_button.setEnabled(row is not None and row.activity_id is not None)

    def add(self) -> None:
        _categories, villages = activities.form_choices(self.db)
        created: list[int] = []
        dialog = RequestDialog(
            lambda data: created.append(requests.add_request(self.db, data)), villages, self
        )
        if dialog.exec():
            self.refresh(created[0])

    def dispatch(self, category_name: str | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        categories, _villages = activities.form_choices(self.db)
        names = [c.name for c in categories]
        if not category_name:
            category_name, ok = QInputDialog.getItem(
                self, "派单", "这项服务属于哪个活动类别？", names, 0, False
            )
            if not ok:
                return
        category_id = categories[names.index(category_name)].id
        try:
            activity_id = requests.dispatch_request(
                self.db, row.id, category_id, activities.default_organizer(self.db)
            )
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.refresh(row.id)
        self.activity_created.emit(activity_id)

    def open_activity(self) -> None:
        row = self.selected()
        if row is not None and row.activity_id is not None:
            self.activity_created.emit(row.activity_id)
