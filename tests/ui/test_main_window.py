from pathlib import Path

from PySide6.QtGui import QFontDatabase

from wenming_desktop.ui.main_window import PAGE_CLASSES, PAGES
from wenming_desktop.ui.pages.base import Page


def wait_for_page(window, qtbot, page: Page) -> None:
    window.context.runner.wait(30_000)
    qtbot.wait(50)


def test_every_page_opens_with_the_demo_data(demo_window, qtbot, tmp_path: Path) -> None:
    titles = [cls.title for cls in PAGE_CLASSES]
    assert titles == [
        "首页", "结对村", "志愿者", "活动", "健康体检", "创建工作", "台账与归档", "设置",
    ]  # fmt: skip
    for title in titles:
        page = demo_window.show_page(title)
        wait_for_page(demo_window, qtbot, page)
        assert demo_window.stack.currentWidget() is page
        image = demo_window.grab()
        assert not image.isNull()
        image.save(str(tmp_path / f"{title}.png"))
    home = demo_window.pages["首页"]
    assert home.figures["villages"].text() == "4"
    assert int(home.figures["activities"].text()) > 0  # this year's, from the demo data
    assert home.model.rowCount() == 2


def test_status_bar_names_the_data_file(window) -> None:
    assert str(window.context.workspace.folder.database) in window.data_label.text()


def test_bundled_cjk_font_is_registered(prepared_app) -> None:
    families = QFontDatabase.families()
    assert any("WenQuanYi" in family for family in families)
    assert "WenQuanYi Micro Hei" in prepared_app.font().families()


def test_a_click_in_the_sidebar_answers_before_the_page_is_built(window, qtbot) -> None:
    """The highlight and a "正在打开…" line first; the page on the next turn of the loop."""
    row = 4  # 健康体检, not built yet
    assert not window.pages.is_built("健康体检")
    window.navigation.setCurrentRow(row)
    assert window.stack.currentWidget() is window.opening
    assert "健康体检" in window.opening_label.text()
    qtbot.waitUntil(lambda: window.pages.is_built("健康体检"))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["健康体检"])
    # moving on before it is built: only the last choice is shown
    titles = [entry.title for entry in PAGES]
    window.navigation.setCurrentRow(titles.index("台账与归档"))
    window.navigation.setCurrentRow(titles.index("设置"))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["设置"])
    assert not window.pages.is_built("台账与归档")
    window.context.runner.wait(30_000)
