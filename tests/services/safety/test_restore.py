import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.backup_helpers import add_attachment, dump_tables
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import backups
from wenming_desktop.services.safety.restore import restore_backup
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage.models import Village


def village_count(ws: Workspace) -> int:
    with ws.db.read() as session:
        return session.scalar(select(func.count()).select_from(Village)) or 0


def test_restore_brings_back_the_backup_and_keeps_the_current_state(
    demo_workspace: Workspace,
) -> None:
    ws = demo_workspace
    info = backups.create_backup(ws.folder, ws.db, "manual", now=datetime(2026, 11, 20, 9))
    before = dump_tables(info.path)
    with ws.db.write() as session:
        session.add(Village(name="后来加的村"))
    changed = dump_tables(ws.folder.database)
    result = restore_backup(ws, info.path)
    after = dump_tables(ws.folder.database)
    assert {k: v for k, v in after.items() if k != "audit_entry"} == {
        k: v for k, v in before.items() if k != "audit_entry"
    }
    assert after["audit_entry"][: len(before["audit_entry"])] == before["audit_entry"]
    assert village_count(ws) == 4  # the same engine goes on working on the restored file
    assert result.safety_backup is not None and result.damaged_kept is None
    assert result.safety_backup.reason == "restore"
    assert dump_tables(result.safety_backup.path) == changed
    with ws.db.engine.connect() as conn:
        logged = conn.execute(text("SELECT action, entity, new_values FROM audit_entry")).all()
    assert logged[-1][:2] == ("restore", "database") and info.path.name in logged[-1][2]
    # and back again: restoring the safety backup undoes the restore
    restore_backup(ws, result.safety_backup.path)
    assert dump_tables(ws.folder.database)["village"] == changed["village"]


def test_a_damaged_database_is_kept_aside_never_overwritten(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    info = backups.create_backup(ws.folder, ws.db, "manual")
    ws.db.dispose()
    for side in ("-wal", "-shm"):
        Path(f"{ws.folder.database}{side}").unlink(missing_ok=True)
    raw = bytearray(ws.folder.database.read_bytes())
    raw[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)  # trash a few pages
    ws.folder.database.write_bytes(bytes(raw))
    assert backups.check_file(ws.folder.database) != []
    result = restore_backup(ws, info.path)
    assert result.safety_backup is None
    assert result.damaged_kept is not None and result.damaged_kept.read_bytes() == bytes(raw)
    assert backups.check_file(ws.folder.database, full=True) == []
    assert dump_tables(ws.folder.database) == dump_tables(info.path)


@pytest.mark.parametrize("kind", ["not a database", "newer program", "missing"])
def test_a_bad_backup_is_refused_and_nothing_changes(
    workspace: Workspace, tmp_path: Path, kind: str
) -> None:
    ws = workspace
    bad = tmp_path / "bad.db"
    if kind == "not a database":
        bad.write_bytes(b"PK\x03\x04 not really" * 50)
    elif kind == "newer program":
        info = backups.create_backup(ws.folder, ws.db)
        bad.write_bytes(info.path.read_bytes())
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.close()
    with ws.db.write() as session:
        session.add(Village(name="东兴村"))
    before = dump_tables(ws.folder.database)
    count = len(backups.list_backups(ws.folder))
    with pytest.raises(UserError):
        restore_backup(ws, bad)
    assert dump_tables(ws.folder.database) == before
    assert len(backups.list_backups(ws.folder)) == count


def test_restore_from_a_portable_zip_brings_back_attachments(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    with ws.db.engine.connect() as conn:
        activity = conn.execute(text("SELECT min(id) FROM activity")).scalar_one()
    sha = add_attachment(ws, activity, b"\x89PNG fake" * 50, ".png")
    expected = dump_tables(ws.folder.database)  # the export's own audit entry comes after
    archive = backups.export_backup(ws.folder, ws.db, tmp_path / "备份.zip")
    # a new PC: an empty data folder
    from wenming_desktop.config import DataFolder

    fresh = open_workspace(DataFolder(tmp_path / "新电脑"))
    restore_backup(fresh, archive)
    assert dump_tables(fresh.folder.database) == expected
    assert fresh.folder.attachment_file(sha, ".png").read_bytes() == b"\x89PNG fake" * 50
    assert not [p for p in fresh.folder.backups.iterdir() if p.name.startswith(".restore")]
    fresh.close()


def test_restore_of_the_oldest_backup_survives_thinning(workspace: Workspace) -> None:
    """The safety backup thins the folder; the backup being restored is copied first."""
    ws = workspace
    for day in range(14):
        with ws.db.write() as session:
            session.add(Village(name=f"村{day}"))
        backups.create_backup(ws.folder, ws.db, "auto", now=datetime(2026, 3, 1 + day, 9))
    oldest = backups.list_backups(ws.folder)[-1]
    assert oldest.taken_at == datetime(2026, 3, 1, 9)
    expected = dump_tables(oldest.path)
    restore_backup(ws, oldest.path)
    assert dump_tables(ws.folder.database) == expected


def test_a_zip_inflating_beyond_the_disk_is_refused_before_unpacking(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import zipfile

    from wenming_desktop.services.safety import restore_checks

    ws = workspace
    bomb = tmp_path / "备份.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(backups.ZIP_DATABASE, b"\0" * (64 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    disk = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(  # a disk with 100 MB left: 64 MB would leave less than the margin
        restore_checks.shutil, "disk_usage", lambda _p: disk._replace(free=100 * 1024 * 1024)
    )
    before = dump_tables(ws.folder.database)
    with pytest.raises(UserError, match=r"解压后需要 64 MB.*只剩 100 MB"):
        restore_backup(ws, bomb)
    assert dump_tables(ws.folder.database) == before
    assert not list(ws.folder.backups.rglob("*.db"))
