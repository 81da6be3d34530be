"""The self-test's headless steps, and the first-start set-up of an empty data folder."""

import pytest
from sqlalchemy import select

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.first_start import (
    demo_folder,
    needs_first_start,
    open_demo,
    set_up,
    split_village_names,
)
from wenming_desktop.services.settings.selftest import FOLDER_NAME, run_selftest
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import list_villages
from wenming_desktop.storage.models import AuditEntry


def test_selftest_steps_pass_and_clean_up(tmp_path) -> None:
    seen = []
    results = run_selftest(None, seen.append, keep=None)
    assert [r.name for r in results] == [
        "创建数据库", "写入演示数据", "导出并读回 Excel 台账", "导出并读回 PDF",
        "PostgreSQL 服务器驱动",
    ]  # fmt: skip
    assert all(r.ok for r in results), results
    assert seen == results


def test_selftest_keeps_its_folder_when_asked(tmp_path) -> None:
    results = run_selftest(None, keep=tmp_path)
    assert all(r.ok for r in results)
    (folder,) = tmp_path.glob(f"wenming-selftest-*/{FOLDER_NAME}")
    assert (folder / "wenming.db").exists()
    assert len(list((folder / "exports").iterdir())) == 2


def test_a_failing_step_is_reported_not_raised(tmp_path) -> None:
    def broken_window(_ws: Workspace) -> str:
        raise RuntimeError("窗口打不开")

    results = run_selftest(broken_window, keep=tmp_path)
    assert results[-1].name == "打开并关闭主窗口"
    assert not results[-1].ok and "窗口打不开" in results[-1].detail


def test_empty_folder_needs_first_start(workspace: Workspace, demo_workspace: Workspace) -> None:
    assert needs_first_start(workspace.db)
    assert not needs_first_start(demo_workspace.db)


def test_set_up_saves_unit_and_villages_in_one_audited_step(workspace: Workspace) -> None:
    names = split_village_names("东兴村\n 胜利村 、新胜村\n\n东兴村")
    assert names == ["东兴村", "胜利村", "新胜村"]
    set_up(workspace.db, " 鹤岗市中医院 ", "党办", names)
    assert get_settings(workspace.db)["hospital_name"] == "鹤岗市中医院"
    assert get_settings(workspace.db)["office_name"] == "党办"
    assert [v.name for v in list_villages(workspace.db)] == names
    with workspace.db.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert actions.count("create") == 3
    assert not needs_first_start(workspace.db)


def test_set_up_refuses_missing_hospital_and_writes_nothing(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="医院名称"):
        set_up(workspace.db, "  ", "文明办", ["东兴村"])
    with pytest.raises(UserError, match="第 2 个"):
        set_up(workspace.db, "鹤岗市中医院", "文明办", ["东兴村", "村" * 101])
    assert list_villages(workspace.db) == []
    assert needs_first_start(workspace.db)


def test_demo_data_go_to_their_own_folder(data_folder) -> None:
    first = open_demo(data_folder)
    first.close()
    again = open_demo(data_folder)  # a second look reuses the folder, no second demo load
    try:
        assert again.folder == demo_folder(data_folder)
        assert len(list_villages(again.db)) == 4
    finally:
        again.close()
    assert not data_folder.database.exists()
