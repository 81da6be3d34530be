"""The 规范检查 tab (each guideline met / not met / not applicable, with its reason) and the
评单 tab (the village's satisfaction and comment after the activity)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities import requests
from wenming_desktop.services.activities.activity_checks import checks_for
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel


class CheckRow(NamedTuple):
    title: str
    result: str
    reason: str


CHECK_COLUMNS = [
    Column("检查项", 0, width=260),
    Column("结果", 1, width=70),
    Column("说明", 2),
]


class ActivityChecksPanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RowTableModel(CHECK_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(False)
        self.summary = QLabel("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_activity(self, activity_id: int | None) -> None:
        checks = [] if activity_id is None else checks_for(self.context.workspace.db, activity_id)
        self.model.set_rows([CheckRow(c.title, c.result.label, c.reason) for c in checks])
        unmet = sum(1 for c in checks if c.result.value == "not_met")
        if activity_id is None:
            self.summary.setText("")
        elif unmet:
            self.summary.setText(f"有 {unmet} 项不符合，请补充记录或整改。")
        else:
            self.summary.setText("各项均符合或不适用。")


class ActivityEvaluationPanel(QWidget):
    """评单: satisfaction 1–5 (0 = 未评) and a comment, stored with the activity."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id: int | None = None
        self.satisfaction = QSpinBox()
        self.satisfaction.setRange(0, 5)
        self.satisfaction.setSpecialValueText("未评")
        self.satisfaction.setSuffix(" 分")
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText("村（实践站）对本次活动的评价")
        self.save_button = QPushButton("保存评单")
        self.saved = QLabel("")
        form = QFormLayout()
        form.addRow("满意度（1–5）", self.satisfaction)
        form.addRow("评价意见", self.comment)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.set_activity(None)

    def set_activity(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.save_button.setEnabled(activity_id is not None)
        self.saved.setText("")
        if activity_id is None:
            self.satisfaction.setValue(0)
            self.comment.clear()
            return
        score, comment = requests.get_evaluation(self.context.workspace.db, activity_id)
        self.satisfaction.setValue(score or 0)
        self.comment.setPlainText(comment)

    def save(self) -> None:
        if self.activity_id is None:
            return
        try:
            requests.evaluate_activity(
                self.context.workspace.db,
                self.activity_id,
                self.satisfaction.value(),
                self.comment.toPlainText(),
            )
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.saved.setText("已保存")
