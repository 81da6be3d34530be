"""The 创建工作 page as a clerk uses it: record a meeting, close a finding with a photo, add a
commendation — through the real widgets, then read back from the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.activity_helpers import make_volunteers
from tests.office_helpers import inspection_with_finding, leadership_group, write_png
from wenming_desktop.domain.office import FindingStatus
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.office import commendations, inspections, meetings
from wenming_desktop.ui.pages.office.meeting_dialog import (
    DUE,
    OWNER,
    PRESENT,
    REASON,
    MeetingDialog,
)
from wenming_desktop.ui.pages.office.office import OfficePage
from wenming_desktop.ui.pages.office.record_dialogs import CommendationDialog, FindingDialog


def office_page(window) -> OfficePage:
    page = window.show_page("创建工作")
    assert isinstance(page, OfficePage)
    return page


def test_record_a_meeting_with_an_absentee_and_a_decision(window, qtbot, when_dialog_opens) -> None:
    db = window.context.workspace.db
    leadership_group(db)
    page = office_page(window)
    tab = page.meetings
    assert tab.group_model.rowCount() == 1

    def fill(dialog: MeetingDialog) -> None:
        assert dialog.attendees.rowCount() == 4  # the leadership group's members, pre-filled
        dialog.title_edit.setText("第一季度创建领导小组会议")
        dialog.place.setText("行政楼三楼会议室")
        dialog.chair.setText("张院长")
        dialog.attendees.item(1, PRESENT).setCheckState(Qt.CheckState.Unchecked)
        dialog.accept()  # refused: the absentee has no reason
        assert "“李书记”未出席，请填写缺席原因" in dialog.error.text()
        dialog.attendees.item(1, REASON).setText("外出学习")
        dialog.tabs.setCurrentIndex(2)
        dialog.decisions.add_row(["完成文明科室自查", "", "", "", ""])
        dialog.decisions.item(0, OWNER).setText("王主任")
        dialog.decisions.item(0, DUE).setText("2026-04-30")
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.add_meeting, Qt.MouseButton.LeftButton)
    [row] = meetings.list_meetings(db)
    assert (row.title, row.present, row.absent, row.decisions) == (
        "第一季度创建领导小组会议",
        3,
        1,
        1,
    )
    detail = meetings.get_meeting(db, row.id)
    assert detail.data.decisions[0].due_on == date(2026, 4, 30)
    assert [a.absence_reason for a in detail.data.attendees if not a.present] == ["外出学习"]


def test_close_a_finding_with_a_photo(
    window, qtbot, when_dialog_opens, tmp_path, monkeypatch
) -> None:
    db = window.context.workspace.db
    inspection_id, finding_id = inspection_with_finding(db)
    photo = write_png(tmp_path / "整改后照片.png")
    page = office_page(window)
    page.today = lambda: date(2026, 3, 20)
    page.tabs.setCurrentIndex(1)
    tab = page.inspections
    tab.year.setValue(2026)
    tab.inspection_table.selectRow(0)
    tab.finding_table.selectRow(0)
    assert tab.finding_model.row_at(0)[5] == "待整改"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(photo)], ""))

    def close(dialog: FindingDialog) -> None:
        assert dialog.closed.value() == date.today()  # 整改完成 proposes today
        dialog.measures.setPlainText("已在公共区域补齐禁烟标识")
        dialog.closed.set_value(date(2026, 3, 28))
        qtbot.mouseClick(dialog.evidence_button, Qt.MouseButton.LeftButton)
        assert "整改后照片.png" in dialog.evidence_label.text()
        dialog.accept()  # refused: nobody confirmed it
        assert "请填写确认人" in dialog.error.text()
        dialog.confirmed_by.setText("王主任")
        dialog.accept()

    when_dialog_opens(close)
    qtbot.mouseClick(tab.close_finding, Qt.MouseButton.LeftButton)
    [view] = inspections.list_findings(db, date(2026, 5, 1), inspection_id)
    assert (view.status, view.row.closed_on, view.row.confirmed_by) == (
        FindingStatus.DONE,
        date(2026, 3, 28),
        "王主任",
    )
    [evidence] = attachments.list_owned_attachments(db, "finding", finding_id)
    assert (evidence.kind, evidence.original_name) == ("photo", "整改后照片.png")
    assert tab.finding_model.row_at(0)[5] == "已整改"
    assert tab.finding_model.row_at(0)[9] == 1


def test_add_a_commendation_from_the_roster(window, qtbot, when_dialog_opens) -> None:
    db = window.context.workspace.db
    [volunteer_id] = make_volunteers(db, [("ZY0001", "周志愿", True)])
    page = office_page(window)
    page.tabs.setCurrentIndex(2)
    tab = page.commendations

    def fill(dialog: CommendationDialog) -> None:
        dialog.kind.setCurrentText("优秀志愿者")
        dialog.level.setCurrentText("市级")
        dialog.person.setCurrentIndex(1)
        assert dialog.name.text() == "周志愿"
        dialog.document_no.setText("鹤文明办〔2026〕9号")
        dialog.reason.setPlainText("常年参加结对村义诊")
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert commendations.volunteer_commendation_lines(db, volunteer_id) == [
        f"{date.today().year}年 优秀志愿者（市级，鹤文明办〔2026〕9号）"
    ]


def test_ctrl_n_records_a_meeting_on_the_first_tab(window, qtbot, when_dialog_opens) -> None:
    page = office_page(window)
    seen: list[str] = []

    def note(dialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(note)
    assert page.add_new()
    assert seen == ["记录会议"]
    page.tabs.setCurrentIndex(2)
    when_dialog_opens(note)
    assert page.add_new()
    assert seen[-1] == "新增表彰"
