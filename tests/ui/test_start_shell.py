"""Start-up: the window's shell before the data, pages built on their first visit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime

import pytest

from tests.activity_helpers import make_activity
from tests.helpers import ROOT
from wenming_desktop.ui.app import build_window
from wenming_desktop.ui.main_window import OPENING_TEXT, PAGES, MainWindow
from wenming_desktop.ui.pages.activities.activities import ActivitiesPage
from wenming_desktop.ui.pages.home import HomePage

# Loaded only when the data is opened or an export is made, never for the shell.
SLOW_MODULES = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "pypdfium2", "pypinyin")

SHELL_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    import PySide6.QtCore

    app = QApplication([])
    import wenming_desktop.entry
    from wenming_desktop.ui.app import MainWindow, prepare_application

    prepare_application(app, deferred=True)
    window = MainWindow()
    painted = []
    window.first_painted.connect(lambda: (painted.append(1), app.quit()))
    window.show()
    app.exec()
    print(json.dumps({
        "painted": bool(painted),
        "modules": sorted(sys.modules),
        "qt_namespace": "Qt" in vars(PySide6.QtCore),
        "opening": window.opening_label.text(),
    }))
    """
)


def test_the_shell_is_painted_without_the_slow_modules() -> None:
    """What `wenming` loads before its first paint: no database, export or network library, and
    not even PySide6's `Qt` namespace (25 ms to create)."""
    result = subprocess.run(
        [sys.executable, "-c", SHELL_SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["painted"]
    loaded = [m for m in seen["modules"] if m.split(".")[0] in SLOW_MODULES]
    assert loaded == []
    assert "PySide6.QtNetwork" not in seen["modules"]
    assert "wenming_desktop.cli" not in seen["modules"]
    assert not [m for m in seen["modules"] if m.startswith("wenming_desktop.ui.pages")]
    assert not [m for m in seen["modules"] if m.startswith("wenming_desktop.storage")]
    assert not seen["qt_namespace"]
    assert seen["opening"] == OPENING_TEXT


def test_the_shell_shows_no_page_until_attached(qtbot, prepared_app, workspace, tmp_path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.opening
    assert window.opening_label.text() == OPENING_TEXT
    assert window.data_label.text() == ""
    assert not window.about_button.isEnabled()
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == [
        entry.title for entry in PAGES
    ]
    window.grab().save(str(tmp_path / "shell.png"))
    window.navigation.setCurrentRow(2)  # the clerk clicks 志愿者 before the data is open
    assert window.stack.currentWidget() is window.opening
    assert not any(window.pages.is_built(entry.title) for entry in PAGES)
    with pytest.raises(RuntimeError):
        window.pages["首页"]
    from wenming_desktop.ui.context import PageContext
    from wenming_desktop.ui.tasks import TaskRunner

    window.attach(PageContext(workspace=workspace, runner=TaskRunner()))
    assert window.stack.currentWidget() is window.pages["志愿者"]  # the clerk's choice
    assert [p.title for p in window.pages.built()] == ["志愿者"]
    assert window.about_button.isEnabled()
    assert str(workspace.folder.database) in window.data_label.text()
    window.context.runner.wait(10_000)


def test_pages_are_built_on_their_first_visit_and_once(window, qtbot) -> None:
    assert [p.title for p in window.pages.built()] == ["首页"]
    assert list(window.pages) == [entry.title for entry in PAGES]
    assert len(window.pages) == len(PAGES)
    assert window.stack.count() == 2  # “正在打开数据…” and 首页
    assert not window.pages.is_built("活动")
    page = window.show_page("活动")
    assert isinstance(page, ActivitiesPage)
    assert window.stack.currentWidget() is page
    window.show_page("首页")
    assert window.show_page("活动") is page
    assert window.pages["活动"] is page
    assert window.stack.count() == 3
    window.context.runner.wait(10_000)


def test_pages_titles_match_their_classes() -> None:
    from wenming_desktop.ui.main_window import PAGE_CLASSES

    assert [cls.title for cls in PAGE_CLASSES] == [entry.title for entry in PAGES]


def test_home_opens_an_activity_on_the_page_built_for_it(window, qtbot) -> None:
    db = window.context.workspace.db
    activity_id = make_activity(db, "东兴村", datetime(2026, 3, 20, 9), title="本月计划")
    home = window.pages["首页"]
    assert isinstance(home, HomePage)
    assert not window.pages.is_built("活动")
    home.activity_requested.emit(activity_id, "")
    assert window.pages.is_built("活动")
    page = window.stack.currentWidget()
    assert isinstance(page, ActivitiesPage)
    assert page.selected_id() == activity_id
    home.page_requested.emit("设置", "报送期限")
    settings = window.stack.currentWidget()
    assert settings is window.pages["设置"]
    assert settings.tabs.tabText(settings.tabs.currentIndex()) == "报送期限"
    window.context.runner.wait(10_000)


def test_build_window_gives_a_window_with_home(prepared_app, qtbot, workspace) -> None:
    window = build_window(workspace)
    qtbot.addWidget(window)
    assert window.attached
    assert isinstance(window.stack.currentWidget(), HomePage)
    window.context.runner.wait(10_000)
