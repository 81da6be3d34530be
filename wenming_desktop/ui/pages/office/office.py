"""The 创建工作 page: the office's creation-work records in three tabs — 领导小组与会议,
检查与整改, 评选表彰. Each tab reads its few rows on the GUI thread when shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QWidget

from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import Page
from wenming_desktop.ui.pages.office.commendations_tab import CommendationsTab
from wenming_desktop.ui.pages.office.inspections_tab import InspectionsTab
from wenming_desktop.ui.pages.office.meetings_tab import MeetingsTab

MEETINGS_TAB, INSPECTIONS_TAB, COMMENDATIONS_TAB = "领导小组与会议", "检查与整改", "评选表彰"


class OfficePage(Page):
    title = "创建工作"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.today = date.today  # replaceable in tests
        self.tabs = QTabWidget()
        self.meetings = MeetingsTab(context, lambda: self.today(), self)
        self.inspections = InspectionsTab(context, lambda: self.today(), self)
        self.commendations = CommendationsTab(context, lambda: self.today(), self)
        self.tabs.addTab(self.meetings, MEETINGS_TAB)
        self.tabs.addTab(self.inspections, INSPECTIONS_TAB)
        self.tabs.addTab(self.commendations, COMMENDATIONS_TAB)
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())

    def refresh(self) -> None:
        self._refresh_tab()

    def _refresh_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, MeetingsTab | InspectionsTab | CommendationsTab):
            tab.refresh()

    def show_tab(self, title: str) -> None:
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i) == title:
                self.tabs.setCurrentIndex(i)
                return
