"""Habits of office software: Ctrl+F, Ctrl+N and F1 on the page on screen; titles."""

from __future__ import annotations

from PySide6.QtCore import Qt
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


def test_main_columns_fit_an_office_laptop(demo_window, qtbot) -> None:
    """At 1280×800 the 志愿者 and 活动 lists show their main columns without scrolling sideways;
    the others are a right-click on the header away."""
    from PySide6.QtWidgets import QTableView

    from wenming_desktop.ui.pages.base import column_menu

    demo_window.resize(1280, 800)
    for title in ("志愿者", "活动"):
        page = demo_window.show_page(title)
        _settle(demo_window, qtbot)
        table = page.table
        assert isinstance(table, QTableView)
        assert not table.horizontalScrollBar().isVisible(), title
    roster = demo_window.pages["志愿者"]
    titles = [c.title for c in roster.model.columns]
    party = titles.index("党支部")
    assert roster.table.isColumnHidden(party)
    menu = column_menu(roster.table, roster.model)
    action = next(a for a in menu.actions() if a.text() == "党支部")
    action.setChecked(True)
    assert not roster.table.isColumnHidden(party)
    menu.deleteLater()
