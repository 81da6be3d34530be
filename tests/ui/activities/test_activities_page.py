"""The 活动 page through its widgets: calendar and filters, add/edit/copy, export."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolButton
from sqlalchemy import select

from tests.activity_helpers import make_activity
from tests.ui.activity_ui_helpers import click_calendar_day
from wenming_desktop.storage.models import Activity
from wenming_desktop.ui.dialogs.activity_dialog import ActivityDialog
from wenming_desktop.ui.pages.activities.activities import ActivitiesPage


def _titles(page: ActivitiesPage) -> list[str]:
    return [page.model.row_at(i).title for i in range(page.model.rowCount())]


def _page(window) -> ActivitiesPage:
    page = window.show_page("活动")
    assert isinstance(page, ActivitiesPage)
    return page


def test_calendar_marks_days_and_filters_the_list(window, qtbot):
    db = window.context.workspace.db
    make_activity(db, "东兴村", datetime(2026, 3, 2, 9), title="防诈骗宣传")
    make_activity(db, "胜利村", datetime(2026, 3, 20, 9), title="中医义诊")
    make_activity(db, "胜利村", datetime(2026, 4, 8, 9), title="四月讲座")
    page = _page(window)
    page.calendar.setCurrentPage(2026, 3)
    assert page.date_from.date().toString("yyyy-MM-dd") == "2026-03-01"
    assert page.date_to.date().toString("yyyy-MM-dd") == "2026-03-31"
    assert _titles(page) == ["中医义诊", "防诈骗宣传"]
    assert page.calendar.is_marked(date(2026, 3, 2))
    assert page.calendar.is_marked(date(2026, 3, 20))
    assert not page.calendar.is_marked(date(2026, 3, 3))
    click_calendar_day(qtbot, page.calendar, 20)
    assert _titles(page) == ["中医义诊"]
    qtbot.mouseClick(page.month_button, Qt.MouseButton.LeftButton)
    assert len(_titles(page)) == 2
    # next month through the calendar's own arrow
    qtbot.mouseClick(
        page.calendar.findChild(QToolButton, "qt_calendar_nextmonth"), Qt.MouseButton.LeftButton
    )
    assert _titles(page) == ["四月讲座"]
    assert page.calendar.is_marked(date(2026, 4, 8))
    # filters: village, text
    page.calendar.setCurrentPage(2026, 3)
    page.village.setCurrentIndex(page.village.findText("东兴村"))
    assert _titles(page) == ["防诈骗宣传"]
    page.village.setCurrentIndex(0)
    qtbot.keyClicks(page.text, "zzz")
    assert _titles(page) == []
    page.text.setText("义诊")
    assert _titles(page) == ["中医义诊"]


def test_add_edit_and_copy_through_the_dialog(window, qtbot, when_dialog_opens):
    db = window.context.workspace.db
    make_activity(db, "东兴村", datetime(2026, 3, 2, 9), title="已有活动")
    from wenming_desktop.services.settings.settings import update_settings

    update_settings(db, {"hospital_name": "鹤岗市中医院"})
    page = _page(window)
    page.calendar.setCurrentPage(2026, 3)
    click_calendar_day(qtbot, page.calendar, 17)

    def fill(dialog: ActivityDialog) -> None:
        assert dialog.organizer.text() == "鹤岗市中医院"  # from 设置
        assert dialog.start.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-17 09:00"
        dialog.accept()  # empty title: refused, stays open
        assert "活动名称不能为空" in dialog.error.text()
        dialog.title.setText("三伏贴义诊")
        dialog.category.setCurrentIndex(dialog.category.findText("健康生活(健康义诊/健康体检)"))
        dialog.expected.clear()
        qtbot.keyClicks(dialog.expected, "1200")
        dialog.place_public.setChecked(True)
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    with db.read() as session:
        act = session.scalars(select(Activity).where(Activity.title == "三伏贴义诊")).one()
        assert (act.expected_attendance, act.place_is_public, act.organizer) == (
            1200,
            True,
            "鹤岗市中医院",
        )
        assert act.start_at == datetime(2026, 3, 17, 9, 0)
    assert page.selected().title == "三伏贴义诊"
    checks = {
        page.checks.model.row_at(i)[0]: page.checks.model.row_at(i)[1]
        for i in range(page.checks.model.rowCount())
    }
    assert checks["千人以上活动报公安部门审批"] == "不符合"
    assert checks["公共场所活动报城管部门审批"] == "不符合"

    def edit(dialog: ActivityDialog) -> None:
        dialog.police.setText("鹤公审〔2026〕3号")
        dialog.status.setCurrentIndex(dialog.status.findText("已开展"))
        dialog.accept()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    checks = {
        page.checks.model.row_at(i)[0]: page.checks.model.row_at(i)[1]
        for i in range(page.checks.model.rowCount())
    }
    assert checks["千人以上活动报公安部门审批"] == "符合"
    assert page.selected().status == "done"

    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    copy = page.selected()
    assert (copy.title, copy.start_at, copy.status) == (
        "三伏贴义诊",
        datetime(2026, 4, 17, 9, 0),
        "planned",
    )
    assert (page.calendar.yearShown(), page.calendar.monthShown()) == (2026, 4)


def test_delete_asks_first(window, qtbot, monkeypatch):
    db = window.context.workspace.db
    make_activity(db, "东兴村", datetime.now().replace(microsecond=0), title="要删除的")
    page = _page(window)
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert _titles(page) == ["要删除的"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert _titles(page) == []


def test_export_from_the_page_runs_in_the_background(window, qtbot, monkeypatch, tmp_path):
    db = window.context.workspace.db
    make_activity(db, "东兴村", datetime(2026, 3, 2, 9), title="防诈骗宣传", status="done")
    page = _page(window)
    page.calendar.setCurrentPage(2026, 3)
    shown: list[str] = []
    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.show_finished",
        lambda _p, _t, text, path: shown.append(f"{text}|{path}"),
    )
    target = tmp_path / "台账.xlsx"

    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown[0] == f"已导出文明实践活动台账（1 场活动）：{target}|{target}"
    sheet = openpyxl.load_workbook(target).active
    assert sheet["E4"].value == "防诈骗宣传"
    assert sheet["C4"].value == "东兴村"


def test_record_sheet_pdf_of_the_selected_activity(window, qtbot, monkeypatch, tmp_path):
    from tests.pdf_helpers import flat, pdf_text

    db = window.context.workspace.db
    aid = make_activity(db, "东兴村", datetime(2026, 3, 2, 9), title="防诈骗宣传")
    window.open_activity(aid)
    page = window.pages["活动"]
    assert page.record_button.isEnabled()
    target = tmp_path / "记录表.pdf"
    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    shown: list[str] = []
    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.show_finished",
        lambda _p, _t, text, path: shown.append(f"{text}|{path}"),
    )
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown[0].endswith(f"{target}|{target}")
    assert "防诈骗宣传" in flat(pdf_text(target))


def test_sign_in_sheet_as_pdf_and_through_the_print_preview(window, qtbot, monkeypatch, tmp_path):
    from tests.pdf_helpers import flat, pdf_pages, pdf_text

    db = window.context.workspace.db
    aid = make_activity(db, "东兴村", datetime(2026, 3, 2, 9), title="防诈骗宣传")
    window.open_activity(aid)
    page = window.pages["活动"]
    target = tmp_path / "签到表.pdf"
    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    shown: list[str] = []
    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.show_finished",
        lambda _p, _t, text, path: shown.append(f"{text}|{path}"),
    )
    qtbot.mouseClick(page.signin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    text = flat(pdf_text(target))
    assert "防诈骗宣传" in text and "志愿者签到表" in text and "本人签名" in text

    previewed: list[tuple[int, str]] = []

    def fake_preview(_parent, pdf_path, title):  # the dialog itself is modal; check its input
        previewed.append((pdf_pages(pdf_path), title))

    monkeypatch.setattr(
        "wenming_desktop.ui.pages.activities.activity_exports.preview_and_print", fake_preview
    )
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previewed), timeout=30_000)
    assert previewed[0] == (1, "防诈骗宣传 志愿者签到表")
    leftovers = list(window.context.workspace.folder.exports.glob("print-*"))
    assert leftovers == []  # the temporary sheet is removed after printing
