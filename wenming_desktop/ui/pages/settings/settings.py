"""设置: tabs, one module each (单位信息 first); a subject adds its tab to SETTINGS_TABS."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import Page
from wenming_desktop.ui.pages.settings.settings_activity_lists import ActivityListsSettingsTab
from wenming_desktop.ui.pages.settings.settings_audit import AuditSettingsTab
from wenming_desktop.ui.pages.settings.settings_backup import BackupSettingsTab
from wenming_desktop.ui.pages.settings.settings_deadlines import DeadlineSettingsTab
from wenming_desktop.ui.pages.settings.settings_lists import RosterListsTab
from wenming_desktop.ui.pages.settings.settings_unit import UnitSettingsTab
from wenming_desktop.ui.pages.settings.settings_users import UsersSettingsTab

SETTINGS_TABS: tuple[type[QWidget], ...] = (
    UnitSettingsTab,
    ActivityListsSettingsTab,
    DeadlineSettingsTab,
    RosterListsTab,
    BackupSettingsTab,
    AuditSettingsTab,
    UsersSettingsTab,
)


class SettingsPage(Page):
    title = "设置"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        for tab_class in SETTINGS_TABS:
            tab = tab_class(context)  # type: ignore[arg-type]  # every tab takes the context
            self.tabs.addTab(tab, tab.windowTitle())
        self.layout_.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        refresh = getattr(tab, "refresh", None)
        if refresh is not None:
            refresh()
