"""The office's edit dialogs when another PC saved the same record meanwhile."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt

from tests.office_helpers import leadership_group, leadership_meeting
from wenming_desktop.services.office import meetings
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.dialogs import common
from wenming_desktop.ui.pages.office.meeting_dialog import MeetingDialog
from wenming_desktop.ui.pages.office.office import OfficePage


def test_a_meeting_saved_meanwhile_is_offered_for_reload(
    window, qtbot, when_dialog_opens, monkeypatch
) -> None:
    db = window.context.workspace.db
    mid = leadership_meeting(db, leadership_group(db), date(2026, 3, 10))
    page = window.show_page("创建工作")
    assert isinstance(page, OfficePage)
    tab = page.meetings
    tab.refresh()
    tab.meeting_table.selectRow(0)
    offered: list[str] = []
    monkeypatch.setattr(common, "offer_reload", lambda _d, m: offered.append(m) or True)
    reopened: list[str] = []

    def edit(dialog: MeetingDialog) -> None:
        other = open_workspace(window.context.workspace.folder)
        try:
            seen = meetings.open_meeting(other.db, mid)
            changed = dataclasses.replace(seen.data, place="门诊楼五楼会议室")
            meetings.save_meeting(other.db, mid, changed, seen)
        finally:
            other.close()
        dialog.place.setText("行政楼二楼会议室")
        when_dialog_opens(edit_again)
        dialog.accept()

    def edit_again(dialog: MeetingDialog) -> None:
        reopened.append(dialog.place.text())
        dialog.minutes.setPlainText("会议听取汇报，布置任务，明确分工。")
        dialog.accept()

    when_dialog_opens(edit)
    qtbot.mouseClick(tab.edit_meeting, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "会议“2026年03月创建领导小组会议”在你打开之后" in offered[0]
    assert reopened == ["门诊楼五楼会议室"]
    saved = meetings.get_meeting(db, mid).data
    assert (saved.place, saved.minutes) == (
        "门诊楼五楼会议室",
        "会议听取汇报，布置任务，明确分工。",
    )
