"""月度覆盖: a village × month table of the year's activities and the concentrated week."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from wenming_desktop.services.activities.coverage import MonthCell, year_coverage
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel


def cell_text(cell: MonthCell) -> str:
    if cell.activities == 0:
        return "—"
    return f"{cell.activities}★" if cell.in_concentrated_week else str(cell.activities)


COLUMNS = [
    Column("结对村", 0, width=180),
    *(Column(f"{m}月", m, cell_text, align_right=True, width=52) for m in range(1, 13)),
    Column("全年", 13, align_right=True),
]


class CoverageView(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(" 年")
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addStretch(1)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.setSortingEnabled(False)  # villages in their own order; cells are not numbers
        legend = QLabel(
            "数字为当月活动场次（计划和已开展，不含已取消）；★ 表示至少一场在当月集中活动周"
            "（第三个星期一起的一周）内；— 表示当月没有活动。"
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        self.uncovered = QLabel("")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(self.uncovered)
        self.year.valueChanged.connect(lambda _v: self.refresh())

    def refresh(self) -> None:
        rows = year_coverage(self.context.workspace.db, self.year.value())
        table: list[tuple[Any, ...]] = [(r.village, *r.months, r.total) for r in rows]
        self.model.set_rows(table)
        today = date.today()
        if not rows:
            self.uncovered.setText("还没有结对村。请先在“结对村”页面添加结对村，再安排每月活动。")
        elif self.year.value() == today.year:
            missing = [r.village for r in rows if r.months[today.month - 1].activities == 0]
            self.uncovered.setText(
                f"本月（{today.month}月）尚无活动的结对村：{'、'.join(missing)}"
                if missing
                else f"本月（{today.month}月）每个结对村都已安排活动。"
            )
        else:
            self.uncovered.setText("")
