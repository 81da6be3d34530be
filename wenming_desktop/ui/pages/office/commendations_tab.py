"""评选表彰: the year's selections and commendations, added from the roster or typed in, and the
评选表彰台账."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.office_records import CommendationData
from wenming_desktop.domain.office_rows import CommendationRow
from wenming_desktop.services.office import commendations, groups, office_exports
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, edit_or_say
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.office.common import (
    button_row,
    export_year_ledger,
    selected_row,
    year_bar,
    year_box,
)
from wenming_desktop.ui.pages.office.record_dialogs import CommendationDialog
from wenming_desktop.ui.table_model import Column, RowTableModel
from wenming_desktop.ui.widgets.empty_state import EmptyState

C = CommendationRow._fields.index
COLUMNS = [
    Column("年度", C("year"), width=60, hidden=True),  # the year chosen above
    Column("表彰类别", C("kind"), width=100),
    Column("级别", C("level"), width=60),
    Column("表彰对象", C("name"), width=110),
    Column("科室", C("department"), width=100),
    Column("主要事迹", C("reason"), width=260),
    Column("表彰文号", C("document_no"), width=150),
    Column("表彰单位", C("issuer"), width=150),
    Column("表彰日期", C("awarded_on")),
]


class CommendationsTab(QWidget):
    def __init__(
        self, context: PageContext, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.year = year_box(today())
        self.add_button = QPushButton("新增表彰")
        self.add_button.setObjectName("add")  # Ctrl+N
        self.edit_button = QPushButton("编辑")
        self.delete_button = QPushButton("删除")
        self.ledger = QPushButton("导出评选表彰台账")
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.count = QLabel("")
        layout = QVBoxLayout(self)
        layout.addLayout(year_bar(self.year))
        layout.addLayout(
            button_row(self.add_button, self.edit_button, self.delete_button, self.ledger)
        )
        self.empty = EmptyState(
            "本年度还没有表彰记录。评选表彰结果公布后，点“新增表彰”记下表彰类别、级别、对象、"
            "主要事迹和表彰文号；导出的评选表彰台账按年度列出。",
            [("新增表彰…", self.add_button.click)],
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.ledger.clicked.connect(self.export_ledger)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self) -> None:
        year = self.year.value()
        rows = commendations.list_commendations(self.db, year, year)
        self.model.set_rows(rows)
        self.count.setText(f"{year}年共 {len(rows)} 项表彰")
        self.empty.setVisible(not rows)
        self._update_buttons()

    def selected(self) -> CommendationRow | None:
        found: CommendationRow | None = selected_row(self.table)
        return found

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add(self) -> None:
        saved: list[int] = []

        def save(data: CommendationData) -> None:
            saved.append(commendations.save_commendation(self.db, None, data))
            if data.year != self.year.value():
                self.year.setValue(data.year)

        if CommendationDialog(save, groups.volunteer_choices(self.db), parent=self).exec():
            self.refresh()

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return

        def run(seen: Seen[CommendationData]) -> int:
            def save(data: CommendationData) -> None:
                commendations.save_commendation(self.db, row.id, data, seen)

            people = groups.volunteer_choices(self.db)
            return CommendationDialog(save, people, seen.data, parent=self).exec()

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self,
            self.context.show_error,
            lambda: commendations.open_commendation(self.db, row.id),
            run,
        )
        if result is None or result:  # an error shown (perhaps deleted meanwhile) or saved
            self.refresh()

    def delete(self) -> None:
        row = self.selected()
        if row is None or not confirm(
            self, "删除表彰", f"确定删除“{row.name}”的{row.year}年{row.kind}表彰记录吗？"
        ):
            return
        commendations.delete_commendation(self.db, row.id)
        self.refresh()

    def export_ledger(self) -> None:
        export_year_ledger(
            self.context,
            self,
            self.year.value(),
            self.today(),
            "导出评选表彰台账",
            office_exports.COMMENDATIONS_LEDGER,
            office_exports.export_commendations_ledger,
        )
