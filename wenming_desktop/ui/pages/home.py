"""首页: the office's figures at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from wenming_desktop.domain.hours import format_hours
from wenming_desktop.services.overview import Overview, YearFigures, load_overview

from ..context import PageContext
from ..table_model import Column, RowTableModel
from ..widgets.roster_summary import RosterSummary
from .base import Page, make_table

YEAR_COLUMNS = [
    Column("年度", YearFigures._fields.index("year"), width=70),
    Column("已开展活动", YearFigures._fields.index("activities_done"), align_right=True, width=90),
    Column("计划活动", YearFigures._fields.index("activities_planned"), align_right=True, width=80),
    Column("受益群众人次", YearFigures._fields.index("people_served"), align_right=True, width=100),
    Column(
        "志愿服务时长(小时)",
        YearFigures._fields.index("volunteer_minutes"),
        format_hours,
        align_right=True,
        width=130,
    ),
    Column("体检人次", YearFigures._fields.index("checkups"), align_right=True),
]


class HomePage(Page):
    title = "首页"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        box = QGroupBox("基本情况")
        grid = QGridLayout(box)
        self.figures: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(
            (
                ("villages", "结对村"),
                ("volunteers", "在册志愿者"),
                ("registration", "志愿者注册率"),
                ("residents", "登记村民"),
            )
        ):
            caption = QLabel(label)
            value = QLabel("…")
            value.setObjectName("figure")
            grid.addWidget(caption, 0, i)
            grid.addWidget(value, 1, i)
            self.figures[key] = value
        self.layout_.addWidget(box)
        self.layout_.addWidget(RosterSummary(context, with_departments=False))
        self.layout_.addWidget(QLabel("各年度工作量"))
        self.model = RowTableModel(YEAR_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.context.load(self, lambda: load_overview(self.context.workspace.db), self._show)

    def _show(self, overview: Overview) -> None:
        t = overview.totals
        rate = (
            f"{t.volunteers_registered / t.volunteers_active:.1%}" if t.volunteers_active else "—"
        )
        self.figures["villages"].setText(str(t.villages))
        self.figures["volunteers"].setText(str(t.volunteers_active))
        self.figures["registration"].setText(rate)
        self.figures["residents"].setText(str(t.residents))
        self.model.set_rows(overview.years)
