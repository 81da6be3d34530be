"""The 健康体检 page: tabs for entry, the resident registry, records and history, follow-up and
statistics. Each tab is its own module; the page only holds them and refreshes the one shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from ..context import PageContext
from .base import Page
from .checkup_entry import CheckupEntry


class CheckupsPage(Page):
    title = "健康体检"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        self.entry = CheckupEntry(context)
        self.tabs.addTab(self.entry, "体检录入")
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.refresh())

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        refresh = getattr(tab, "refresh", None)
        if refresh is not None:
            refresh()
