"""The 义诊服务 tab: departments present and, per service, people served and materials given."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.services.activities.clinics import (
    ClinicEntry,
    ClinicState,
    ServiceLine,
    clinic_state,
    get_clinic,
    save_clinic,
)
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import offer_reload
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
        # row_at returns a plain tuple; this model holds ServiceLine rows only.
        line: ServiceLine = self.row_at(index.row())  # type: ignore[assignment]
        field = "people_served" if index.column() == PEOPLE else "materials_given"
        changed: dict[str, Any] = {field: int(text)}
        self._rows[index.row()] = line._replace(**changed)
        self.dataChanged.emit(index, index)
        return True

    def lines(self) -> list[ServiceLine]:
        # row_at returns a plain tuple; this model holds ServiceLine rows only.
        return [self.row_at(i) for i in range(self.rowCount())]  # type: ignore[misc]


class ClinicView(QTableView):
    """Committing a figure with Enter moves down to the next service in the same column."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        if hint != QAbstractItemDelegate.EndEditHint.EditNextItem or not current.isValid():
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        below = current.row() + 1
        if below >= self.model().rowCount():
            return
        index = self.model().index(below, current.column())
        self.setCurrentIndex(index)
        self.edit(index)


Figures = dict[int, tuple[int, int]]  # service kind id → (people served, materials given)
WHOLE_CLINIC = "不分科室"


