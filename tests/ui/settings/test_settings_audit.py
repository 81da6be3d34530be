import socket
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from tests.services.safety.test_audit_log import make_history
from wenming_desktop.ui.pages.settings.settings import SettingsPage
from wenming_desktop.ui.pages.settings.settings_audit import AuditSettingsTab


def open_audit_tab(window) -> AuditSettingsTab:
    page = window.show_page("设置")
    assert isinstance(page, SettingsPage)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("操作日志"))
    tab = page.tabs.currentWidget()
    assert isinstance(tab, AuditSettingsTab)
    return tab


def settle(window, qtbot) -> None:
    for _ in range(3):
        window.context.runner.wait(10_000)
        qtbot.wait(20)


def test_the_log_is_listed_filtered_and_exported(
    window, qtbot, qtmodeltester, tmp_path: Path
) -> None:
    make_history(window.context.workspace)
    tab = open_audit_tab(window)
    settle(window, qtbot)
    assert tab.model.rowCount() == 6
    qtmodeltester.check(tab.model)
    assert tab.count.text() == "共 6 条"
    assert tab.model.index(0, 4).data() == "删除"  # newest first
    assert tab.model.index(0, 3).data() == socket.gethostname()  # the PC
    window.grab().save(str(tmp_path / "audit-tab.png"))

    tab.entity.setCurrentIndex(tab.entity.findText("结对村"))
    settle(window, qtbot)
    assert tab.model.rowCount() == 3
    tab.action.setCurrentIndex(tab.action.findText("修改"))
    settle(window, qtbot)
    assert tab.model.rowCount() == 1
    assert "139****5678" in tab.model.index(0, 7).data()

    tab.entity.setCurrentIndex(0)
    tab.action.setCurrentIndex(0)
    qtbot.keyClicks(tab.text, "5678")  # masked in the list, but the search finds the entry
    settle(window, qtbot)
    assert tab.model.rowCount() == 1
    tab.text.clear()
    tab.by_date.setChecked(True)
    tab.date_from.setDate(QDate(2001, 1, 1))
    tab.date_to.setDate(QDate(2001, 12, 31))
    settle(window, qtbot)
    assert tab.model.rowCount() == 0

    tab.date_to.setDate(QDate.currentDate())
    out = tmp_path / "日志.xlsx"
    tab.export_to(out, tab.date_from.date().toPython(), tab.date_to.date().toPython())
    qtbot.waitUntil(lambda: tab.count.text().startswith("已导出 6 条"), timeout=10_000)
    sheet = load_workbook(out)["操作日志"]
    assert sheet.max_row == 3 + 6
