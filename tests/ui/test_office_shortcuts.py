"""Habits of office software: Ctrl+F, Ctrl+N and F1 on the page on screen; titles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from wenming_desktop import APP_NAME
from wenming_desktop.ui.help import HelpDialog, help_path
from wenming_desktop.ui.main_window import PAGES


def _settle(window, qtbot) -> None:
    window.context.runner.wait(30_000)
    qtbot.wait(30)


def test_every_page_has_a_chinese_help_page() -> None:
    for entry in PAGES:
        path = help_path(entry.module)
        assert path.exists(), f"{entry.title}: {path} missing"
        assert entry.title in path.read_text(encoding="utf-8")


def test_ctrl_f_focuses_the_search_of_the_page(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    page = window.show_page("志愿者")
    _settle(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    window.show_page("活动")
    _settle(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.objectName() == "search"


def test_ctrl_n_adds_on_the_page(window, qtbot, when_dialog_opens) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_page("结对村")
    _settle(window, qtbot)
    opened: list[str] = []

    def close(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(close)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(opened))
    assert "结对村" in opened[0]


def test_f1_shows_the_page_help(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_page("活动")
    _settle(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog)]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialogs) or bool(dialogs))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog))
    assert "活动" in dialog.text.toPlainText() and "Ctrl+N" in dialog.text.toPlainText()
    dialog.close()


def test_titles_do_not_repeat_the_program_name(window) -> None:
    # Qt appends the application's display name to each title by itself
    assert APP_NAME not in window.windowTitle()


def test_every_column_of_every_table_model_has_a_header() -> None:
    """A column without a header reads as a mistake (the entry list's diastolic had none)."""
    import importlib
    import pkgutil

    import wenming_desktop.ui as ui
    from wenming_desktop.ui.table_model import Column

    unlabelled = []
    for info in pkgutil.walk_packages(ui.__path__, "wenming_desktop.ui."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, list | tuple) and value and isinstance(value[0], Column):
                unlabelled += [f"{info.name}.{name}" for c in value if not c.title.strip()]
    assert unlabelled == []


def _tables_on_screen(window) -> list:
    from PySide6.QtWidgets import QCalendarWidget, QTableView

    calendars = [c for c in window.findChildren(QCalendarWidget)]
    return [
        t
        for t in window.findChildren(QTableView)
        if t.isVisible() and not any(c.isAncestorOf(t) for c in calendars)
    ]


def _every_tab(window, qtbot):
    """(where, tables) for every page and every tab of every page, over the loaded data."""
    from PySide6.QtWidgets import QTabWidget

    for entry in PAGES:
        page = window.show_page(entry.title)
        _settle(window, qtbot)
        yield entry.title, _tables_on_screen(window)
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _settle(window, qtbot)
                if tabs.isVisible():
                    yield f"{entry.title}/{tabs.tabText(i)}", _tables_on_screen(window)
            tabs.setCurrentIndex(0)


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_every_table_fits_an_office_laptop(demo_window, qtbot, size) -> None:
    """At 1366×768 and 1280×800 no table of any page or tab scrolls sideways over the demo
    data, and every shown column is at least as wide as its header's text."""

    from wenming_desktop.ui.widgets.column_fit import ColumnFit

    demo_window.resize(*size)
    seen = 0
    for where, tables in _every_tab(demo_window, qtbot):
        assert demo_window.width() == size[0], where  # no page widens the window
        for table in tables:
            seen += 1
            assert not table.horizontalScrollBar().isVisible(), where
            header = table.horizontalHeader()
            fitter = table.findChild(ColumnFit)
            assert fitter is not None, where
            for column in range(header.count()):
                if not header.isSectionHidden(column):
                    assert header.sectionSize(column) >= fitter.floor(column), (where, column)
    assert seen >= 15


def test_columns_give_up_width_and_take_it_back(qtbot, monkeypatch) -> None:
    """A table narrower than its columns shrinks the wide ones, never below their header; made
    wide again, the columns return to their widths."""
    from wenming_desktop.ui.pages.base import make_table
    from wenming_desktop.ui.table_model import Column, RowTableModel
    from wenming_desktop.ui.widgets import column_fit
    from wenming_desktop.ui.widgets.column_fit import ColumnFit

    columns = (Column("名称", 0, width=300), Column("地点", 1, width=300), Column("人数", 2))
    model = RowTableModel(columns)
    model.set_rows([("第一次会议", "行政楼三楼第一会议室（东侧大厅旁）", 3)])
    table = make_table(model)
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    assert table.columnWidth(0) == 300
    table.resize(400, 300)
    qtbot.waitUntil(lambda: table.columnWidth(0) < 300)
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance("人数")
    fitter = table.findChild(ColumnFit)
    place = model.index(0, 1)
    assert fitter.cut_text(place) == "行政楼三楼第一会议室（东侧大厅旁）"  # its tooltip
    assert fitter.cut_text(model.index(0, 2)) is None
    centre = table.visualRect(place).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre))
    shown: list[str] = []
    monkeypatch.setattr(  # the offscreen platform warns when a real tooltip is raised
        column_fit.QToolTip, "showText", lambda _at, text, _widget: shown.append(text)
    )
    QApplication.sendEvent(table.viewport(), hover)
    assert shown == ["行政楼三楼第一会议室（东侧大厅旁）"]
    table.resize(900, 300)
    qtbot.waitUntil(lambda: table.columnWidth(0) == 300)
    assert fitter.cut_text(place) is None


def test_hidden_columns_are_a_right_click_away(demo_window, qtbot) -> None:
    """Secondary columns start hidden on a narrow screen; the header's menu shows them."""
    from wenming_desktop.ui.pages.base import column_menu

    demo_window.resize(1280, 800)
    demo_window.show_page("志愿者")
    _settle(demo_window, qtbot)
    roster = demo_window.pages["志愿者"]
    titles = [c.title for c in roster.model.columns]
    party = titles.index("党支部")
    assert roster.table.isColumnHidden(party)
    menu = column_menu(roster.table, roster.model)
    action = next(a for a in menu.actions() if a.text() == "党支部")
    action.setChecked(True)
    assert not roster.table.isColumnHidden(party)
    assert not roster.table.horizontalScrollBar().isVisible()
    menu.deleteLater()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_every_hint_in_a_text_field_shows_whole(demo_window, qtbot, size) -> None:
    """The grey hint in every text field on every page and tab (what to type in a search box)
    is shown whole at 1366×768 and 1280×800, room left for the frame and the clear button."""
    from PySide6.QtWidgets import QLineEdit

    demo_window.resize(*size)
    cut = []
    for where, _tables in _every_tab(demo_window, qtbot):
        for field in demo_window.findChildren(QLineEdit):
            text = field.placeholderText()
            if not text or not field.isVisible():
                continue
            margins = field.textMargins()
            room = field.width() - margins.left() - margins.right() - 2 * 8
            if field.isClearButtonEnabled():
                room -= 24
            if room < field.fontMetrics().horizontalAdvance(text):
                cut.append((where, text))
    assert not cut, sorted(set(cut))