class ActivityClinicPanel(QWidget):
    """Departments present, then people served per service — for the clinic as a whole or per
    department (the combo above the table); figures typed and not yet saved are kept when the
    department is switched, and asked about before another activity is shown."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id: int | None = None
        self._figures: dict[int | None, Figures] = {}
        self._seen: ClinicState | None = None  # the cells as loaded, to save against
        self._kinds: list[tuple[int, str]] = []
        self._shown: int | None = None  # the department whose figures the table shows
        self._dirty = False
        self.note = QLabel("")
        self.note.setObjectName("hint")
        self.departments = QListWidget()
        self.departments.setFixedWidth(180)
        self.department_choice = QComboBox()
        self.model = ServiceLinesModel(COLUMNS, self)
        self.table = make_table(self.model, self, ClinicView(self))
        self.table.setSortingEnabled(False)
        self.table.setItemDelegate(KeyingDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.totals = QLabel("")
        self.save_button = QPushButton("保存义诊记录")
        self.saved = QLabel("")
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("参加科室"))
        left.addWidget(self.departments, 1)
        body.addLayout(left)
        right = QVBoxLayout()
        choice_row = QHBoxLayout()
        choice_row.addWidget(QLabel("填写："))
        choice_row.addWidget(self.department_choice)
        choice_row.addStretch(1)
        right.addLayout(choice_row)
        right.addWidget(self.table, 1)
        right.addWidget(self.totals)
        body.addLayout(right, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.departments.itemChanged.connect(self._departments_changed)
        self.department_choice.currentIndexChanged.connect(self._show_chosen)
        self.model.dataChanged.connect(self._typed)
        self.set_activity(None)

    # -- unsaved work --------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self._dirty

    def _ask_to_save(self) -> None:
        """Before the figures typed are replaced: 保存 or 不保存 (nothing is dropped silently)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "义诊服务",
            "“义诊服务”中有未保存的修改，是否保存？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
            self,
        )
        box.button(QMessageBox.StandardButton.Save).setText("保存")
        box.button(QMessageBox.StandardButton.Discard).setText("不保存")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if box.exec() == QMessageBox.StandardButton.Save:
            self.save()

    def set_activity(self, activity_id: int | None) -> None:
        if self._dirty and activity_id == self.activity_id:
            return  # the same activity shown again (a list refresh): keep what was typed
        if self._dirty and self.activity_id is not None:
            self._ask_to_save()
        self.activity_id = activity_id
        self.saved.setText("")
        self._dirty = False
        self.departments.blockSignals(True)
        self.departments.clear()
        self.departments.blockSignals(False)
        if activity_id is None:
            self._figures = {}
            self._seen = None
            self._kinds = []
            self._refresh_choice(None)
            self.note.setText("")
            self.setEnabled(False)
            return
        detail = get_clinic(self.context.workspace.db, activity_id)
        self.departments.blockSignals(True)
        for choice in detail.departments:
            item = QListWidgetItem(choice.name)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.id in detail.present
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.departments.addItem(item)
        self.departments.blockSignals(False)
        self._kinds = [(line.service_kind_id, line.service) for line in detail.lines]
        self._figures = {
            key: {x.service_kind_id: (x.people_served, x.materials_given) for x in lines}
            for key, lines in detail.by_department.items()
        }
        self._shown = None
        self._refresh_choice(None)
        self._dirty = False
        self._seen = clinic_state(self.checked_departments(), self.entries())
        self.setEnabled(detail.is_health)
        self.note.setText(
            "勾选参加义诊的科室，在表格中直接输入各项服务的人次和发放数量（回车到下一项），"
            "可在“填写”处按科室分别填写，然后保存。"
            if detail.is_health
            else "本活动不属于健康类别，无需填写义诊记录"
            "（健康类别可在“设置 → 活动类别与义诊项目”中标记）。"
        )

    # -- departments and their figures ---------------------------------------------------------

    def checked_departments(self) -> list[int]:
        ids = []
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def _department_names(self) -> dict[int, str]:
        names = {}
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            names[int(item.data(Qt.ItemDataRole.UserRole))] = item.text()
        return names

    def _refresh_choice(self, keep: int | None) -> None:
        """The combo lists 不分科室 and every ticked department (and any with figures)."""
        names = self._department_names()
        with_figures = {k for k, v in self._figures.items() if k is not None and any(v.values())}
        shown = [d for d in names if d in set(self.checked_departments()) | with_figures]
        self.department_choice.blockSignals(True)
        self.department_choice.clear()
        self.department_choice.addItem(WHOLE_CLINIC, None)
        for department_id in shown:
            self.department_choice.addItem(names[department_id], department_id)
        position = self.department_choice.findData(keep) if keep is not None else 0
        self.department_choice.setCurrentIndex(max(position, 0))
        self.department_choice.blockSignals(False)
        self._show_chosen()

    def _departments_changed(self) -> None:
        self._dirty = True
        self._refresh_choice(self._shown)

    def _show_chosen(self) -> None:
        self._shown = self.department_choice.currentData()
        values = self._figures.get(self._shown, {})
        self.model.set_rows(
            [
                ServiceLine(
                    service_kind_id=kind_id,
                    service=name,
                    people_served=values.get(kind_id, (0, 0))[0],
                    materials_given=values.get(kind_id, (0, 0))[1],
                )
                for kind_id, name in self._kinds
            ]
        )
        self._show_totals()

    def _typed(self) -> None:
        self._figures[self._shown] = {
            x.service_kind_id: (x.people_served, x.materials_given) for x in self.model.lines()
        }
        self._dirty = True
        self.saved.setText("未保存")
        self._show_totals()

    def _show_totals(self) -> None:
        people = sum(p for values in self._figures.values() for p, _m in values.values())
        materials = sum(m for values in self._figures.values() for _p, m in values.values())
        self.totals.setText(f"全部科室合计：服务 {people} 人次，发放药品/资料 {materials} 份")

    def entries(self) -> list[ClinicEntry]:
        return [
            ClinicEntry(
                service_kind_id=kind_id,
                people_served=people,
                materials_given=materials,
                department_id=department_id,
            )
            for department_id, values in self._figures.items()
            for kind_id, (people, materials) in values.items()
            if people or materials
        ]

    def save(self) -> None:
        if self.activity_id is None:
            return
        try:
            save_clinic(
                self.context.workspace.db,
                self.activity_id,
                self.checked_departments(),
                self.entries(),
                self._seen,
            )
        except StaleRecord as exc:  # someone else saved these figures meanwhile
            if offer_reload(self, exc.message):
                self._dirty = False
                self.set_activity(self.activity_id)
            return  # declined: what was typed stays, still unsaved
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self._dirty = False
        self.set_activity(self.activity_id)  # shows what is stored now, others' cells included
        self.saved.setText("已保存")
