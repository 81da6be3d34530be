"""Assigning volunteers to an activity: search as on the roster page, add with Enter."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities.activity_volunteers import VolunteerChoice
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel

F = VolunteerChoice._fields
COLUMNS = [
    Column("工号", F.index("staff_no"), width=70),
    Column("姓名", F.index("name"), width=80),
    Column("科室", F.index("department"), width=100),
    Column("注册", F.index("registered"), lambda v: "已注册" if v else "未注册"),
]


class AssignDialog(QDialog):
    """`search(text)` lists volunteers; `assign(ids)` adds them and returns how many were new.

    Typing in the search box filters; Enter adds the only match (or the selected ones) and
    clears the box for the next name, so a whole list can be keyed without the mouse.
    """

    def __init__(
        self,
        search: Callable[[str], list[VolunteerChoice]],
        assign: Callable[[Sequence[int]], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("添加志愿者")
        self.resize(480, 520)
        self._search = search
        self._assign = assign
        self.added = 0
        self.added_names: list[str] = []  # everyone added while the dialog was open
        self.query = QLineEdit()
        self.query.setPlaceholderText("姓名、拼音首字母（如 zsf）、工号或手机尾号，回车添加")
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.status = QLabel("")
        self.add_button = QPushButton("添加选中")
        self.done_button = QPushButton("完成")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.query.textChanged.connect(self._filter)
        self.query.returnPressed.connect(self._enter)
        self.add_button.clicked.connect(self._add_selected)
        self.done_button.clicked.connect(self.accept)
        self.table.doubleClicked.connect(lambda _i: self._add_selected())
        self.add_button.setAutoDefault(False)
        self.done_button.setAutoDefault(False)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.model.set_rows(self._search(text))
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ROW_ROLE).id for index in sorted(rows, key=lambda i: i.row())]

    def _enter(self) -> None:
        if self.model.rowCount() == 1:
            self._add([self.model.row_at(0)[0]])
        elif self._selected_ids():
            self._add(self._selected_ids())
        else:
            self.status.setText(f"找到 {self.model.rowCount()} 人，请输入更具体的内容")
            return
        self.query.clear()
        self.query.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_selected(self) -> None:
        ids = self._selected_ids()
        if ids:
            self._add(ids)

    def _add(self, ids: list[int]) -> None:
        try:
            added = self._assign(ids)
        except UserError as exc:
            self.status.setText(exc.message)
            return
        rows = (self.model.row_at(i) for i in range(self.model.rowCount()))
        shown = {r[0]: r.name for r in rows}  # type: ignore[attr-defined]  # VolunteerChoice rows
        new_names = [shown.get(i, str(i)) for i in added]
        already = [shown.get(i, str(i)) for i in ids if i not in set(added)]
        self.added += len(added)
        self.added_names.extend(new_names)
        parts = []
        if new_names:
            parts.append(f"已添加 {len(new_names)} 人：{'、'.join(new_names)}")
        if already:
            parts.append(f"已在名单中：{'、'.join(already)}")
        self.status.setText("；".join(parts))
