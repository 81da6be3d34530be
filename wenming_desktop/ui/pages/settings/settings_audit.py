"""设置 → 操作日志: who changed what and when, filtered by object, action, date and text.

Entries are listed by their sequence number, newest first (not by the clock, which may have been
set wrong); ID numbers and mobiles in the values are masked, health values hidden.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.safety import audit_log
from wenming_desktop.services.safety.audit_log import AuditView
from wenming_desktop.storage.queries.audit import AuditFilter
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.finished import show_finished
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel
from wenming_desktop.ui.widgets.date_fields import DateEdit

COLUMNS = [
    Column("序号", AuditView._fields.index("seq"), align_right=True, width=60),
    Column("时间", AuditView._fields.index("at"), width=140),
    Column("操作人", AuditView._fields.index("user"), width=80),
    Column("操作", AuditView._fields.index("action"), width=90),
    Column("对象", AuditView._fields.index("entity"), width=100),
    Column("编号", AuditView._fields.index("entity_id"), align_right=True, width=130),
    Column("变更内容", AuditView._fields.index("changes")),
]


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class AuditSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("操作日志")
        self.context = context
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.entity = QComboBox()
        self.action = QComboBox()
        self.by_date = QCheckBox("日期")
        today = QDate.currentDate()
        self.date_from = DateEdit(QDate(today.year(), 1, 1))
        self.date_to = DateEdit(today)
        self.text = QLineEdit()
        self.text.setObjectName("search")
        self.text.setPlaceholderText("搜索变更内容或操作人")
        self.text.setClearButtonEnabled(True)
        for label, widget in (("对象", self.entity), ("操作", self.action)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.by_date)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("至"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.text, 1)
        layout.addLayout(filters)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        self.count = QLabel("")
        self.export_button = QPushButton("导出所选日期的日志…")
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self._fill_kinds([], [])
        for combo in (self.entity, self.action):
            combo.currentIndexChanged.connect(self._reload)
        self.by_date.toggled.connect(self._reload)
        self.date_from.dateChanged.connect(self._reload)
        self.date_to.dateChanged.connect(self._reload)
        self.text.textChanged.connect(self._reload)
        self.export_button.clicked.connect(self.export)

    def _fill_kinds(self, entities: list[tuple[str, str]], actions: list[tuple[str, str]]) -> None:
        for combo, items in ((self.entity, entities), (self.action, actions)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("全部", None)
            for code, label in items:
                combo.addItem(label, code)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        dated = self.by_date.isChecked()
        return AuditFilter(
            entity=self.entity.currentData(),
            action=self.action.currentData(),
            date_from=_day(self.date_from) if dated else None,
            date_to=_day(self.date_to) if dated else None,
            text=self.text.text(),
        )

    def refresh(self) -> None:
        db = self.context.workspace.db
        self.context.load(self, lambda: audit_log.kinds(db), self._kinds_loaded)

    def _kinds_loaded(self, kinds: tuple[list, list]) -> None:
        self._fill_kinds(*kinds)
        self._reload()

    def _reload(self) -> None:
        db, where = self.context.workspace.db, self.current_filter()
        self.context.load(self, lambda: audit_log.list_entries(db, where), self._show)

    def _show(self, rows: list[AuditView]) -> None:
        self.model.set_rows(rows)
        more = "（只显示最新的部分，请缩小范围）" if len(rows) >= audit_log.VIEW_LIMIT else ""
        self.count.setText(f"共 {len(rows)} 条{more}")

    def export(self) -> None:
        start, end = _day(self.date_from), _day(self.date_to)
        if end < start:
            start, end = end, start
        suggested = self.context.workspace.folder.exports / safe_filename(
            f"操作日志_{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "导出操作日志", str(suggested), "Excel 工作簿 (*.xlsx)"
        )
        if name:
            self.export_to(Path(name), start, end)

    def export_to(self, path: Path, start: date, end: date) -> None:
        db = self.context.workspace.db
        label = f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}"
        self.export_button.setEnabled(False)
        op = self.context.op(self, lambda _p: audit_log.export_audit(db, path, start, end, ""))
        op.with_progress(f"正在导出 {label} 的操作日志…")
        op.finally_(lambda: self.export_button.setEnabled(True))
        op.success(lambda rows: self._exported(path, rows)).run()
        self.count.setText(f"正在导出 {label} 的操作日志…")

    def _exported(self, path: Path, rows: int) -> None:
        message = f"已导出 {rows} 条：{path}"
        self.count.setText(message)
        self.finished_box = show_finished(self, "导出完成", f"操作日志{message}", path)
