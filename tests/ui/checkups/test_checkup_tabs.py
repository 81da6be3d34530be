"""The 健康体检 tabs through their widgets: registry, records and history, follow-up, stats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.ui.dialogs.follow_up_dialog import FollowUpDialog
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage


def _page(window) -> CheckupsPage:
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    return page


def test_registry_refuses_a_wrong_check_digit_then_adds(
    window, workspace, qtbot, when_dialog_opens, qtmodeltester
) -> None:
    make_world(workspace.db)
    page = _page(window)
    page.tabs.setCurrentWidget(page.registry)
    good = id_number(date(1949, 10, 1), 55)
    wrong = good[:17] + ("1" if good[17] != "1" else "2")

    def fill(dialog: ResidentDialog) -> None:
        dialog.name.setText("郭大爷")
        qtbot.keyClicks(dialog.id_number, wrong)
        assert "第18位（校验位）" in dialog.id_info.text()
        dialog.accept()
        assert dialog.isVisible()
        assert f"应为{good[17]}，实际为{wrong[17]}" in dialog.error.text()
        dialog.id_number.clear()
        qtbot.keyClicks(dialog.id_number, good)
        assert "1949-10-01" in dialog.id_info.text()
        dialog.focus_boxes["living_alone"].setChecked(True)
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(page.registry.add_button, Qt.MouseButton.LeftButton)
    assert page.registry.model.rowCount() == 1
    row = residents.list_residents(workspace.db)[0]
    assert (row.name, row.birth_date, row.living_alone) == ("郭大爷", date(1949, 10, 1), True)
    shown = page.registry.model.index(0, 4).data()
    assert shown == good[:6] + "********" + good[-4:]
    qtbot.keyClicks(page.registry.search, "gdy")
    assert page.registry.model.rowCount() == 1
    qtbot.keyClicks(page.registry.search, "x")
    assert page.registry.model.rowCount() == 0
    qtmodeltester.check(page.registry.model)


def _recorded(workspace) -> tuple[int, int]:
    world = make_world(workspace.db, day=date(2025, 6, 10))
    rid = residents.add_resident(
        workspace.db, ResidentData(world.village_id, "张三丰", id_number(date(1950, 1, 2), 9))
    )
    checkups.save_checkup(
        workspace.db,
        CheckupData(rid, date(2024, 6, 1), systolic=130, diastolic=80, weight_kg=60),
    )
    cid = checkups.save_checkup(
        workspace.db,
        CheckupData(
            rid, world.day, world.day_id, systolic=150, diastolic=95, weight_kg=63,
            fasting_glucose=6.6,
        ),
    )  # fmt: skip
    return rid, cid


def test_records_history_chart_and_export(
    window, workspace, qtbot, qtmodeltester, tmp_path: Path
) -> None:
    _recorded(workspace)
    page = _page(window)
    records = page.records
    page.tabs.setCurrentWidget(records)
    records.year.setValue(2025)
    qtbot.waitUntil(lambda: records.model.rowCount() == 1)
    records.health.setChecked(True)  # health values are masked until shown (test_health_masking)
    records.table.selectRow(0)
    assert records.history.columnCount() == 3  # 项目 + two checkups
    assert records.history.headerData(1, Qt.Orientation.Horizontal) == "2024-06-01"
    values = {
        records.history.index(r, 0).data(): records.history.index(r, 2).data()
        for r in range(records.history.rowCount())
    }
    assert values["血压(mmHg)"] == "150/95" and values["体重(kg)"] == "63"
    assert "血压偏高 150/95" in values["异常提示"]
    assert records.chart.labels == ["2024-06-01", "2025-06-10"]
    records.chart.resize(500, 300)
    image = records.chart.grab().toImage()
    assert image.width() == 500
    for model in (records.model, records.history):
        qtmodeltester.check(model)
    target = tmp_path / "台账.xlsx"
    records.export(target)
    qtbot.waitUntil(lambda: records.status.text().startswith("已导出"))
    sheet = load_workbook(target)["健康体检台账"]
    assert sheet.cell(4, 5).value == "张三丰"
    assert "*" in sheet.cell(4, 9).value


def test_open_a_record_in_the_entry_form(window, workspace, qtbot) -> None:
    _recorded(workspace)
    page = _page(window)
    page.tabs.setCurrentWidget(page.records)
    page.records.year.setValue(2025)
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 1)
    page.records.table.selectRow(0)
    qtbot.mouseClick(page.records.open_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentWidget() is page.entry
    qtbot.waitUntil(lambda: page.entry.checkup_id is not None)  # the day loads on the worker
    assert page.entry.form.systolic.text() == "150"


def test_follow_up_marked_done_through_the_dialog(
    window, workspace, qtbot, when_dialog_opens, qtmodeltester
) -> None:
    _, cid = _recorded(workspace)
    page = _page(window)
    page.tabs.setCurrentWidget(page.follow_ups)
    tab = page.follow_ups
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    qtmodeltester.check(tab.model)
    assert tab.model.index(0, 5).data() == "***"  # masked until shown
    tab.health.setChecked(True)
    assert "血压偏高 150/95" in tab.model.index(0, 5).data()
    tab.table.selectRow(0)

    def fill(dialog: FollowUpDialog) -> None:
        dialog.accept()  # nobody named: refused
        assert "随访人" in dialog.error.text()
        dialog.by.setText("王护士")
        dialog.note.setPlainText("已复查，血压 132/84")
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    row = next(r for r in checkups.list_checkups(workspace.db) if r.id == cid)
    assert (row.followed_up_on, row.followed_up_by) == (date.today(), "王护士")
    assert row.follow_up_note == "已复查，血压 132/84"


def test_stats_tab(window, workspace, qtbot, qtmodeltester) -> None:
    _recorded(workspace)
    page = _page(window)
    page.tabs.setCurrentWidget(page.stats)
    page.stats.year.setValue(2025)
    qtbot.waitUntil(lambda: "体检 1 人" in page.stats.figures.text())
    rows = [
        tuple(page.stats.bands.index(r, c).data() for c in range(4))
        for r in range(page.stats.bands.rowCount())
    ]
    assert ("血压（有记录 1 人）", "偏高", "1", "100.0%") in rows
    qtmodeltester.check(page.stats.bands)
    qtmodeltester.check(page.stats.coverage)


def test_import_through_the_preview(
    window, workspace, qtbot, when_dialog_opens, tmp_path: Path
) -> None:
    from tests.services.checkups.test_resident_import import GOOD_ROWS, WRONG, messy_sheet
    from wenming_desktop.ui.dialogs.import_preview import ImportPreviewDialog

    make_world(workspace.db)
    page = _page(window)
    page.tabs.setCurrentWidget(page.registry)
    sheet = messy_sheet(
        tmp_path / "名单.xlsx", [*GOOD_ROWS, [3, "王五", "男", WRONG, "", "", "", ""]]
    )

    def choose(dialog: ImportPreviewDialog) -> None:
        assert not dialog.import_all.isEnabled()  # a problem: not everything
        reasons = [
            dialog.problems_model.index(r, 3).data()
            for r in range(dialog.problems_model.rowCount())
        ]
        assert len([r for r in reasons if not r.startswith("提醒：")]) == 1  # warnings are listed
        qtbot.mouseClick(dialog.import_valid, Qt.MouseButton.LeftButton)

    when_dialog_opens(choose)
    page.registry.import_file(sheet)
    qtbot.waitUntil(lambda: page.registry.status.text().startswith("已导入"), timeout=10_000)
    assert "新增 2 人" in page.registry.status.text()
    assert page.registry.model.rowCount() == 2


def test_delete_a_record_after_asking(window, workspace, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    _recorded(workspace)
    page = _page(window)
    page.tabs.setCurrentWidget(page.records)
    page.records.year.setValue(2025)
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 1)
    page.records.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.records.delete_button, Qt.MouseButton.LeftButton)
    assert len(checkups.list_checkups(workspace.db)) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.records.delete_button, Qt.MouseButton.LeftButton)
    assert len(checkups.list_checkups(workspace.db)) == 1
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 0)
