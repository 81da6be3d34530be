"""The preview shown before any import writes: what was read (sheet, rows, footer and note rows
skipped, hidden rows), rows with 新增/更新/有错误, warnings and every problem.

Reused by every sheet import (roster, residents, registry). The clerk chooses 全部导入 (only when
nothing is wrong), 只导入无误的行, or 取消; `choice` tells the caller which.
"""

from __future__ import annotations

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

from wenming_desktop.services.workbooks.sheet_reader import (
    ImportPreview,
)
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel

CHOICE_ALL = "all"
# The file types the imports read (openpyxl for .xlsx, calamine for the others).
IMPORT_FILTER = "表格文件 (*.xlsx *.xls *.et *.ods *.xlsb);;所有文件 (*)"
CHOICE_VALID_ONLY = "valid_only"

PROBLEM_COLUMNS = [
    Column("工作表", 0, width=110),
    Column("行", 1, align_right=True, width=50),
    Column("列", 2, width=110),
    Column("原因", 3),
]


class ImportPreviewDialog(QDialog):
    """Shows `preview`; after exec(), `choice` is CHOICE_ALL, CHOICE_VALID_ONLY or None."""

    def __init__(self, title: str, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(980, 640)
        self.choice: str | None = None
        self.preview = preview
        summary = "\n".join(preview.summary_lines())
        if preview.problems:
            summary += "\n有错误时不能全部导入：请修改表格后重新导入，或只导入无误的行。"
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        row_columns = [Column("行号", 0, align_right=True, width=50), Column("处理", 1, width=120)]
        row_columns += [Column(name, i + 2, width=100) for i, name in enumerate(preview.columns)]
        self.rows_model = RowTableModel(row_columns, self)
        self.rows_model.set_rows(
            [
                (r.row, r.action + ("（隐藏行）" if r.hidden else ""), *r.values)
                for r in preview.rows
            ]
        )
        self.rows_table = make_table(self.rows_model, self)
        self.problems_model = RowTableModel(PROBLEM_COLUMNS, self)
        notes = [
            (preview.facts.sheet, row, "", f"跳过（表尾/说明）：{text}")
            for row, text in preview.facts.skipped
        ]
        self.problems_model.set_rows(
            sorted(
                [(p.sheet, p.row, p.column, p.reason) for p in preview.problems]
                + [(p.sheet, p.row, p.column, f"提醒：{p.reason}") for p in preview.warnings]
                + notes,
                key=lambda item: item[1],
            )
        )
        self.problems_table = make_table(self.problems_model, self)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(
            QLabel(
                f"问题 {len(preview.problems)} 个，提醒 {len(preview.warnings)} 条，"
                f"跳过的表尾/说明 {len(notes)} 行"
            )
        )
        problems_layout.addWidget(self.problems_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rows_table)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        problems_box.setVisible(bool(preview.problems or preview.warnings or notes))
        self.import_all = QPushButton("全部导入")
        self.import_valid = QPushButton("只导入无误的行")
        self.cancel_button = QPushButton("取消")
        self.import_all.setEnabled(not preview.problems and preview.valid_count > 0)
        self.import_valid.setEnabled(bool(preview.problems) and preview.valid_count > 0)
        self.import_all.clicked.connect(lambda: self._choose(CHOICE_ALL))
        self.import_valid.clicked.connect(lambda: self._choose(CHOICE_VALID_ONLY))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_all, self.import_valid, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
