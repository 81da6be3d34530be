"""The 结对村 page: list, add, edit and delete paired villages."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.domain.villages import VillageData, VillageRow
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import RELOAD, confirm
from wenming_desktop.ui.dialogs.village_dialog import VillageDialog
from wenming_desktop.ui.pages.base import Page, make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.widgets.empty_state import EmptyState

COLUMNS = [
    Column("村名", "name", width=180),
    Column("实践站", "station_name", width=200),
    Column("联系人", "contact_person", width=80),
    Column("联系电话", "contact_phone", width=120),
    Column("结对开始", "pairing_start", width=100),
    Column("结对结束", "pairing_end", width=100),
    Column("活动数", "activity_count", align_right=True, width=70),
    Column("村民数", "resident_count", align_right=True, width=70),
    Column("备注", "notes"),
]


class VillagesPage(Page):
    title = "结对村"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("新增结对村")
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton("编辑")
        self.delete_button = QPushButton("删除")
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.empty = EmptyState(
            "还没有结对村。点“新增结对村”登记结对共建的村（新时代文明实践站）、联系人和结对期间；"
            "活动、村民名册和体检都按结对村记录，请先登记结对村。",
            [("新增结对村…", self.add_button.click)],
        )
        self.layout_.addWidget(self.empty)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table)
        self.count = QLabel("")
        self.layout_.addWidget(self.count)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self) -> None:
        # A few villages: read on the GUI thread so the list is current the moment it is shown.
        self._show(villages.list_villages(self.db))

    def _show(self, rows: list[VillageRow]) -> None:
        # Contact mobiles masked as in the ledger (an unmasked ledger is an audited export).
        self.model.set_rows([r._replace(contact_phone=mask_phone(r.contact_phone)) for r in rows])
        self.count.setText(f"共 {len(rows)} 个结对村")
        self.empty.setVisible(not rows)
        self._update_buttons()

    def selected(self) -> VillageRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return indexes[0].data(ROW_ROLE)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add(self) -> None:
        dialog = VillageDialog(lambda data: villages.add_village(self.db, data), parent=self)
        if dialog.exec():
            self.refresh()

    def edit(self) -> None:
        row = self.selected()
        actor = self.db.actor
        if row is None or (actor is not None and not actor.can_write):
            return
        result = RELOAD
        while result == RELOAD:  # reopened on the newest values after a refused save
            try:
                seen = villages.open_village(self.db, row.id)
            except UserError as exc:
                self.context.show_error(self, exc)
                self.refresh()
                return

            def save(data: VillageData, seen: Seen[VillageData] = seen) -> None:
                villages.update_village(self.db, row.id, data, seen)

            result = VillageDialog(save, seen.data, parent=self).exec()
        if result:
            self.refresh()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(self, "删除结对村", f"确定删除结对村“{row.name}”吗？此操作不能撤销。"):
            return
        try:
            villages.delete_village(self.db, row.id)
        except UserError as exc:
            self.context.show_error(self, exc)
        self.refresh()
