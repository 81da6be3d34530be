"""The main window: navigation on the left, one page at a time, the data file in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop import APP_NAME

from .context import PageContext
from .dialogs.about import AboutDialog
from .pages.activities import ActivitiesPage
from .pages.base import Page
from .pages.checkups import CheckupsPage
from .pages.filing import FilingPage
from .pages.home import HomePage
from .pages.settings import SettingsPage
from .pages.villages import VillagesPage
from .pages.volunteers import VolunteersPage

PAGE_CLASSES: tuple[type[Page], ...] = (
    HomePage,
    VillagesPage,
    VolunteersPage,
    ActivitiesPage,
    CheckupsPage,
    FilingPage,
    SettingsPage,
)


class MainWindow(QMainWindow):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for page_class in PAGE_CLASSES:
            page = page_class(context)
            self.pages[page.title] = page
            self.navigation.addItem(page.title)
            self.stack.addWidget(page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._navigation_column())
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.data_label = QLabel(f"数据文件：{context.workspace.db.describe()}")
        self.statusBar().addWidget(self.data_label)
        self.navigation.currentRowChanged.connect(self._open_page)
        home = self.pages.get(HomePage.title)
        if isinstance(home, HomePage):
            home.activity_requested.connect(self.open_activity)
            home.page_requested.connect(self.open_tab)
        self.navigation.setCurrentRow(0)

    def _navigation_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(self.navigation, 1)
        self.about_button = QPushButton("关于本程序")
        self.about_button.setObjectName("aboutButton")
        self.about_button.setFixedWidth(self.navigation.width())
        self.about_button.clicked.connect(self.show_about)
        column.addWidget(self.about_button)
        return column

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.context.workspace.folder.root, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def show_page(self, title: str) -> Page:
        page = self.pages[title]
        self.navigation.setCurrentRow(list(self.pages).index(title))
        return page

    def open_activity(self, activity_id: int, detail_tab: str = "") -> None:
        """Show one activity on the 活动 page (what 首页's items open)."""
        page = self.show_page(ActivitiesPage.title)
        if isinstance(page, ActivitiesPage):
            page.open_activity(activity_id, detail_tab)

    def open_tab(self, title: str, tab: str) -> None:
        """Show a page and, when it has tabs (`tabs`), the tab of that title."""
        tabs = getattr(self.show_page(title), "tabs", None)
        if tabs is not None:
            for i in range(tabs.count()):
                if tabs.tabText(i) == tab:
                    tabs.setCurrentIndex(i)

    def _open_page(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.runner.wait(10_000)
        super().closeEvent(event)
