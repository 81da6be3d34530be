"""设置: tabs, one module each (单位信息 first); a subject adds its tab to SETTINGS_TABS."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from ..context import PageContext
from .base import Page
from .settings_activity_lists import ActivityListsSettingsTab
from .settings_audit import AuditSettingsTab
from .settings_backup import BackupSettingsTab
from .settings_deadlines import DeadlineSettingsTab
from .settings_lists import RosterListsTab
from .settings_unit import UnitSettingsTab
from .settings_users import UsersSettingsTab

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
            tab = tab_class(context)  # type: ignore[call-arg]  # every tab takes the context
            self.tabs.addTab(tab, tab.windowTitle())
        self.layout_.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        refresh = getattr(tab, "refresh", None)
        if refresh is not None:
            refresh()
