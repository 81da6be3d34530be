"""Residents' health values in the 健康体检 lists: masked by default, shown by the 显示健康数值
switch (recorded in the audit log), hidden again when switched off or when the tab is left."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.access import VIEWER, Actor
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.storage.models import AuditEntry
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage


def _recorded(workspace) -> None:
    world = make_world(workspace.db, day=date(2025, 6, 10))
    for order, (name, systolic, glucose) in enumerate(
        [("张三丰", 150, 6.6), ("李四", 118, 5.1), ("王五", 162, 7.4)], start=1
    ):
        rid = residents.add_resident(
            workspace.db, ResidentData(world.village_id, name, id_number(date(1950, 1, 2), order))
        )
        checkups.save_checkup(
            workspace.db,
            CheckupData(
                rid, world.day, world.day_id, systolic=systolic, diastolic=90, weight_kg=60,
                fasting_glucose=glucose, constitution="气虚质", conclusion="建议复查",
            ),
        )  # fmt: skip


def _unmask_entries(workspace) -> list[dict]:
    with workspace.db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "unmask").order_by(AuditEntry.seq)
        ).all()
        return [{"entity": e.entity, **json.loads(e.new_values)} for e in entries]


def _cells(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _records(window, qtbot):
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    page.tabs.setCurrentWidget(page.records)
    page.records.year.setValue(2025)
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 3)
    return page, page.records


def test_records_masked_by_default_and_shown_by_the_switch(
    window, workspace, qtbot, qtmodeltester
) -> None:
    _recorded(workspace)
    page, records = _records(window, qtbot)
    titles = [c.title for c in records.model.columns]
    pressure, glucose = titles.index("收缩压"), titles.index("空腹血糖")
    assert not records.health.isChecked() and records.health.isVisibleTo(records)
    assert records.health.text() == "显示健康数值"
    assert _cells(records.model, pressure) == ["***"] * 3
    assert _cells(records.model, glucose) == ["***"] * 3
    assert sorted(_cells(records.model, titles.index("姓名"))) == ["张三丰", "李四", "王五"]
    # Sorting a masked column cannot rank the hidden values: every row sorts equal.
    before = _cells(records.model, titles.index("姓名"))
    records.table.sortByColumn(pressure, Qt.SortOrder.DescendingOrder)
    assert _cells(records.model, titles.index("姓名")) == before
    records.table.selectRow(0)
    history = {
        records.history.index(r, 0).data(): records.history.index(r, 1).data()
        for r in range(records.history.rowCount())
    }
    assert history["血压(mmHg)"] == "***" and history["空腹血糖"] == "***"
    assert history["腰围(cm)"] == ""  # never measured: empty, not hidden
    assert records.chart.labels == [] and "健康数值已隐藏" in records.chart.empty_text
    assert "健康数值已隐藏" in records.history_title.text()
    assert _unmask_entries(workspace) == []
    qtmodeltester.check(records.model)

    qtbot.mouseClick(records.health, Qt.MouseButton.LeftButton)
    assert records.health.isChecked()
    assert sorted(_cells(records.model, pressure)) == ["118", "150", "162"]
    assert sorted(_cells(records.model, glucose)) == ["5.1", "6.6", "7.4"]
    records.table.selectRow(0)
    assert records.chart.labels == ["2025-06-10"]
    assert _unmask_entries(workspace) == [
        {"entity": "health_values", "list": "体检记录", "scope": "全部结对村 2025年", "rows": 3}
    ]
    records.year.setValue(2024)  # another scope while shown: recorded too
    qtbot.waitUntil(lambda: len(_unmask_entries(workspace)) == 2)
    assert _unmask_entries(workspace)[1]["scope"] == "全部结对村 2024年"
    records.year.setValue(2025)
    qtbot.waitUntil(lambda: records.model.rowCount() == 3)

    qtbot.mouseClick(records.health, Qt.MouseButton.LeftButton)  # off: hidden, nothing recorded
    assert _cells(records.model, pressure) == ["***"] * 3
    count = len(_unmask_entries(workspace))

    records.health.setChecked(True)
    assert "***" not in _cells(records.model, pressure)
    page.tabs.setCurrentWidget(page.stats)  # leaving the tab switches it off
    assert not records.health.isChecked()
    page.tabs.setCurrentWidget(page.records)
    qtbot.waitUntil(lambda: records.model.rowCount() == 3)
    assert _cells(records.model, pressure) == ["***"] * 3
    assert len(_unmask_entries(workspace)) == count + 1


def test_leaving_the_page_hides_the_values(window, workspace, qtbot) -> None:
    _recorded(workspace)
    _page, records = _records(window, qtbot)
    records.health.setChecked(True)
    window.show_page("首页")
    assert not records.health.isChecked()


def test_follow_up_list_masked_until_shown(window, workspace, qtbot) -> None:
    _recorded(workspace)
    page = window.show_page("健康体检")
    tab = page.follow_ups
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)  # everyone has diastolic 90: on the list
    assert set(_cells(tab.model, 5)) == {"***"} and set(_cells(tab.model, 6)) == {"***"}
    assert set(_cells(tab.model, 3)) == {"张三丰", "李四", "王五"}  # who: shown
    tab.health.setChecked(True)
    assert any("162/90" in text for text in _cells(tab.model, 5))
    assert _unmask_entries(workspace)[-1]["list"] == "随访"
    tab.health.setChecked(False)
    assert set(_cells(tab.model, 5)) == {"***"}


def test_entry_saved_list_masked_but_the_form_shows_a_record(window, workspace, qtbot) -> None:
    _recorded(workspace)
    page = window.show_page("健康体检")
    entry = page.entry
    page.tabs.setCurrentWidget(entry)
    qtbot.waitUntil(lambda: entry.saved_model.rowCount() == 3)
    assert set(_cells(entry.saved_model, 1)) == {"***"}
    entry.saved_table.selectRow(0)
    entry._open_saved()  # one record opened to correct it: its values, not recorded
    assert entry.form.systolic.text() in {"150", "118", "162"}
    assert _unmask_entries(workspace) == []
    entry.health.setChecked(True)
    assert set(_cells(entry.saved_model, 1)) == {"150", "118", "162"}
    assert _unmask_entries(workspace)[-1]["list"] == "本次已录入"


def test_read_only_user_cannot_show_values(window, workspace, qtbot, monkeypatch) -> None:
    _recorded(workspace)
    _page, records = _records(window, qtbot)
    errors: list[str] = []
    monkeypatch.setattr(records.context, "show_error", lambda _w, exc: errors.append(str(exc)))
    workspace.db.actor = Actor("guest", "访客", VIEWER)
    records.health.setChecked(True)
    assert not records.health.isChecked()
    assert errors and "只读" in errors[0]
    assert set(_cells(records.model, 5)) == {"***"}
    workspace.db.actor = None
    assert _unmask_entries(workspace) == []
