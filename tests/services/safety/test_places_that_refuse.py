"""Places that refuse: bad export targets, a read-only database, a full disk, leftovers of
killed work. Each gives one Chinese line, no traceback, nothing half-written."""

from __future__ import annotations

import errno
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from tests.helpers import run_cli
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.services.safety import backups
from wenming_desktop.services.settings import workspace as workspace_module
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.services.villages import villages
from wenming_desktop.services.villages.village_ledger import export_villages
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Village

BAD_NAMES = {
    "CON.xlsx": "保留的设备名",
    "nul.xlsx": "保留的设备名",
    "com1": "保留的设备名",
    "a<b.xlsx": "不允许的字符",
    "a>b.xlsx": "不允许的字符",
    "a:b.xlsx": "不允许的字符",
    'a"b.xlsx': "不允许的字符",
    "a|b.xlsx": "不允许的字符",
    "a?b.xlsx": "不允许的字符",
    "a*b.xlsx": "不允许的字符",
    "名册.xlsx.": "结尾",
    "长" * 100 + ".xlsx": "太长",
}
ENGLISH = re.compile(r"[A-Za-z]{4,}")  # a word of English in a clerk's message


def chinese_line(message: str) -> bool:
    """One line, and no English words outside the paths it quotes."""
    unquoted = re.sub(r"“[^”]*”|Windows|Excel", "", message)
    return "\n" not in message.strip() and not ENGLISH.search(unquoted)


@pytest.mark.parametrize("name", list(BAD_NAMES))
def test_a_name_windows_forbids_is_refused_before_writing(
    workspace: Workspace, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "导出"
    out.mkdir()
    with pytest.raises(UserError, match=BAD_NAMES[name]) as refused:
        export_villages(workspace.db, out / name)
    assert chinese_line(str(refused.value))
    assert list(out.iterdir()) == []


def test_a_folder_as_the_target(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="是一个文件夹") as refused:
        export_villages(workspace.db, tmp_path)
    assert chinese_line(str(refused.value))


def test_the_command_line_says_one_chinese_line(tmp_path: Path) -> None:
    root = tmp_path / "数据"
    for target in (tmp_path, tmp_path / "CON.xlsx", tmp_path / "a?b.xlsx"):
        done = run_cli("export", "villages", "-o", str(target), "--data-dir", str(root))
        assert done.returncode == 1, done.stderr
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in done.stderr
    assert not (tmp_path / "CON.xlsx").exists()


def test_a_full_disk_while_exporting_leaves_nothing(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wenming_desktop.exports import files

    def full(_src: object, _dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full)
    with pytest.raises(UserError, match="磁盘空间不足") as refused:
        export_villages(workspace.db, tmp_path / "out" / "名册.xlsx")
    assert chinese_line(str(refused.value))
    assert list((tmp_path / "out").iterdir()) == []


def test_a_full_disk_while_backing_up(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_src: object, _dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups.os, "replace", full)
    with pytest.raises(UserError, match="磁盘空间不足") as refused:
        backups.create_backup(workspace.folder, workspace.db)
    assert chinese_line(str(refused.value))
    assert backups.list_backups(workspace.folder) == []
    assert not [p for p in workspace.folder.backups.iterdir() if p.name.startswith(".backup")]


def test_a_full_database_disk_is_not_called_damaged(workspace: Workspace) -> None:
    """SQLite's own "database or disk is full" (a page limit stands in for the disk)."""
    db = workspace.db

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.dispose()
    with (
        pytest.raises(UserError, match="磁盘空间不足") as refused,
        db.write() as session,
    ):
        for i in range(400):
            session.add(Village(name=f"村{i}", notes="备注" * 400))
    assert "损坏" not in str(refused.value)


def read_only_engine(original):  # type: ignore[no-untyped-def]
    def make(url: str, busy_timeout: float = 30.0):  # type: ignore[no-untyped-def]
        engine = original(url, busy_timeout)

        @event.listens_for(engine, "connect")
        def _ro(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA query_only = 1")

        return engine

    return make


def test_a_read_only_database_is_said_so_not_called_damaged(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file SQLite can only read ("attempt to write a readonly database"); query_only stands
    in for file permissions, which do not bind the test machine's administrator."""
    folder = workspace.folder
    workspace.close()
    make = read_only_engine(workspace_module.make_engine)
    db = Database(make("sqlite:///" + str(folder.database)), folder.database)
    with pytest.raises(UserError, match="只读") as refused:
        villages.add_village(db, VillageData(name="东兴村"))
    assert chinese_line(str(refused.value).replace(str(folder.database), ""))
    db.dispose()
    monkeypatch.setattr(
        Database,
        "open_sqlite",
        classmethod(lambda cls, path, busy_timeout=30.0: cls(make(f"sqlite:///{path}"), path)),
    )
    with pytest.raises(UserError, match="只读") as opening:
        open_workspace(DataFolder(folder.root), migrate=True)
    assert "损坏" not in str(opening.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_data_folder(tmp_path: Path) -> None:
    root = tmp_path / "数据"
    open_workspace(DataFolder(root)).close()
    for path in [root, *root.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        done = run_cli("export", "villages", "--data-dir", str(root))
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "损坏" not in done.stderr
    finally:
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_leftovers_of_killed_work_are_removed_at_the_next_start(workspace: Workspace) -> None:
    folder = workspace.folder
    workspace.close()
    old = time.time() - 3600
    made = {
        "export": folder.exports / ".志愿者花名册.k3j2.part.xlsx",
        "nested export": folder.exports / "2026" / ".台账.x1.part.xlsx",
        "attachment": folder.attachments / "ab" / ".part-x8w",
        "backup": folder.backups / ".backup-q1.tmp",
        "pool copy": folder.backups / "attachments" / "ab" / ".abc.jpg.part",
        "restore": folder.root / ".wenming-restore-1.db",
    }
    for path in made.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"110105194912310021 13904681234")
        os.utime(path, (old, old))
    scratch = folder.backups / ".export-77"
    scratch.mkdir()
    (scratch / "wenming.db").write_bytes(b"x")
    os.utime(scratch, (old, old))
    young = folder.exports / ".刚开始.z.part.xlsx"
    young.write_bytes(b"another program is writing this right now")
    kept = folder.exports / "志愿者花名册.xlsx"
    kept.write_bytes(b"a finished export")
    os.utime(kept, (old, old))
    open_workspace(folder).close()
    assert [name for name, path in made.items() if path.exists()] == []
    assert not scratch.exists()
    assert young.exists() and kept.exists()
    shutil.rmtree(folder.exports / "2026")
