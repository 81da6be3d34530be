"""An empty data folder: 首页, 月度覆盖 and the checkup tabs say what is true and how to start."""

from __future__ import annotations

import os
from datetime import date

from tests.office_helpers import leadership_group

SHOTS = os.environ.get("WENMING_SHOTS", "")


def _settle(window, qtbot) -> None:
    window.context.runner.wait(30_000)
    qtbot.wait(30)


def _shot(window, name: str) -> None:
    if SHOTS:
        window.resize(1366, 768)
        window.grab().save(os.path.join(SHOTS, f"{name}.png"))


def test_home_of_an_empty_office_claims_nothing(window, qtbot) -> None:
    home = window.show_page("首页")
    _settle(window, qtbot)
    _shot(window, "home_empty")
    assert "还没有结对村" in home.uncovered.empty.text()
    assert "都已安排" not in home.uncovered.empty.text()
    assert home.uncovered.title() == "本月尚无活动的结对村"
    assert "尚未设立创建领导小组" in home.quarters.empty.text()
    assert home.quarters.model.rowCount() == 0
    # no activity held this year: nothing said to conform
    assert "还没有已开展的活动" in home.unmet.empty.text()
    assert "符合规范" not in home.unmet.empty.text()


def test_a_group_without_a_date_owes_no_quarter_before_the_office_began(window, qtbot) -> None:
    """A group just set up (no 成立日期) in a new program: last year's quarters are not missed."""
    db = window.context.workspace.db
    leadership_group(db, established=None)
    _settle(window, qtbot)  # the first load, from before the group existed
    home = window.show_page("首页")
    home.refresh()
    _settle(window, qtbot)
    qtbot.waitUntil(lambda: home.quarters.model.rowCount() > 0, timeout=10_000)
    today = date.today()
    labels = [home.quarters.model.index(r, 0).data() for r in range(home.quarters.model.rowCount())]
    assert len(labels) == 1 and str(today.year) in str(labels[0])  # this quarter, pending
    assert not any(str(today.year - 1) in str(label) for label in labels)


def test_coverage_of_no_villages(window, qtbot) -> None:
    page = window.show_page("活动")
    page.tabs.setCurrentWidget(page.coverage)
    _settle(window, qtbot)
    _shot(window, "coverage_empty")
    text = page.coverage.uncovered.text()
    assert "还没有结对村" in text and "每个结对村" not in text


def test_checkup_records_and_follow_ups_say_how_to_start(window, qtbot) -> None:
    page = window.show_page("健康体检")
    page.tabs.setCurrentWidget(page.records)
    _settle(window, qtbot)
    _shot(window, "checkup_records_empty")
    assert page.records.empty.isVisible()
    assert "还没有体检记录" in page.records.empty.label.text()
    page.records.empty.buttons[0].click()
    assert page.tabs.currentWidget() is page.entry
    page.tabs.setCurrentWidget(page.follow_ups)
    _settle(window, qtbot)
    _shot(window, "follow_ups_empty")
    assert page.follow_ups.empty.isVisible()
    assert "没有待随访" in page.follow_ups.empty.label.text()
    page.follow_ups.empty.buttons[0].click()
    assert page.tabs.currentWidget() is page.entry
