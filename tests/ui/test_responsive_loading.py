"""Keeping the window responsive: throttled progress, the heap frozen while work runs, only the
newest list load shown, 首页 read on the runner, and the 活动 / 体检记录 search boxes."""

from __future__ import annotations

import gc
import sys
import threading
from datetime import date, datetime

import pytest

from tests.activity_helpers import make_activity
from tests.checkup_support import id_number, make_world
from wenming_desktop import runtime
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.domain.search import PeopleIndex, matches
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.pages import home as home_module
from wenming_desktop.ui.pages.activities.activities import ActivitiesPage
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage
from wenming_desktop.ui.pages.home import HomePage
from wenming_desktop.ui.tasks import LatestOnly, TaskRunner


def test_progress_is_throttled_but_the_last_step_arrives(qtbot) -> None:
    runner = TaskRunner()
    steps: list[tuple[int, int, str]] = []
    done: list[int] = []

    def work(progress: Progress) -> int:
        for i in range(1, 5001):
            progress.report(i, 5000, "")
        return 1

    runner.run(work, done.append, pytest.fail, on_progress=lambda *a: steps.append(a))
    qtbot.waitUntil(lambda: bool(done) and steps[-1:] == [(5000, 5000, "")], timeout=10_000)
    assert 1 <= len(steps) < 100  # not 5,000 signals queued on the GUI thread


def test_heap_frozen_full_gc_off_and_short_switch_interval_only_while_work_runs(qtbot) -> None:
    thresholds = gc.get_threshold()
    switch = sys.getswitchinterval()
    seen: dict[str, object] = {}
    release = threading.Event()

    def work(_progress: Progress) -> None:
        seen["frozen"] = gc.get_freeze_count()
        seen["thresholds"] = gc.get_threshold()
        seen["switch"] = sys.getswitchinterval()
        release.wait(5)

    done: list[object] = []
    runner = TaskRunner()
    runner.run(work, done.append, pytest.fail)
    qtbot.waitUntil(lambda: "frozen" in seen, timeout=5000)
    assert seen["frozen"] > 0
    assert seen["thresholds"][:2] == thresholds[:2]
    assert seen["thresholds"][2] == runtime.NO_FULL_COLLECTION
    assert seen["switch"] == pytest.approx(runtime.WORK_SWITCH_INTERVAL)
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert runner.wait(5000)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds
    assert sys.getswitchinterval() == switch


def test_a_slow_earlier_load_never_overwrites_a_newer_one(qtbot) -> None:
    runner = TaskRunner()
    loads = LatestOnly(runner, pytest.fail)
    started = threading.Event()
    release = threading.Event()
    shown: list[str] = []
    ran: list[str] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        ran.append("slow")
        return "slow"

    loads.run(slow, shown.append)
    assert started.wait(5)
    loads.run(lambda: ran.append("skipped") or "skipped", shown.append)  # superseded at once
    loads.run(lambda: ran.append("newest") or "newest", shown.append)
    assert loads.pending
    release.set()
    qtbot.waitUntil(lambda: shown == ["newest"], timeout=5000)
    assert runner.wait(5000)
    assert shown == ["newest"]  # the slow result, finished later than asked, was dropped
    assert ran == ["slow", "newest"]  # the superseded load never ran its query
    assert not loads.pending


def test_home_is_read_and_shaped_on_the_runner(window, qtbot, monkeypatch) -> None:
    home = window.pages["首页"]
    assert isinstance(home, HomePage)
    gui = threading.get_ident()
    threads: list[int] = []
    real_shape = home_module.shape_rows

    def shape(data):
        threads.append(threading.get_ident())
        return real_shape(data)

    monkeypatch.setattr(home_module, "shape_rows", shape)
    home.loaded = None
    window.show_page("活动")
    window.show_page("首页")
    qtbot.waitUntil(lambda: bool(threads) and home.loaded is not None, timeout=10_000)
    assert all(t != gui for t in threads)


def test_home_follow_ups_show_the_newest_with_the_total(qtbot, window) -> None:
    home = window.pages["首页"]
    section = home.follow_ups
    rows = [(i, date(2025, 1, 1), "东兴村", f"村民{i}", "150/95", "") for i in range(3)]
    section.set_rows(rows[:2], total=3)
    assert section.title() == "体检异常待随访（3，显示最近 2 条）"
    section.set_rows(rows, total=3)
    assert section.title() == "体检异常待随访（3）"


def test_activity_search_box_filters_in_memory(window, qtbot) -> None:
    db = window.context.workspace.db
    make_activity(db, "东兴村", datetime(2026, 3, 10, 9), title="中医义诊")
    make_activity(db, "东兴村", datetime(2026, 3, 12, 9), title="Zumba 健身操")
    page = window.show_page("活动")
    assert isinstance(page, ActivitiesPage)
    page.calendar.setCurrentPage(2026, 3)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtbot.keyClicks(page.text, "zum")  # any case, like SQL LIKE did
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).title == "Zumba 健身操"
    page.text.setText("义诊")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).title == "中医义诊"
    assert page.count.text() == "共 1 场活动"
    page.text.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_people_index_agrees_with_matches() -> None:
    people = [
        (1, "张三丰", "zsf", "11010519491231002X", "13912345678"),
        (2, "单志强", "szq|dzq", None, ""),
        (3, "李四", "ls", "230402198001010011", None),
    ]
    index = PeopleIndex(people)
    for query in ("", "z", "zs", "dzq", "szq", "张", "三丰", "002x", "1101", "5678", "0011", "x"):
        expected = {
            key
            for key, name, initials, number, phone in people
            if matches(query, name, initials, number, phone)
        }
        found = index.find(query)
        assert (found if found is not None else {1, 2, 3}) == expected, query


def test_checkup_records_search_by_initials_and_id_tail(window, workspace, qtbot) -> None:
    world = make_world(workspace.db, day=date(2025, 6, 10))
    people = {"张三丰": id_number(date(1950, 1, 2), 9), "李四": id_number(date(1951, 3, 4), 17)}
    for name, number in people.items():
        rid = residents.add_resident(workspace.db, ResidentData(world.village_id, name, number))
        checkups.save_checkup(workspace.db, CheckupData(rid, date(2025, 6, 10), systolic=120))
        checkups.save_checkup(workspace.db, CheckupData(rid, date(2025, 3, 1), systolic=125))
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    records = page.records
    page.tabs.setCurrentWidget(records)
    records.year.setValue(2025)
    qtbot.waitUntil(lambda: records.model.rowCount() == 4)
    assert records.count.text() == "共 4 人次，2 人"
    qtbot.keyClicks(records.search, "zsf")
    qtbot.waitUntil(lambda: records.model.rowCount() == 2)
    assert {records.model.row_at(i).name for i in range(2)} == {"张三丰"}
    assert records.count.text() == "共 2 人次，1 人"
    records.search.clear()
    qtbot.keyClicks(records.search, people["李四"][-4:])
    qtbot.waitUntil(lambda: records.model.rowCount() == 2)
    assert {records.model.row_at(i).name for i in range(2)} == {"李四"}
    records.search.clear()
    qtbot.waitUntil(lambda: records.model.rowCount() == 4)
