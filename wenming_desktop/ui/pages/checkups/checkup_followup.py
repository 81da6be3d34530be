"""随访: abnormal results (blood pressure ≥ 140/90, fasting glucose ≥ 6.1) not yet followed
up, oldest first; marking one done records the date, who did it and a note.

What was abnormal (the findings, the conclusion) is masked in the list (domain.privacy) until the
显示健康数值 switch is turned on (recorded in the audit log). The 记录随访 dialog of one record
shows its findings: following them up is the clerk's work."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import findings
from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.domain.privacy import health_value, mask_health_row
from wenming_desktop.services.checkups import checkups
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import edit_or_say
from wenming_desktop.ui.dialogs.follow_up_dialog import FollowUpDialog
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.checkups.checkup_common import fill_villages
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.tasks import LatestOnly
from wenming_desktop.ui.widgets.empty_state import EmptyState
from wenming_desktop.ui.widgets.health_toggle import HealthToggle


class FollowUpLine(NamedTuple):
    """One row of the list: the checkup (health values masked unless shown) and its findings in
    words."""

    checkup: CheckupRow
    findings: str


COLUMNS = [
    Column("体检日期", "checkup.checkup_date", width=90),
    Column("结对村", "checkup.village", width=150),
    Column("村民小组", "checkup.group_name", width=90),
    Column("姓名", "checkup.name", width=70),
    Column("联系电话", "checkup.phone", mask_phone, width=110),
    Column("异常结果", "findings", width=260),
    Column("体检结论", "checkup.conclusion"),
]


class CheckupFollowUps(QWidget):
    entry_wanted = Signal()  # the empty state's button: the 体检录入 tab

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.village = QComboBox()
        self.mark_button = QPushButton("记录随访…")
        self.health = HealthToggle(context, "随访", self._health_scope)
        self._rows: dict[int, CheckupRow] = {}  # as read, by checkup id
        self._wanted: int | None = None  # open_checkup() before its list arrived
        self.loads = LatestOnly(context.runner, lambda exc: context.show_error(self, exc))
        top = QHBoxLayout()
        top.addWidget(QLabel("结对村"))
        top.addWidget(self.village)
        top.addWidget(self.health)
        top.addStretch(1)
        top.addWidget(self.mark_button)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.count = QLabel("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        self.empty = EmptyState(
            "目前没有待随访的村民。体检录入后，血压或空腹血糖达到随访标准的记录会列在这里，"
            "点“记录随访”记下随访日期、随访人和情况后移出本表。",
            [("去体检录入", self.entry_wanted.emit)],
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._last_by = ""
        self.village.currentIndexChanged.connect(lambda _i: self.load())
        self.mark_button.clicked.connect(self.mark)
        self.health.changed.connect(lambda _shown: self._show())
        self.table.doubleClicked.connect(lambda _i: self.mark())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self):  # the workspace's Database
        return self.context.workspace.db

    def refresh(self) -> None:
        fill_villages(self.village, self.context, "全部结对村")
        self.load()

    def load(self) -> None:
        """Read the open follow-ups on the worker (over a second on the large data set)."""
        db, village_id = self.db, self.village.currentData()
        self.count.setText("正在载入…")
        self.loads.run(
            lambda: checkups.list_checkups(db, village_id, open_follow_ups=True), self._loaded
        )

    def _loaded(self, rows: list[CheckupRow]) -> None:
        rows.reverse()  # oldest first: the longest waiting at the top
        self._rows = {r.id: r for r in rows}
        self.health.scope_changed()
        self._show()
        if self._wanted is not None:
            self._open_wanted()

    def open_checkup(self, checkup_id: int) -> None:
        """Select one checkup of the list (all villages) and ask for its follow-up, once the
        list holding it has loaded."""
        self._wanted = checkup_id
        if self.village.currentIndex() != 0:
            self.village.setCurrentIndex(0)  # reloads
        elif checkup_id not in self._rows and not self.loads.pending:
            self.load()
        if not self.loads.pending:
            self._open_wanted()

    def _open_wanted(self) -> None:
        checkup_id, self._wanted = self._wanted, None
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ROW_ROLE).checkup.id == checkup_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                self.mark()
                return
        self.count.setText(f"待随访 {len(self._rows)} 人次（所选记录已随访或已删除）")

    def _health_scope(self) -> tuple[str, int]:
        return self.village.currentText(), len(self._rows)

    def _show(self) -> None:
        """List the rows, what was abnormal masked unless the switch is on."""
        shown = self.health.shown
        self.model.set_rows(
            [
                FollowUpLine(
                    checkup=r if shown else mask_health_row(r),
                    findings=health_value(
                        "；".join(findings(r.systolic, r.diastolic, r.fasting_glucose)), shown
                    ),
                )
                for r in self._rows.values()
            ]
        )
        self.count.setText(f"待随访 {len(self._rows)} 人次")
        self.empty.setVisible(not self._rows)
        self._update_buttons()

    def selected(self) -> CheckupRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self._rows.get(indexes[0].data(ROW_ROLE).checkup.id)  # the row as read

    def _update_buttons(self) -> None:
        self.mark_button.setEnabled(self.selected() is not None)

    def mark(self) -> None:
        row = self.selected()
        if row is None:
            return
        about = (
            f"{row.name}（{row.village} {row.group_name}）{row.checkup_date:%Y-%m-%d} 体检："
            + "；".join(findings(row.systolic, row.diastolic, row.fasting_glucose))
        )

        def run(seen: Seen[checkups.FollowUp]) -> int:
            def save(on: date, by: str, note: str) -> None:
                checkups.mark_followed_up(self.db, row.id, on, by, note, seen)
                self._last_by = by

            return FollowUpDialog(about, save, self._last_by, self, stored=seen.data).exec()

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self, self.context.show_error, lambda: checkups.open_follow_up(self.db, row.id), run
        )
        if result is None or result:  # an error shown (perhaps deleted meanwhile) or saved
            self.load()
