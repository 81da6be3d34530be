"""台账与归档: what the records hold per year, ahead of the ledgers and filing packets."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from wenming_desktop.services.overview import Overview, load_overview

from ..context import PageContext
from ..table_model import RowTableModel
from .base import Page, make_table
from .home import YEAR_COLUMNS


class FilingPage(Page):
    title = "台账与归档"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        note = QLabel(
            "下表是各年度可归档的记录数量。台账导出、总结和归档材料包将在后续版本中提供；"
            "在此之前可用命令行导出。"
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.model = RowTableModel(YEAR_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.context.load(self, lambda: load_overview(self.context.workspace.db), self._show)

    def _show(self, overview: Overview) -> None:
        self.model.set_rows(overview.years)
