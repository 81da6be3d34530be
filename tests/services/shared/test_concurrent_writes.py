"""Two PCs writing at once: certificate numbers and roster imports (threads, two connections)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select, text

from tests.roster_samples import small_roster
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.roster import roster_import
from wenming_desktop.services.roster.certificates import issue_certificate
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage.conflicts import WriteConflict, run_retrying
from wenming_desktop.storage.models import Certificate, Volunteer


@pytest.fixture
def two(data_folder: DataFolder) -> Iterator[tuple[Workspace, Workspace]]:
    first, second = open_workspace(data_folder), open_workspace(data_folder)
    yield first, second
    first.close()
    second.close()


def at_once(*jobs: Callable[[], Any]) -> list[Any]:
    """Run the jobs in threads started together; their results, or the exception raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(i: int, job: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[i] = job()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, j)) for i, j in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_pcs_issuing_at_once_get_distinct_numbers(two, tmp_path: Path) -> None:
    pc1, pc2 = two
    zhang = small_roster(pc1.db)["张三丰"]

    def issue_four(ws: Workspace, tag: str) -> list[str]:
        return [
            issue_certificate(
                ws.db, zhang, date(2025, 1, 1), date(2025, 12, 31), tmp_path / f"{tag}{i}.pdf",
                issued_on=date(2026, 1, 5),
            ).number
            for i in range(4)
        ]  # fmt: skip

    first, second = at_once(lambda: issue_four(pc1, "a"), lambda: issue_four(pc2, "b"))
    assert isinstance(first, list) and isinstance(second, list), (first, second)
    assert sorted(first + second) == [f"ZYZM2026{n:05d}" for n in range(1, 9)]


def test_a_number_taken_meanwhile_is_retried(two, tmp_path: Path, on_postgres: bool) -> None:
    """PC 2 computes the number PC 1 has inserted but not committed; the unique column
    refuses it once PC 1 commits, and PC 2's issue runs again and takes the next one."""
    if not on_postgres:
        pytest.skip("SQLite lets one writer in at a time: the second waits, then counts anew")
    pc1, pc2 = two
    zhang = small_roster(pc1.db)["张三丰"]
    results: list[Any] = []
    with pc1.db.write() as session:
        session.add(
            Certificate(number="ZYZM202600001", volunteer_id=zhang, date_from=date(2025, 1, 1),
                        date_to=date(2025, 12, 31), total_minutes=1, activity_count=1,
                        issued_on=date(2026, 1, 5))
        )  # fmt: skip
        session.flush()
        worker = threading.Thread(
            target=lambda: results.append(
                issue_certificate(pc2.db, zhang, date(2025, 1, 1), date(2025, 12, 31),
                                  tmp_path / "b.pdf", issued_on=date(2026, 1, 5)).number
            )
        )  # fmt: skip
        worker.start()
        with pc1.db.engine.connect() as watcher:  # until PC 2 waits on PC 1's row
            waiting = 0
            while not waiting and worker.is_alive():
                waiting = watcher.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                ).scalar_one()
        assert waiting == 1
    worker.join()
    assert results == ["ZYZM202600002"]


def test_retrying_gives_up_with_a_chinese_line(workspace: Workspace) -> None:
    from sqlalchemy.exc import OperationalError

    class Deadlock(Exception):
        sqlstate = "40P01"

    calls: list[int] = []

    def always_loses(_session: Any) -> None:
        calls.append(1)
        raise OperationalError("UPDATE volunteer …", {}, Deadlock("deadlock detected"))

    with pytest.raises(WriteConflict, match=r"另一台电脑正在同时修改相同的数据.*已自动重试 3 次"):
        run_retrying(workspace.db, always_loses, pause=lambda _s: None)
    assert len(calls) == 4
    assert issubclass(WriteConflict, UserError)


def hr_sheet(path: Path, staff: list[str], title: str) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["工号", "姓名", "科室", "职称"])
    for number in staff:
        sheet.append([number, f"职工{number}", "内科", title])
    book.save(path)
    return path


def test_two_imports_updating_the_same_staff_in_opposite_order(two, tmp_path: Path) -> None:
    pc1, pc2 = two
    staff = [f"{n:04d}" for n in range(1, 61)]
    setup = roster_import.plan_import(pc1.db, hr_sheet(tmp_path / "初始.xlsx", staff, "医师"))
    roster_import.apply_import(pc1.db, setup)
    up = roster_import.plan_import(pc1.db, hr_sheet(tmp_path / "正序.xlsx", staff, "主治医师"))
    down = roster_import.plan_import(
        pc2.db, hr_sheet(tmp_path / "倒序.xlsx", staff[::-1], "副主任医师")
    )
    first, second = at_once(
        lambda: roster_import.apply_import(pc1.db, up),
        lambda: roster_import.apply_import(pc2.db, down),
    )
    assert not isinstance(first, Exception), first
    assert not isinstance(second, Exception), second
    with pc1.db.read() as session:
        titles = set(session.scalars(select(Volunteer.title)))
    assert titles in ({"主治医师"}, {"副主任医师"})  # one import after the other, never mixed


def test_two_pcs_assigning_the_same_volunteers_at_once(two) -> None:
    from wenming_desktop.services.activities.activity_volunteers import assign_volunteers
    from wenming_desktop.storage.models import Activity, Participation

    pc1, pc2 = two
    ids = small_roster(pc1.db)
    with pc1.db.read() as session:
        activity = session.scalars(select(Activity.id).where(Activity.title == "去年活动")).one()
    wanted = [ids["李四"], ids["王五"]]
    first, second = at_once(
        lambda: assign_volunteers(pc1.db, activity, wanted),
        lambda: assign_volunteers(pc2.db, activity, wanted[::-1]),
    )
    assert not isinstance(first, Exception), first
    assert not isinstance(second, Exception), second
    with pc1.db.read() as session:
        rows = session.execute(
            select(Participation.volunteer_id, Participation.seq)
            .where(Participation.activity_id == activity)
            .order_by(Participation.seq)
        ).all()
    on_sheet = [vid for vid, _seq in rows]
    assert sorted(on_sheet) == sorted({*on_sheet}) and set(wanted) <= set(on_sheet)
    assert len({seq for _vid, seq in rows}) == len(rows)  # each on its own line of the sheet
