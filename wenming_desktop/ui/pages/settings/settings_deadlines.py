"""设置 → 报送期限: the report deadlines (月-日) that 首页 warns about 30 days ahead."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.services.filing import deadlines
from wenming_desktop.services.filing.deadlines import DeadlineRow
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, offer_reload
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel

COLUMNS = [
    Column("报送事项", DeadlineRow._fields.index("name"), width=200),
    Column("每年截止日期（月-日）", DeadlineRow._fields.index("month_day")),
]


class DeadlineSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("报送期限")
        self.context = context
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.name = QLineEdit()
        self.month_day = QLineEdit()
        self.month_day.setPlaceholderText("例如 10-20")
        form = QFormLayout()
        form.addRow("报送事项", self.name)
        form.addRow("截止日期（月-日）", self.month_day)
        self.save_button = QPushButton("保存修改")
        self.add_button = QPushButton("作为新事项添加")
        self.delete_button = QPushButton("删除")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.add_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        hint = QLabel(
            "首页会列出30天内到期的报送事项（默认：工作小结 10-20，全年工作总结 02-20）。"
        )
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected_changed())
        self.save_button.clicked.connect(lambda: self._save(new=False))
        self.add_button.clicked.connect(lambda: self._save(new=True))
        self.delete_button.clicked.connect(self._delete)
        self._selected_changed()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self, select_id: int | None = None) -> None:
        rows = deadlines.list_deadlines(self.db)
        self.model.set_rows(rows)
        position = next((i for i, r in enumerate(rows) if r.id == select_id), None)
        if position is not None:
            self.table.selectRow(position)
        self._selected_changed()

    def selected(self) -> DeadlineRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _selected_changed(self) -> None:
        row = self.selected()
        self.save_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        if row is not None:
            self.name.setText(row.name)
            self.month_day.setText(row.month_day)

    def _save(self, new: bool) -> None:
        """Save the form onto the selected deadline (only the changed fields) or add it as new.

        A save over someone else's newer change of the same field is refused; the clerk may
        reload the newest values (what they typed is then replaced) or keep the form as it is.
        """
        row = self.selected()
        editing = None if new or row is None else row
        try:
            saved = deadlines.save_deadline(
                self.db,
                None if editing is None else editing.id,
                self.name.text(),
                self.month_day.text(),
                seen=None if editing is None else deadlines.seen_of(editing),
            )
        except StaleRecord as exc:
            self.message.setText(exc.message)
            if editing is not None and offer_reload(self, exc.message):
                self.refresh(editing.id)
                self.message.setText("已重新载入最新内容")
            return
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.refresh(saved)
        self.message.setText("已保存")

    def _delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if confirm(self, "删除报送事项", f"确定删除报送事项“{row.name}”吗？"):
            deadlines.delete_deadline(self.db, row.id)
            self.refresh()
