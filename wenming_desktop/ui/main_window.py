"""The main window: navigation on the left, one page at a time, the data file in the status bar.

The window is painted before the data folder is opened (issue 10): without a `PageContext` it is
a shell — the navigation, the status bar and “正在打开数据…” in the page area — and imports no
page, no SQLAlchemy, no export library. `attach(context)` gives it the opened workspace; pages
are built on their first visit (`pages` is a mapping that builds on lookup), 首页 first.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QSize, QTimer, Signal
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

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from wenming_desktop.ui.context import PageContext
    from wenming_desktop.ui.dialogs.about import AboutDialog
    from wenming_desktop.ui.pages.base import Page


class PageEntry(NamedTuple):
    """One page of the navigation: its title and where its class lives (imported on first use)."""

    title: str
    module: str  # under wenming_desktop.ui.pages
    class_name: str

    def load(self) -> type[Page]:
        module = importlib.import_module(f"wenming_desktop.ui.pages.{self.module}")
        page_class: type[Page] = getattr(module, self.class_name)
        return page_class


# The navigation, in order; a new page is one line here (its class's `title` must match).
PAGES: tuple[PageEntry, ...] = (
    PageEntry("首页", "home", "HomePage"),
    PageEntry("结对村", "villages", "VillagesPage"),
    PageEntry("志愿者", "roster.volunteers", "VolunteersPage"),
    PageEntry("活动", "activities.activities", "ActivitiesPage"),
    PageEntry("健康体检", "checkups.checkups", "CheckupsPage"),
    PageEntry("创建工作", "office.office", "OfficePage"),
    PageEntry("台账与归档", "filing", "FilingPage"),
    PageEntry("设置", "settings.settings", "SettingsPage"),
)
HOME = PAGES[0].title
ACTIVITIES = "活动"
OPENING_TEXT = "正在打开数据…"


def __getattr__(name: str) -> Any:
    """`PAGE_CLASSES`, the page classes in navigation order, imported only when asked for."""
    if name == "PAGE_CLASSES":
        return tuple(entry.load() for entry in PAGES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class LazyPages(Mapping[str, "Page"]):
    """Title → page; a page is built by `build` on its first lookup, then kept."""

    def __init__(self, build: Callable[[PageEntry], Page]) -> None:
        self._build = build
        self._entries = {entry.title: entry for entry in PAGES}
        self._built: dict[str, Page] = {}

    def __getitem__(self, title: str) -> Page:
        page = self._built.get(title)
        if page is None:
            page = self._build(self._entries[title])
            self._built[title] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def is_built(self, title: str) -> bool:
        return title in self._built

    def built(self) -> list[Page]:
        return list(self._built.values())


def _centred(label: QLabel) -> QWidget:
    """`label` in the middle of a page-sized widget (stretches, not `Qt.AlignmentFlag`: the shell
    does not create the `Qt` namespace before its first paint)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    page = QWidget()
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(2)
    return page


class MainWindow(QMainWindow):
    first_painted = Signal()  # emitted once, on the event-loop turn after the first paint

    def __init__(self, context: PageContext | None = None) -> None:
        super().__init__()
        self.context: PageContext | None = None
        self._painted = False
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.addItems([entry.title for entry in PAGES])
        self.stack = QStackedWidget()
        self.opening_label = QLabel(OPENING_TEXT)
        self.opening_label.setObjectName("hint")
        self.opening = _centred(self.opening_label)
        self.stack.addWidget(self.opening)
        self.pages = LazyPages(self._build_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._navigation_column())
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.data_label = QLabel("")  # the data file, once it is open
        self.statusBar().addWidget(self.data_label)
        self.navigation.currentRowChanged.connect(self._open_page)
        self.navigation.setCurrentRow(0)
        if context is not None:
            self.attach(context)

    def _navigation_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(self.navigation, 1)
        self.about_button = QPushButton("关于本程序")
        self.about_button.setObjectName("aboutButton")
        self.about_button.setFixedWidth(self.navigation.width())
        self.about_button.setEnabled(False)  # it names the data folder: once that is open
        self.about_button.clicked.connect(self.show_about)
        column.addWidget(self.about_button)
        return column

    @property
    def attached(self) -> bool:
        return self.context is not None

    def attach(self, context: PageContext) -> None:
        """The data folder is open (and signed in to): show the selected page, 首页 first."""
        self.context = context
        self.data_label.setText(f"数据文件：{context.workspace.db.describe()}")
        self.about_button.setEnabled(True)
        self._open_page(self.navigation.currentRow())

    def show_opening_failed(self) -> None:
        """The data could not be opened: the page area says so instead of “正在打开…”."""
        self.opening_label.setText("数据未能打开。")
        self.data_label.setText("")

    def _build_page(self, entry: PageEntry) -> Page:
        if self.context is None:
            raise RuntimeError(f"页面“{entry.title}”在数据打开之前不能建立")
        page = entry.load()(self.context)
        assert page.title == entry.title, (page.title, entry.title)
        # Cross-page requests (首页's items open records on other pages).
        activity_requested = getattr(page, "activity_requested", None)
        if activity_requested is not None:
            activity_requested.connect(self.open_activity)
        page_requested = getattr(page, "page_requested", None)
        if page_requested is not None:
            page_requested.connect(self.open_tab)
        self.stack.addWidget(page)
        return page

    def show_about(self) -> AboutDialog:
        from PySide6.QtCore import Qt

        from wenming_desktop.ui.dialogs.about import AboutDialog

        assert self.context is not None
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
        page = self.show_page(ACTIVITIES)
        open_activity = getattr(page, "open_activity", None)
        if open_activity is not None:
            open_activity(activity_id, detail_tab)

    def open_tab(self, title: str, tab: str) -> None:
        """Show a page and, when it has tabs (`tabs`), the tab of that title."""
        tabs = getattr(self.show_page(title), "tabs", None)
        if tabs is not None:
            for i in range(tabs.count()):
                if tabs.tabText(i) == tab:
                    tabs.setCurrentIndex(i)

    def _open_page(self, row: int) -> None:
        if self.context is None or row < 0:
            self.stack.setCurrentWidget(self.opening)  # the clerk's choice is opened on attach
            return
        page = self.pages[PAGES[row].title]
        self.stack.setCurrentWidget(page)
        page.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this paint is on screen

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.context is not None:
            self.context.runner.wait(10_000)
        super().closeEvent(event)
