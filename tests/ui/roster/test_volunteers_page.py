"""The 志愿者 page driven as a clerk would: search typed into the real box, filters, the
add dialog's validation, deactivation, the HR import with its preview, exports; 设置 lists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.roster_samples import messy_hr_workbook, registry_workbook, small_roster
from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.roster import VolunteerData
from wenming_desktop.services.roster import roster
from wenming_desktop.ui.dialogs.import_preview import ImportPreviewDialog
from wenming_desktop.ui.dialogs.registry_dialog import RegistryDialog
from wenming_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog
from wenming_desktop.ui.pages.roster.roster_lines import RosterLine
from wenming_desktop.ui.pages.roster.volunteers import VolunteersPage


def _settle(window, qtbot) -> None:
    window.context.runner.wait(30_000)
    qtbot.wait(30)


def _open(window, qtbot) -> VolunteersPage:
    page = window.show_page("志愿者")
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 or "共 0 人" in page.count.text())
    return page


def _names(page: VolunteersPage) -> list[str]:
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]


def test_pinyin_search_in_the_real_widget(demo_window, qtbot, qtmodeltester) -> None:
    db = demo_window.context.workspace.db
    roster.add_volunteer(db, VolunteerData(name="张三丰", staff_no="Z9001", phone="13700001234"))
    roster.add_volunteer(db, VolunteerData(name="单志强", staff_no="Z9002"))
    page = _open(demo_window, qtbot)
    qtmodeltester.check(page.model)
    total = page.model.rowCount()
    qtbot.keyClicks(page.search, "zsf")
    assert _names(page) == ["张三丰"]
    page.search.clear()
    assert page.model.rowCount() == total
    qtbot.keyClicks(page.search, "1234")  # phone tail
    assert "张三丰" in _names(page)
    for typed in ("szq", "dzq"):  # a polyphonic surname: both readings find him
        page.search.clear()
        qtbot.keyClicks(page.search, typed)
        assert _names(page) == ["单志强"], typed
    page.search.clear()
    qtbot.keyClicks(page.search, "z9002")
    assert _names(page) == ["单志强"]


def test_search_over_three_thousand_rows(demo_window, qtbot) -> None:
    page = _open(demo_window, qtbot)
    names = ["张三丰", "李四", "王五", "赵六"]
    page._lines = [
        RosterLine(
            id=i,
            staff_no=f"S{i:05d}",
            name=f"{names[i % 4]}{i}",
            gender="男",
            department="内科",
            title="",
            political_status="群众",
            party_branch="",
            teams="",
            phone=f"139{i:08d}",
            registered=True,
            registry_no="",
            active=True,
            year_minutes=0,
            activities=0,
            target_met=False,
            stars="",
            cumulative_minutes=0,
            initials=(name_initials(names[i % 4]),),
            id_number="",
        )
        for i in range(3000)
    ]
    page.apply_filter()
    assert page.model.rowCount() == 3000
    qtbot.keyClicks(page.search, "zsf")
    assert page.model.rowCount() == 750
    assert "显示 750 人，共 3000 人" in page.count.text()


def test_filters(demo_window, qtbot) -> None:
    page = _open(demo_window, qtbot)
    page.department.setCurrentText("内科")
    assert page.model.rowCount() > 0
    assert {page.model.row_at(i).department for i in range(page.model.rowCount())} == {"内科"}
    page.department.setCurrentText("全部")
    page.registered.setCurrentText("未注册")
    assert all(not page.model.row_at(i).registered for i in range(page.model.rowCount()))
    page.state.setCurrentText("全部")
    page.registered.setCurrentText("全部")
    assert page.model.rowCount() == len(page._lines)


def test_add_dialog_validates_and_saves(window, qtbot, when_dialog_opens) -> None:
    page = _open(window, qtbot)
    seen: list[str] = []

    def fill(dialog: VolunteerDialog) -> None:
        dialog.name.setText("张三丰")
        dialog.staff_no.setText("1001")
        dialog.phone.setText("12345")
        dialog.accept()
        seen.append(dialog.error.text())
        dialog.phone.setText("13812345678")
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    _settle(window, qtbot)
    assert "手机号" in seen[0]
    qtbot.waitUntil(lambda: _names(page) == ["张三丰"])


def test_volunteer_with_records_is_deactivated(demo_window, qtbot, monkeypatch) -> None:
    page = _open(demo_window, qtbot)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).cumulative_minutes)
    line = page.model.row_at(row)
    page.table.selectRow(row)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    _settle(demo_window, qtbot)
    assert "不能删除" in asked[0]
    assert f"已停用志愿者“{line.name}”" in page.status.text()
    assert line.id not in {page.model.row_at(i).id for i in range(page.model.rowCount())}
    page.state.setCurrentText("已停用")
    assert line.id in {page.model.row_at(i).id for i in range(page.model.rowCount())}


def test_import_from_the_page_with_preview(window, qtbot, when_dialog_opens, tmp_path) -> None:
    page = _open(window, qtbot)
    shown: list[tuple[bool, bool]] = []

    def choose(dialog: ImportPreviewDialog) -> None:
        shown.append((dialog.import_all.isEnabled(), dialog.import_valid.isEnabled()))
        qtbot.mouseClick(dialog.import_valid, Qt.MouseButton.LeftButton)

    when_dialog_opens(choose)
    page.roster_actions.start_import(messy_hr_workbook(tmp_path / "hr.xlsx"))
    qtbot.waitUntil(lambda: "导入完成" in page.status.text(), timeout=20_000)
    _settle(window, qtbot)
    assert shown == [(False, True)]
    assert "新增 4 人" in page.status.text() and "跳过有错误的 2 行" in page.status.text()
    qtbot.waitUntil(lambda: len(_names(page)) == 4)


def test_registry_reconciliation_from_the_page(window, qtbot, when_dialog_opens, tmp_path) -> None:
    small_roster(window.context.workspace.db)
    page = _open(window, qtbot)
    path = registry_workbook(
        tmp_path / "系统.xlsx",
        [("李四", "13812345679", "", "R2", "2020-01-02", 12.5), ("外人", "13900000000", "", "R9",
         "", 1)],
    )  # fmt: skip
    seen: list[list[str]] = []
    diff = tmp_path / "差异.xlsx"

    def act(dialog: RegistryDialog) -> None:
        seen.append(
            [dialog.differences.index(i, 0).data() for i in range(dialog.differences.rowCount())]
        )
        page.roster_actions.export_differences(dialog.report, diff)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(act)
    page.roster_actions.start_registry(path)
    qtbot.waitUntil(lambda: "已更新 1 名志愿者的注册信息" in page.status.text(), timeout=20_000)
    _settle(window, qtbot)
    assert sorted(seen[0]) == sorted(["花名册有、系统中未找到"] * 2 + ["系统中有、花名册中没有",
                                                                    "时长不一致"])  # fmt: skip
    assert diff.exists()


def test_exports_from_the_page(demo_window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    page = _open(demo_window, qtbot)
    target = tmp_path / "花名册.xlsx"
    page.roster_actions.export_roster(target, unmasked=False)
    qtbot.waitUntil(lambda: "已导出志愿者花名册" in page.status.text(), timeout=20_000)
    assert target.exists()
    box = page.roster_actions.finished_box
    assert box is not None and str(target) in box.text()
    qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "打开文件"), Qt.MouseButton.LeftButton
    )
    assert opened == [str(target)]
    hours = tmp_path / "时长.xlsx"
    page.roster_actions.export_hours(hours, 2025)
    qtbot.waitUntil(lambda: "时长台账" in page.status.text(), timeout=20_000)
    assert hours.exists()


def test_settings_lists_tab(window, qtbot, qtmodeltester) -> None:
    settings = window.show_page("设置")
    titles = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
    settings.tabs.setCurrentIndex(titles.index("名单维护"))  # not necessarily the last tab
    tab = settings.tabs.currentWidget()
    assert tab.windowTitle() == "名单维护"
    editor = tab.editors["team"]
    editor.name.setText("中医义诊服务队")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 1
    qtmodeltester.check(editor.model)
    editor.name.setText("中医义诊服务队")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "已有名为" in editor.message.text()
    assert editor.message.objectName() == "error"


def test_settings_list_rename_and_delete(window, qtbot, monkeypatch) -> None:
    from wenming_desktop.services.roster import roster_lists

    db = window.context.workspace.db
    used = roster_lists.add_item(db, "department", "内科")
    roster.add_volunteer(db, VolunteerData(name="张三", department="内科"))
    roster_lists.add_item(db, "department", "外科")
    window.open_tab("设置", "名单维护")
    editor = window.pages["设置"].tabs.currentWidget().editors["department"]
    editor.refresh()
    editor.table.selectRow(0)
    assert editor.selected().id == used
    assert not editor.delete_button.isEnabled()  # 内科 has a volunteer
    editor.name.setText("中医内科")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in roster_lists.list_items(db, "department")] == ["中医内科", "外科"]
    assert editor.message.text() == "已保存“中医内科”"
    editor.table.selectRow(1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert [i.name for i in roster_lists.list_items(db, "department")] == ["中医内科"]
    assert editor.model.rowCount() == 1


def test_home_shows_the_roster_summary(demo_window, qtbot) -> None:
    from wenming_desktop.ui.widgets.roster_summary import RosterSummary

    home = demo_window.show_page("首页")
    _settle(demo_window, qtbot)
    summary = home.findChild(RosterSummary)
    assert summary is not None
    qtbot.waitUntil(lambda: summary.figures["registration"].text().endswith("%"))


def test_certificate_from_the_page(window, qtbot, tmp_path) -> None:
    from datetime import date

    ids = small_roster(window.context.workspace.db)
    page = _open(window, qtbot)
    target = tmp_path / "证明.pdf"
    page.roster_actions.issue(ids["张三丰"], date(2025, 1, 1), date(2025, 12, 31), target)
    qtbot.waitUntil(lambda: "已开具志愿服务记录证明" in page.status.text(), timeout=20_000)
    assert target.exists()
    number = page.status.text().split("证明 ")[1].split("（")[0]
    assert page.roster_actions.describe_certificate(number).startswith(
        f"证明 {number} 已登记：张三丰"
    )
    assert "没有编号为" in page.roster_actions.describe_certificate("ZYZM209900009")


def test_an_empty_roster_says_how_to_start(window, qtbot, monkeypatch, tmp_path) -> None:
    page = _open(window, qtbot)
    assert page.empty.isVisible()
    assert "导入人事花名册" in page.empty.label.text()
    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(
        "wenming_desktop.ui.pages.roster.volunteers.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    template_button = next(b for b in page.empty.buttons if "模板" in b.text())
    qtbot.mouseClick(template_button, Qt.MouseButton.LeftButton)
    assert target.exists() and str(target) in page.status.text()
    roster.add_volunteer(window.context.workspace.db, VolunteerData(name="艾青", staff_no="0001"))
    page.refresh()
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not page.empty.isVisible()
