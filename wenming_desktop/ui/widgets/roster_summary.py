"""The roster summary panel (志愿服务概况): registration rate, average hours, below target, and
the per-department breakdown for one year. Shown on 首页 and on the 志愿者 page."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from wenming_desktop.domain.counting import TARGET_HOURS, per_capita_hours_text
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.services.roster.hours import DepartmentFigures, HospitalFigures, year_hours
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.table_model import Column, RowTableModel

FIGURES = (
    ("volunteers", "在册志愿者"),
    ("registration", "注册率"),
    ("average", "人均时长(小时，按参与服务者)"),
    ("below", f"未达{TARGET_HOURS}小时"),
    ("total", "全年总时长(小时)"),
)


def _rate(registered: int, total: int) -> str:
    return f"{registered / total:.1%}" if total else "—"


DEPARTMENT_COLUMNS = [
    Column("科室", 0, width=110),
    Column("人数", 1, align_right=True, width=50),
    Column("注册率", 2, align_right=True, width=70),
    Column("总时长(小时)", 3, align_right=True, width=95),
    Column("人均(小时，按参与服务者)", 4, align_right=True, width=200),
    Column("未达标", 5, align_right=True),
]


def department_rows(departments: tuple[DepartmentFigures, ...]) -> list[tuple[object, ...]]:
    return [
        (
            d.department,
            d.volunteers,
            _rate(d.registered, d.volunteers),
            format_hours(d.minutes),
            per_capita_hours_text(d.minutes, d.serving),
            d.below_target,
        )
        for d in departments
    ]


class RosterSummary(QGroupBox):
    """Loads its own figures (this year) each time it is shown, unless a page feeds it."""

    def __init__(
        self, context: PageContext | None, with_departments: bool = True,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__("志愿服务概况", parent)
        self.context = context
        self.year = date.today().year
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(FIGURES):
            grid.addWidget(QLabel(label), 0, i)
            value = QLabel("…")
            value.setObjectName("figure")
            grid.addWidget(value, 1, i)
            self.figures[key] = value
        layout.addLayout(grid)
        self.departments = RowTableModel(DEPARTMENT_COLUMNS, self)
        self.table = make_table(self.departments, self)
        self.table.setVisible(with_departments)
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table)

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        if self.context is not None:
            context, year = self.context, self.year
            context.load(
                self, lambda: year_hours(context.workspace.db, year).hospital, self.show_figures
            )

    def show_figures(self, h: HospitalFigures) -> None:
        self.setTitle(f"{h.year}年志愿服务概况")
        self.figures["volunteers"].setText(str(h.volunteers))
        self.figures["registration"].setText(_rate(h.registered, h.volunteers))
        self.figures["average"].setText(h.average_text)
        self.figures["below"].setText(f"{h.below_target} 人")
        self.figures["total"].setText(format_hours(h.total_minutes))
        self.departments.set_rows(department_rows(h.departments))
