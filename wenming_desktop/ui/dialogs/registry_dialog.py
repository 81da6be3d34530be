"""The result of reconciling with the national volunteer system, before anything is written:
who matched, the differences, unreadable rows; 更新注册信息 / 导出差异表 / 取消."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.services.roster.registry import RegistryReport, difference_rows, summary_text
from wenming_desktop.ui.dialogs.import_preview import PROBLEM_COLUMNS
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


DIFFERENCE_COLUMNS = [
    Column("差异类型", 0, width=150),
    Column("姓名", 1, width=70),
    Column("工号", 2, width=70),
    Column("科室", 3, width=80),
    Column("手机号", 4, width=100),
    Column("证件号码", 5, width=150),
    Column("志愿者编号", 6, width=110),
    Column("系统时长", 7, _hours, align_right=True, width=70),
    Column("本院记录", 8, _hours, align_right=True, width=70),
    Column("差额", 9, _hours, align_right=True, width=60),
    Column("表中行号", 10, align_right=True),
]


class RegistryDialog(QDialog):
    """After exec(), `apply` tells whether the clerk chose to update the registration data."""

    def __init__(
        self,
        report: RegistryReport,
        export: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"核对志愿服务信息系统名单：{report.path.name}")
        self.resize(1000, 600)
        self.apply = False
        self.report = report
        text = summary_text(report)
        if report.problems:
            text += f"；另有 {len(report.problems)} 个无法读取的单元格，所在行未参与核对"
        self.summary = QLabel(text + "。")
        self.summary.setWordWrap(True)
        self.differences = RowTableModel(DIFFERENCE_COLUMNS, self)
        self.differences.set_rows(difference_rows(report))
        self.problems = RowTableModel(PROBLEM_COLUMNS, self)
        self.problems.set_rows([(p.sheet, p.row, p.column, p.reason) for p in report.problems])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(make_table(self.differences, self))
        problems_table = make_table(self.problems, self)
        problems_table.setVisible(bool(report.problems))
        splitter.addWidget(problems_table)
        self.apply_button = QPushButton(f"更新 {len(report.matched)} 人的注册信息")
        self.apply_button.setEnabled(bool(report.matched))
        self.export_button = QPushButton("导出差异表…")
        self.cancel_button = QPushButton("取消")
        self.apply_button.clicked.connect(self._apply)
        self.export_button.clicked.connect(export)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.apply_button, self.export_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _apply(self) -> None:
        self.apply = True
        self.accept()
