import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.backup_helpers import add_attachment, dump_tables
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import backups
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage import schema
from wenming_desktop.storage.models import Village

# Backups copy the SQLite file; on a server the administrator backs up (docs/postgres.md).
pytestmark = pytest.mark.sqlite_only


def first_activity(ws: Workspace) -> int:
    with ws.db.engine.connect() as conn:
        return conn.execute(text("SELECT min(id) FROM activity")).scalar_one()


def test_a_backup_is_a_sound_self_contained_copy(demo_workspace: Workspace) -> None:
    info = backups.create_backup(demo_workspace.folder, demo_workspace.db, "manual")
    assert info.path.parent == demo_workspace.folder.backups
    assert info.reason_label == "手动备份"
    assert backups.check_file(info.path, full=True) == []
    assert not Path(f"{info.path}-wal").exists()
    conn = sqlite3.connect(str(info.path))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert dump_tables(info.path) == dump_tables(demo_workspace.folder.database)
    assert backups.list_backups(demo_workspace.folder) == [info]


def test_attachments_are_pooled_by_hash_and_copied_once(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    activity = first_activity(ws)
    sha = add_attachment(ws, activity, b"photo-1" * 1000)
    first = backups.create_backup(ws.folder, ws.db, "manual", now=datetime(2026, 11, 1, 9))
    pooled = backups.pool_file(ws.folder, sha, ".jpg")
    assert pooled.read_bytes() == b"photo-1" * 1000
    stamp = pooled.stat().st_mtime_ns
    sha2 = add_attachment(ws, activity, b"photo-2", ".png")
    second = backups.create_backup(ws.folder, ws.db, "manual", now=datetime(2026, 11, 1, 10))
    assert pooled.stat().st_mtime_ns == stamp  # unchanged file not copied again
    assert backups.pool_file(ws.folder, sha2, ".png").read_bytes() == b"photo-2"
    assert backups.attachment_keys(first.path) == {(sha, ".jpg")}
    assert backups.attachment_keys(second.path) == {(sha, ".jpg"), (sha2, ".png")}


def test_thinning_deletes_old_backups_and_unreferenced_pool_files(workspace: Workspace) -> None:
    ws = workspace
    with ws.db.write() as session:
        session.add(Village(name="东兴村"))
    start = datetime(2026, 1, 1, 9)
    for day in range(50):  # 1 January to 19 February
        backups.create_backup(ws.folder, ws.db, "auto", now=start + timedelta(days=day))
    kept = backups.list_backups(ws.folder)
    assert len(kept) == 14 + 1  # 14 days in February, and the newest of January
    assert kept[-1].taken_at == datetime(2026, 1, 31, 9)
    orphan = backups.pool_file(ws.folder, "ab" * 32, ".jpg")
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"x")
    backups.thin_backups(ws.folder)
    assert not orphan.exists()


def test_daily_backup_only_once_a_day(workspace: Workspace) -> None:
    ws = workspace
    morning = datetime(2026, 11, 23, 8, 5)
    assert backups.daily_backup(ws.folder, ws.db, now=morning) is not None
    assert backups.daily_backup(ws.folder, ws.db, now=morning + timedelta(hours=3)) is None
    later = backups.daily_backup(ws.folder, ws.db, now=morning + timedelta(days=1))
    assert later is not None and later.reason == "auto"


def test_a_backup_taken_while_another_thread_writes_is_consistent(workspace: Workspace) -> None:
    """Each writer transaction adds 50 villages; every backup holds whole transactions only."""
    ws = workspace
    stop = threading.Event()

    def writer() -> None:
        batch = 0
        while not stop.is_set():
            with ws.db.write() as session:
                session.add_all(Village(name=f"村{batch}-{i}") for i in range(50))
            batch += 1

    thread = threading.Thread(target=writer)
    thread.start()
    taken = []
    try:
        for i in range(8):
            now = datetime(2026, 11, 23, 9, 0, i)
            taken.append(backups.create_backup(ws.folder, ws.db, "manual", now=now))
    finally:
        stop.set()
        thread.join()
    counts = []
    for info in taken:
        assert backups.check_file(info.path, full=True) == []
        conn = sqlite3.connect(str(info.path))
        count = conn.execute("SELECT count(*) FROM village").fetchone()[0]
        conn.close()
        assert count % 50 == 0
        counts.append(count)
    assert counts == sorted(counts) and counts[-1] > 0


