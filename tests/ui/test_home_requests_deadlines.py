"""首页 items open their records; 点单派单 through the view; 报送期限 edited in 设置."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox
from sqlalchemy import text

from tests.activity_helpers import make_activity, make_volunteers
from tests.ui.activity_ui_helpers import double_click_row
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.activities import activities
from wenming_desktop.services.activities import activity_volunteers as vols
from wenming_desktop.services.filing import deadlines
from wenming_desktop.services.villages.villages import add_village
from wenming_desktop.ui.dialogs.activity_request_dialog import RequestDialog
from wenming_desktop.ui.pages.activities.activities import ActivitiesPage
from wenming_desktop.ui.pages.home import HomePage
from wenming_desktop.ui.pages.settings.settings_deadlines import DeadlineSettingsTab


def _home(window, qtbot, today: date) -> HomePage:
    home = window.pages["首页"]
    assert isinstance(home, HomePage)
    home.today = lambda: today
    home.loaded = None
    window.show_page("活动")
    window.show_page("首页")
    qtbot.waitUntil(lambda: home.loaded is not None and home.loaded.today == today)
    return home


def test_home_lists_and_opens_what_needs_attention(window, qtbot):
    db = window.context.workspace.db
    (vid,) = make_volunteers(db, [("1001", "张三", True)])
    add_village(db, VillageData(name="太平村"))
    done = make_activity(
        db, "东兴村", datetime(2026, 3, 10, 9), title="已开展缺药箱", status="done"
    )
    vols.assign_volunteers(db, done, [vid])
    (part,) = vols.list_participations(db, done)
    vols.set_times(db, part.id, datetime(2026, 3, 10, 9, 0), None)
    make_activity(db, "东兴村", datetime(2026, 3, 20, 9), title="本月计划")
    home = _home(window, qtbot, date(2026, 3, 25))

    assert [home.month.model.row_at(i)[3] for i in range(home.month.model.rowCount())] == [
        "已开展缺药箱",
        "本月计划",
    ]
    assert [home.uncovered.model.row_at(i)[1] for i in range(home.uncovered.model.rowCount())] == [
        "太平村"
    ]
    assert home.unmet.model.rowCount() == 1
    assert "专人携带应急药箱" in home.unmet.model.row_at(0)[3]
    assert home.open_sign_ins.model.row_at(0)[3] == "张三"
    assert home.deadlines.model.rowCount() == 0

    # an unmet check opens the activity at its 规范检查 tab
    double_click_row(qtbot, home.unmet.table, 0)
    page = window.stack.currentWidget()
    assert isinstance(page, ActivitiesPage)
    assert page.selected_id() == done
    assert page.details.tabText(page.details.currentIndex()) == "规范检查"

    # an open sign-in opens the activity's sheet
    window.show_page("首页")
    qtbot.waitUntil(lambda: home.open_sign_ins.model.rowCount() == 1)
    double_click_row(qtbot, home.open_sign_ins.table, 0)
    assert page.selected_id() == done
    assert page.details.tabText(page.details.currentIndex()) == "志愿者与时长"

    # an uncovered village opens the monthly coverage
    window.show_page("首页")
    qtbot.waitUntil(lambda: home.uncovered.model.rowCount() == 1)
    double_click_row(qtbot, home.uncovered.table, 0)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "月度覆盖"
    page.coverage.year.setValue(2026)
    model = page.coverage.model
    cells = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert cells == {"东兴村": "2★", "太平村": "—"}  # March; the 20th is in the third week


def test_deadline_due_shows_on_home_and_opens_settings(window, qtbot):
    home = _home(window, qtbot, date(2026, 10, 1))
    assert [home.deadlines.model.row_at(0)[i] for i in (1, 3)] == ["工作小结", 19]
    double_click_row(qtbot, home.deadlines.table, 0)
    settings = window.stack.currentWidget()
    tab = settings.tabs.currentWidget()
    assert isinstance(tab, DeadlineSettingsTab)
    assert tab.model.rowCount() == 2

    # edit 工作小结 to 10-05 through the tab
    tab.table.selectRow(0)
    assert tab.name.text() == "工作小结"
    tab.month_day.clear()
    qtbot.keyClicks(tab.month_day, "10-05")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    first = deadlines.list_deadlines(window.context.workspace.db)[0]
    assert (first.name, first.month_day) == ("工作小结", "10-05")
    home = _home(window, qtbot, date(2026, 10, 1))
    assert home.deadlines.model.row_at(0)[3] == 4


def test_request_recorded_dispatched_and_opened(window, qtbot, when_dialog_opens, monkeypatch):
    db = window.context.workspace.db
    add_village(db, VillageData(name="东兴村"))
    page = window.show_page("活动")
    assert isinstance(page, ActivitiesPage)
    page.tabs.setCurrentWidget(page.requests)
    view = page.requests

    def fill(dialog: RequestDialog) -> None:
        dialog.requested_by.setText("村支书 王某")
        dialog.content.setPlainText("为村里老人开展中医义诊")
        dialog.wanted.set_value(date(2026, 5, 12))
        dialog.accept()

    when_dialog_opens(fill)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1
    assert view.selected().status == "open"
    assert view.dispatch_button.isEnabled()
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a, **k: ("健康生活(健康义诊/健康体检)", True)
    )
    qtbot.mouseClick(view.dispatch_button, Qt.MouseButton.LeftButton)
    # the new planned activity is shown, in May 2026
    assert page.tabs.currentIndex() == 0
    row = page.selected()
    assert (row.title, row.status, row.start_at) == (
        "为村里老人开展中医义诊",
        "planned",
        datetime(2026, 5, 12, 9, 0),
    )
    assert activities.get_activity(db, row.id).summary == "群众点单：为村里老人开展中医义诊"
    page.tabs.setCurrentWidget(view)
    assert view.model.row_at(0).status == "dispatched"


def test_category_list_edited_in_settings(window, qtbot, monkeypatch):
    from wenming_desktop.services.activities.activity_lists import list_categories
    from wenming_desktop.ui.pages.settings.settings_activity_lists import ActivityListsSettingsTab

    window.open_tab("设置", "活动类别与义诊项目")
    tab = window.pages["设置"].tabs.currentWidget()
    assert isinstance(tab, ActivityListsSettingsTab)
    editor = tab.categories
    assert editor.model.rowCount() == 14
    editor.name.setText("健康讲座")
    editor.flag.setChecked(True)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.selected().name == "健康讲座"
    assert list_categories(window.context.workspace.db)[-1][1:3] == ("健康讲座", True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 14


def test_checkup_waiting_for_follow_up_opens_its_follow_up(window, qtbot, when_dialog_opens):
    from wenming_desktop.storage.models import Checkup, Resident

    db = window.context.workspace.db
    village = add_village(db, VillageData(name="东兴村"))
    with db.write() as session:
        resident = Resident(village_id=village, name="王大爷")
        session.add(resident)
        session.flush()
        session.add(
            Checkup(
                resident_id=resident.id,
                checkup_date=date(2026, 3, 17),
                systolic=152,
                diastolic=95,
                fasting_glucose=5.2,
            )
        )
        session.add(Checkup(resident_id=resident.id, checkup_date=date(2026, 3, 18), systolic=120))
    home = _home(window, qtbot, date(2026, 3, 25))
    assert home.follow_ups.model.rowCount() == 1
    row = home.follow_ups.model.row_at(0)
    assert row[1:] == (date(2026, 3, 17), "东兴村", "王大爷", "***", "***")  # health values masked
    seen: list[str] = []

    def record(dialog) -> None:
        seen.append(dialog.findChildren(QLabel)[0].text())
        dialog.by.setText("李医生")
        dialog.accept()

    when_dialog_opens(record)
    double_click_row(qtbot, home.follow_ups.table, 0)
    qtbot.waitUntil(lambda: bool(seen))
    assert "王大爷" in seen[0] and "2026-03-17" in seen[0]
    page = window.stack.currentWidget()
    assert page.title == "健康体检"
    assert page.tabs.tabText(page.tabs.currentIndex()) == "随访"
    with db.read() as session:
        followed = session.execute(
            text("SELECT followed_up_by FROM checkup WHERE checkup_date = '2026-03-17'")
        ).scalar()
    assert followed == "李医生"


def test_home_sections_say_loading_until_their_rows_arrive(window, qtbot):
    home = window.pages["首页"]
    fresh = HomePage(window.context)  # built, not yet refreshed
    qtbot.addWidget(fresh)
    assert fresh.month.empty.text() == "正在载入…"
    assert not fresh.month.table.isVisibleTo(fresh)
    qtbot.waitUntil(lambda: home.loaded is not None)
    assert home.month.empty.text() == "本月还没有安排活动。"


def test_home_names_villages_without_their_shared_county_and_town(window, qtbot):
    db = window.context.workspace.db
    add_village(db, VillageData(name="萝北县肇兴镇东兴村"))
    add_village(db, VillageData(name="萝北县肇兴镇太平村"))
    home = _home(window, qtbot, date(2026, 3, 25))
    names = {home.uncovered.model.row_at(i)[1] for i in range(home.uncovered.model.rowCount())}
    assert names == {"东兴村", "太平村"}
