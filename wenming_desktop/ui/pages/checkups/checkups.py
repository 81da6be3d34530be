"""The 健康体检 page: tabs for entry, the resident registry, records and history, follow-up and
statistics. Each tab is its own module; the page holds them and refreshes the one shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from wenming_desktop.domain.errors import UserError
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import Page
from wenming_desktop.ui.pages.checkups.checkup_entry import CheckupEntry
from wenming_desktop.ui.pages.checkups.checkup_followup import CheckupFollowUps
from wenming_desktop.ui.pages.checkups.checkup_records import CheckupRecords
from wenming_desktop.ui.pages.checkups.checkup_residents import ResidentRegistry
from wenming_desktop.ui.pages.checkups.checkup_stats_tab import CheckupStatsTab


class CheckupsPage(Page):
    title = "健康体检"
    page_requested = Signal(str, str)  # page title, tab title: the empty states' 打开…页

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        self.entry = CheckupEntry(context)
        self.registry = ResidentRegistry(context)
        self.records = CheckupRecords(context)
        self.follow_ups = CheckupFollowUps(context)
        self.stats = CheckupStatsTab(context)
        self.tabs.addTab(self.entry, "体检录入")
        self.tabs.addTab(self.registry, "村民名册")
        self.tabs.addTab(self.records, "体检记录与历史")
        self.tabs.addTab(self.follow_ups, "随访")
        self.tabs.addTab(self.stats, "统计")
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        self.records.open_requested.connect(self.open_in_entry)
        self.records.entry_wanted.connect(lambda: self.tabs.setCurrentWidget(self.entry))
        self.follow_ups.entry_wanted.connect(lambda: self.tabs.setCurrentWidget(self.entry))
        self.entry.registry_wanted.connect(lambda: self.tabs.setCurrentWidget(self.registry))
        self.entry.activities_wanted.connect(lambda: self.page_requested.emit("活动", "活动安排"))
        self.registry.villages_wanted.connect(lambda: self.page_requested.emit("结对村", ""))
        self.entry.villages_wanted.connect(lambda: self.page_requested.emit("结对村", ""))

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        refresh = getattr(tab, "refresh", None)
        if refresh is not None:
            refresh()

    def open_follow_up(self, checkup_id: int) -> None:
        """The 随访 tab with this checkup selected and its follow-up dialog open."""
        self.tabs.setCurrentWidget(self.follow_ups)
        self.follow_ups.open_checkup(checkup_id)

    def open_in_entry(self, activity_id: int | None, resident_id: int) -> None:
        """Open a recorded checkup in the entry form (its day chosen, the record loaded)."""
        self.tabs.setCurrentWidget(self.entry)
        try:
            if activity_id is None:
                raise UserError("这条记录没有关联体检活动，无法在录入页打开")
            self.entry.set_day(activity_id, resident_id)
        except UserError as exc:
            self.context.show_error(self, exc)