def test_a_backup_during_a_demo_load_in_another_process(tmp_path: Path) -> None:
    """`wenming demo` writes in one transaction; backups taken meanwhile hold all or none."""
    import subprocess
    import sys

    from tests.helpers import ROOT

    folder = DataFolder(tmp_path / "data")
    open_workspace(folder).close()
    ws = open_workspace(folder)
    proc = subprocess.Popen(
        [sys.executable, "-m", "wenming_desktop", "--data-dir", str(folder.root), "demo"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    taken = []
    i = 0
    while proc.poll() is None or i < 2:
        taken.append(
            backups.create_backup(folder, ws.db, "manual", now=datetime(2026, 11, 23, 9, 0, i % 60))
        )
        i += 1
    assert proc.wait() == 0
    full = dump_tables(folder.database)
    for info in taken:
        assert backups.check_file(info.path, full=True) == []
        dump = dump_tables(info.path)
        assert dump["volunteer"] in ([], full["volunteer"])
        assert dump["checkup"] in ([], full["checkup"])
        assert (dump["volunteer"] == []) == (dump["checkup"] == [])
    # The loop's last backup may start just before the load ends; one taken after it holds all.
    after = backups.create_backup(folder, ws.db, "manual", now=datetime(2026, 11, 23, 9, 1, 0))
    assert dump_tables(after.path) == full
    ws.close()


def test_a_server_database_is_not_backed_up_here(workspace: Workspace) -> None:
    from wenming_desktop.storage.database import Database

    server = Database(workspace.db.engine)  # no path: as for a database URL
    with pytest.raises(UserError, match="服务器数据库"):
        backups.create_backup(workspace.folder, server)


def test_migration_is_preceded_by_a_backup(data_folder: DataFolder, monkeypatch) -> None:
    open_workspace(data_folder).close()
    with sqlite3.connect(data_folder.database) as conn:
        conn.execute(
            "INSERT INTO village (name, station_name, contact_person, contact_phone, "
            "notes) VALUES ('东兴村', '', '', '', '')"
        )
    conn.close()
    seen: list[str | None] = []
    real_upgrade = schema.upgrade

    def pretend_older(engine, before=None):  # the stored revision is older than the head
        assert before is not None
        before("0000_older")
        seen.append("0000_older")
        return real_upgrade(engine, before)

    monkeypatch.setattr(schema, "upgrade", pretend_older)
    open_workspace(data_folder).close()
    [info] = backups.list_backups(data_folder)
    assert info.reason == "migration" and seen == ["0000_older"]
    assert dump_tables(info.path)["village"][0][1] == "东兴村"


def test_a_fresh_database_is_not_backed_up_before_its_first_migration(
    data_folder: DataFolder,
) -> None:
    open_workspace(data_folder).close()
    assert backups.list_backups(data_folder) == []


def test_portable_backup_zip_holds_database_and_attachments(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    import zipfile

    ws = demo_workspace
    sha = add_attachment(ws, first_activity(ws), b"scan" * 100, ".pdf")
    target = backups.export_backup(ws.folder, ws.db, tmp_path / "U盘" / "备份.zip")
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert archive.read(f"attachments/{sha[:2]}/{sha}.pdf") == b"scan" * 100
    assert "wenming.db" in names
    assert [p.name for p in target.parent.iterdir()] == ["备份.zip"]


def test_leftovers_of_a_crashed_backup_are_removed_once_a_day_old(workspace: Workspace) -> None:
    folder = workspace.folder
    old_file = folder.backups / ".backup-abc.tmp"
    old_dir = folder.backups / ".restore-xyz"
    fresh = folder.backups / ".backup-now.tmp"
    stray = folder.root / ".wenming-restore-1.db"
    for path in (old_file, fresh, stray):
        path.write_bytes(b"partial")
    old_dir.mkdir()
    (old_dir / "wenming.db").write_bytes(b"partial")
    day_ago = datetime.now().timestamp() - 25 * 3600
    for path in (old_file, old_dir, stray):
        os.utime(path, (day_ago, day_ago))
    backups.create_backup(folder, workspace.db)
    assert not old_file.exists() and not old_dir.exists() and not stray.exists()
    assert fresh.exists()  # may belong to a backup running elsewhere right now
