"""The common frame of a page: a title, and a refresh when the page is shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.table_model import Column, RowTableModel
from wenming_desktop.ui.widgets.column_fit import ColumnFit, fit_columns


class Page(QWidget):
    title = ""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        self.layout_.addWidget(heading)

    def refresh(self) -> None:
        """Reload what the page shows; called when the page is opened."""

    def search_field(self) -> QLineEdit | None:
        """The search box on screen (a QLineEdit named "search"), which Ctrl+F focuses."""
        for field in self.findChildren(QLineEdit, "search"):
            if field.isVisible():
                return field
        return None

    def add_new(self) -> bool:
        """Ctrl+N: press the page's visible "新增…" button (a QPushButton named "add")."""
        for button in self.findChildren(QPushButton, "add"):
            if button.isVisible() and button.isEnabled():
                button.click()
                return True
        return False

    def unsaved_work(self) -> list[str]:
        """What the clerk typed on this page and has not saved, in words ("义诊服务"); asked about
        before the window closes."""
        return []


def make_table(
    model: RowTableModel, parent: QWidget | None = None, view: QTableView | None = None
) -> QTableView:
    """`view` (a plain QTableView unless given, e.g. a subclass that moves on Enter) set up
    over `model` the way every list of the program looks."""
    view = view if view is not None else QTableView(parent)
    view.setModel(model)
    # No column claims to be sorted until the user clicks one: rows arrive in the query's order.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSortIndicatorShown(True)
    for i, column in enumerate(model.columns):
        if column.width:
            view.setColumnWidth(i, column.width)
        view.setColumnHidden(i, column.hidden)
    ColumnFit(view)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: _column_menu(view, model, pos))
    return view


def column_menu(view: QTableView, model: RowTableModel) -> QMenu:
    """显示的列: one checkable entry per column; a column is shown or hidden by ticking it."""
    menu = QMenu(view)
    menu.addSection("显示的列")
    for i, column in enumerate(model.columns):
        action = menu.addAction(column.title)
        action.setCheckable(True)
        action.setChecked(not view.isColumnHidden(i))
        action.toggled.connect(lambda shown, i=i: _show_column(view, i, shown))
    return menu


def _show_column(view: QTableView, column: int, shown: bool) -> None:
    view.setColumnHidden(column, not shown)
    fit_columns(view)


def _column_menu(view: QTableView, model: RowTableModel, pos: QPoint) -> None:
    menu = column_menu(view, model)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(view.horizontalHeader().mapToGlobal(pos))


class ReadOnlyListPage(Page):
    """A list of records shown read-only until the page's own issue completes it."""

    columns: tuple[Column, ...] = ()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.note = QLabel("本页目前只显示记录；新增、编辑和导出功能将在后续版本中提供。")
        self.note.setObjectName("hint")
        self.layout_.addWidget(self.note)
        self.model = RowTableModel(self.columns, self)
        self.table = make_table(self.model, self)
        self.layout_.addWidget(self.table)
        self.count = QLabel("")
        self.layout_.addWidget(self.count)

    def fetch(self) -> list:  # runs on the worker thread
        raise NotImplementedError

    def refresh(self) -> None:
        self.context.load(self, self.fetch, self._show)

    def _show(self, rows: list) -> None:
        self.model.set_rows(rows)
        self.count.setText(f"共 {len(rows)} 条")
