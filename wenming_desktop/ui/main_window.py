"""The main window: navigation on the left, one page at a time, the data file in the status bar.

The window is painted before the data folder is opened (docs/architecture.md, "Start-up"):
without a `PageContext` it is a shell — the navigation, the status bar and “正在打开数据…” in
the page area — and imports no page, no SQLAlchemy, no export library. `attach(context)` gives it
the opened workspace; pages are built on their first visit (`pages` is a mapping that builds on
lookup), 首页 first.
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

from wenming_desktop.ui.roles import apply_role

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
        # Qt appends the application's display name to every window title (" — 文明实践工作台"):
        # titles name only what differs (演示数据, who is signed in), never the program again.
        self.setWindowTitle("")
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

    def _add_shortcuts(self) -> None:
        """Office habits: Ctrl+F the page's search, Ctrl+N its 新增, F1 its help."""
        from PySide6.QtGui import QKeySequence, QShortcut

        if self.findChildren(QShortcut):
            return  # attached before (the data folder opened again)
        for keys, action in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.New, self.add_on_page),
            (QKeySequence.StandardKey.HelpContents, self.show_help),
        ):
            QShortcut(QKeySequence(keys), self, action)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        if self.context is None or widget is self.opening:
            return None
        return widget  # type: ignore[return-value]  # the stack's other widgets are Pages

    def focus_search(self) -> None:
        page = self.current_page()
        field = page.search_field() if page is not None else None
        if field is not None:
            field.setFocus()
            field.selectAll()

    def add_on_page(self) -> None:
        page = self.current_page()
        actor = self.context.workspace.db.actor if self.context is not None else None
        if page is not None and (actor is None or actor.can_write):  # 只读: Ctrl+N adds nothing
            page.add_new()

    def show_help(self) -> None:
        from PySide6.QtCore import Qt

        from wenming_desktop.ui.help import HelpDialog, help_html

        row = self.navigation.currentRow()
        entry = PAGES[row] if 0 <= row < len(PAGES) else PAGES[0]
        dialog = HelpDialog(entry.title, help_html(entry.module, entry.title), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    @property
    def attached(self) -> bool:
        return self.context is not None

    def attach(self, context: PageContext) -> None:
        """The data folder is open (and signed in to): show the selected page, 首页 first."""
        self.context = context
        self.data_label.setText(f"数据文件：{context.workspace.db.describe()}")
        self.about_button.setEnabled(True)
        self._add_shortcuts()  # after the first paint: QtGui's key sequences cost start-up time
        self._show_page_of_row(self.navigation.currentRow())

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
        follow_up_requested = getattr(page, "follow_up_requested", None)
        if follow_up_requested is not None:
            follow_up_requested.connect(self.open_follow_up)
        self.stack.addWidget(page)
        apply_role(page, self.context.workspace.db.actor)
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

    def open_follow_up(self, checkup_id: int) -> None:
        """Record the follow-up of one abnormal checkup (首页's 体检异常待随访 opens it)."""
        page = self.show_page("健康体检")
        open_follow_up = getattr(page, "open_follow_up", None)
        if open_follow_up is not None:
            open_follow_up(checkup_id)

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
        title = PAGES[row].title
        if not self.pages.is_built(title):
            # Building a page (importing its modules) can take a moment on a slow PC: the
            # sidebar's highlight and a "正在打开…" line are painted first, the page follows.
            self.opening_label.setText(f"正在打开“{title}”…")
            self.stack.setCurrentWidget(self.opening)
            QTimer.singleShot(0, lambda: self._show_page_of_row(row))
            return
        self._show_page_of_row(row)

    def _show_page_of_row(self, row: int) -> None:
        if self.context is None or row < 0 or row != self.navigation.currentRow():
            return  # not open yet, nothing chosen, or the clerk has moved on meanwhile
        page = self.pages[PAGES[row].title]
        self.stack.setCurrentWidget(page)
        page.refresh()
        apply_role(page, self.context.workspace.db.actor)  # and widgets the page built since

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this paint is on screen

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [item for page in self.pages.built() for item in page.unsaved_work()]
        if unsaved and not self._may_close(unsaved):
            event.ignore()
            return
        if self.context is not None:
            self.context.runner.wait(10_000)
        super().closeEvent(event)

    def _may_close(self, unsaved: list[str]) -> bool:
        """Closing with unsaved typing: 关闭 (dropping it) or 取消 (back to the window)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "尚未保存",
            f"以下内容还没有保存：{'、'.join(unsaved)}。\n仍要关闭程序吗？未保存的内容将丢失。",
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Close).setText("仍然关闭")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Close
