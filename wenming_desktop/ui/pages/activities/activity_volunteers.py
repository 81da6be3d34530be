"""The 志愿者 tab of an activity: who served, sign-in and sign-out keyed in sheet order, hours.

Keying a signed paper sheet: click (or arrow to) the first 签到 cell and type the times —
"0830" Enter moves to 签退, "1130" Enter moves to the next person's 签到.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.services.activities import activity_volunteers as service
from wenming_desktop.services.activities.activity_volunteers import ParticipationRow
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.activity_assign_dialog import AssignDialog
from wenming_desktop.ui.dialogs.activity_correction_dialog import CorrectionDialog
from wenming_desktop.ui.dialogs.common import confirm
from wenming_desktop.ui.pages.activities.activity_keying import KeyingDelegate, SheetView
from wenming_desktop.ui.pages.activities.activity_sheet_model import COLUMNS, SIGN_IN, SheetModel
from wenming_desktop.ui.widgets.column_fit import ColumnFit

KEYING_HINT = "按签到表顺序录入：在“签到”格直接输入 0830 回车，再输入签退时间回车。"


class ActivityVolunteersPanel(QWidget):
    changed = Signal()  # hours or people changed: checks and the list need a refresh

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id: int | None = None
        self.model = SheetModel(self._save_times, self._show_error, self)
        self.table = SheetView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(KeyingDelegate(self.table))
        self.model.dataChanged.connect(lambda *_a: self._update_total())
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        for i, column in enumerate(COLUMNS):
            if column.width:
                self.table.setColumnWidth(i, column.width)
        ColumnFit(self.table)
        self.add_button = QPushButton("添加志愿者…")
        self.remove_button = QPushButton("移出名单")
        self.all_button = QPushButton("未签到者按活动时间签到签退")
        self.correct_button = QPushButton("修正时长…")
        self.key_button = QPushButton("按签到表录入")
        self.key_button.setToolTip("光标放到第一人的“签到”格，直接输入时间")
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.key_button,
            self.all_button,
            self.correct_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint = QLabel(KEYING_HINT)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        self.total = QLabel("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self.add_button.clicked.connect(self.add_volunteers)
        self.remove_button.clicked.connect(self.remove_selected)
        self.all_button.clicked.connect(self.sign_everyone)
        self.correct_button.clicked.connect(self.correct_selected)
        self.key_button.clicked.connect(self.start_keying)
        self.set_activity(None)

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def set_activity(self, activity_id: int | None, day=None) -> None:
        self.activity_id = activity_id
        if day is not None:
            self.model.day = day
        for button in (
            self.add_button,
            self.remove_button,
            self.all_button,
            self.correct_button,
            self.key_button,
        ):
            button.setEnabled(activity_id is not None)
        self.reload()

    def reload(self) -> None:
        rows = (
            []
            if self.activity_id is None
            else service.list_participations(self.db, self.activity_id)
        )
        self.model.set_rows(rows)
        self._update_total()

    def _update_total(self) -> None:
        rows = self.model.rows()
        counted = sum(
            (r.corrected_minutes if r.corrected_minutes is not None else r.recorded_minutes or 0)
            for r in rows
        )
        open_count = sum(
            1 for r in rows if r.sign_in and not r.sign_out and r.corrected_minutes is None
        )
        corrected = sum(1 for r in rows if r.corrected_minutes is not None)
        parts = [f"共 {len(rows)} 人", f"计入时长 {format_hours(counted)} 小时"]
        if corrected:
            parts.append(f"其中 {corrected} 人为手工修正")
        if open_count:
            parts.append(f"{open_count} 人只签到未签退（未计入，待处理）")
        self.total.setText("，".join(parts))

    def _show_error(self, exc: UserError) -> None:
        self.context.show_error(self, exc)

    def _save_times(self, participation_id: int, sign_in, sign_out) -> None:
        service.set_times(self.db, participation_id, sign_in, sign_out)
        self._after_change()

    def _after_change(self) -> None:
        self.changed.emit()

    def selected(self) -> ParticipationRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())  # type: ignore[return-value]  # sheet rows

    def add_volunteers(self) -> None:
        if self.activity_id is None:
            return
        activity_id = self.activity_id
        dialog = AssignDialog(
            lambda text: service.search_volunteers(self.db, text),
            lambda ids: service.assign_volunteers(self.db, activity_id, ids),
            self,
        )
        dialog.exec()
        if dialog.added:
            self.reload()
            self._after_change()
            names = "、".join(dialog.added_names)
            self.hint.setText(f"本次添加 {dialog.added} 名志愿者：{names}。{KEYING_HINT}")

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(
            self,
            "移出名单",
            f"确定将“{row.name}”移出本次活动的志愿者名单吗？其服务时长将一并删除。",
        ):
            return
        service.remove_participation(self.db, row.id)
        self.reload()
        self._after_change()

    def sign_everyone(self) -> None:
        if self.activity_id is None:
            return
        try:
            count = service.sign_everyone(self.db, self.activity_id)
        except UserError as exc:
            self._show_error(exc)
            return
        self.reload()
        self._after_change()
        self.hint.setText(f"已按活动时间为 {count} 人登记签到和签退。")

    def correct_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = CorrectionDialog(
            row.name,
            row.recorded_minutes,
            lambda minutes, reason, by: service.correct_minutes(
                self.db, row.id, minutes, reason, by
            ),
            get_setting(self.db, "office_name"),
            self,
            row.corrected_minutes,
            row.correction_reason,
        )
        if dialog.exec():
            self.reload()
            self._after_change()

    def start_keying(self) -> None:
        """Put the cursor on the first 签到 cell, ready for typing."""
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, SIGN_IN))
            self.table.setFocus()
