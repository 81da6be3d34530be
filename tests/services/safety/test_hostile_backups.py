"""Crafted backups restored over demo data: each is refused, the live database stays
byte-identical, no backup is taken and nothing is written outside the data folder."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.safety import backups
from wenming_desktop.services.safety.restore import restore_backup
from wenming_desktop.services.settings.workspace import Workspace

GOOD_SHA = hashlib.sha256(b"photo").hexdigest()


def live_state(ws: Workspace) -> dict[str, bytes]:
    """The bytes of the database and its side files (connections closed, WAL folded in)."""
    ws.db.dispose()
    return {
        p.name: p.read_bytes() for p in ws.folder.root.iterdir() if p.name.startswith("wenming.db")
    }


def tree(root: Path, leave_out: Path) -> dict[str, str]:
    """Every file under `root` but outside `leave_out`, with its content hash."""
    out = {}
    for path in root.rglob("*"):
        if path.is_relative_to(leave_out) or not path.is_file():
            continue
        out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def plain_backup(ws: Workspace, tmp_path: Path, name: str = "备份.db") -> Path:
    info = backups.create_backup(ws.folder, ws.db, "manual")
    target = tmp_path / "外部" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(info.path.read_bytes())
    info.path.unlink()
    return target


def edit(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    return path


def attachment_row(sha: str, suffix: str = "") -> str:
    return (
        "INSERT INTO attachment (activity_id, kind, sha256, original_name, suffix, size, caption)"
        f" SELECT min(id), 'photo', '{sha}', 'x.jpg', '{suffix}', 5, '' FROM activity"
    )


def zipped(tmp_path: Path, database: Path, members: dict[str, bytes | None]) -> Path:
    """A zip with `database` as wenming.db plus members (None: a symlink to /etc/passwd)."""
    target = tmp_path / "外部" / "备份.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(database, backups.ZIP_DATABASE)
        for name, content in members.items():
            if content is None:
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, "/etc/passwd")
            else:
                archive.writestr(name, content)
    return target


def _case_rows(outside: Path) -> dict[str, Callable[[Path], Path]]:
    return {
        "hash holds a relative path": lambda b: edit(b, attachment_row("ab/../../../wenming.db")),
        "hash holds an absolute path": lambda b: edit(b, attachment_row(str(outside))),
        "suffix holds a path": lambda b: edit(b, attachment_row(GOOD_SHA, "/../../../victim")),
        "windows path in hash": lambda b: edit(b, attachment_row("C:\\Windows\\win.ini")),
        "no schema version": lambda b: edit(b, "DROP TABLE alembic_version"),
        "unknown schema version": lambda b: edit(
            b, "UPDATE alembic_version SET version_num = '9999_future'"
        ),
        "two schema versions": lambda b: edit(
            b, "INSERT INTO alembic_version VALUES ('0001_initial')"
        ),
        "old version but new tables": lambda b: edit(
            b, "UPDATE alembic_version SET version_num = '0001_initial'"
        ),
        "a foreign table": lambda b: edit(b, "CREATE TABLE evil (x TEXT)"),
        "a trigger": lambda b: edit(
            b,
            "CREATE TRIGGER evil AFTER INSERT ON village BEGIN DELETE FROM volunteer; END",
        ),
        "a view": lambda b: edit(b, "CREATE VIEW evil AS SELECT * FROM volunteer"),
        "a missing table": lambda b: edit(b, "DROP TABLE deadline"),
        "a missing column": lambda b: edit(b, "ALTER TABLE village DROP COLUMN notes"),
    }


ROW_CASES = list(_case_rows(Path("/x")))
ZIP_CASES = {
    "member climbing out": {"../victim.txt": b"x"},
    "absolute member": {"/tmp/victim.txt": b"x"},
    "attachment member climbing out": {"attachments/../../victim.txt": b"x"},
    "attachment member not a hash": {"attachments/ab/not-a-hash.jpg": b"x"},
    "backslash member": {"attachments\\..\\victim.txt": b"x"},
    "symlink attachment": {f"attachments/{GOOD_SHA[:2]}/{GOOD_SHA}.jpg": None},
    "symlink elsewhere": {"readme": None},
}


def check_refused(ws: Workspace, tmp_path: Path, backup: Path, match: str) -> None:
    before, outside = live_state(ws), tree(tmp_path, ws.folder.root)
    kept = backups.list_backups(ws.folder)
    with pytest.raises(UserError, match=match):
        restore_backup(ws, backup)
    assert live_state(ws) == before
    assert tree(tmp_path, ws.folder.root) == outside
    assert backups.list_backups(ws.folder) == kept
    assert not [p for p in ws.folder.backups.iterdir() if p.name.startswith(".restore")]
    assert not [p for p in ws.folder.root.iterdir() if p.name.startswith(".wenming-restore")]


@pytest.mark.parametrize("case", ROW_CASES)
@pytest.mark.parametrize("packed", [False, True], ids=["db", "zip"])
def test_a_crafted_database_is_refused_untouched(
    demo_workspace: Workspace, tmp_path: Path, case: str, packed: bool
) -> None:
    ws = demo_workspace
    victim = tmp_path / "外部" / "victim.txt"
    victim.parent.mkdir()
    victim.write_text("不能被改动", encoding="utf-8")
    backup = _case_rows(victim)[case](plain_backup(ws, tmp_path))
    if packed:
        backup = zipped(tmp_path, backup, {})
    check_refused(ws, tmp_path, backup, "拒绝|无法恢复|不是本程序")
    assert victim.read_text(encoding="utf-8") == "不能被改动"


@pytest.mark.parametrize("case", list(ZIP_CASES))
def test_a_crafted_zip_is_refused_untouched(
    demo_workspace: Workspace, tmp_path: Path, case: str
) -> None:
    ws = demo_workspace
    backup = zipped(tmp_path, plain_backup(ws, tmp_path), ZIP_CASES[case])
    check_refused(ws, tmp_path, backup, "不安全的文件名|链接文件|不是本程序附件")


def test_a_zip_naming_the_database_twice_is_refused(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    good = plain_backup(ws, tmp_path)
    backup = tmp_path / "外部" / "两个.zip"
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(backup, "w") as zf:
        zf.write(good, backups.ZIP_DATABASE)
        zf.writestr(backups.ZIP_DATABASE, b"not a database")
    check_refused(ws, tmp_path, backup, "不安全的文件名")


def test_an_attachment_whose_bytes_do_not_match_its_name_is_not_brought_back(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    backup = edit(plain_backup(ws, tmp_path), attachment_row(GOOD_SHA, ".jpg"))
    archive = zipped(
        tmp_path, backup, {f"attachments/{GOOD_SHA[:2]}/{GOOD_SHA}.jpg": b"something else"}
    )
    result = restore_backup(ws, archive)
    assert result.missing_attachments == 1
    assert ws.folder.existing_attachment(GOOD_SHA, ".jpg") is None


def test_the_safety_backup_holds_the_data_before_the_restore(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    from tests.backup_helpers import dump_tables

    ws = demo_workspace
    backup = plain_backup(ws, tmp_path)
    from wenming_desktop.storage.models import Village

    with ws.db.write() as session:
        session.add(Village(name="恢复前才有的村"))
    before = dump_tables(ws.folder.database)
    result = restore_backup(ws, backup)
    assert result.safety_backup is not None
    assert dump_tables(result.safety_backup.path) == before
    assert "恢复前才有的村" not in str(dump_tables(ws.folder.database)["village"])


def test_a_restore_waits_for_no_other_writer_and_refuses_while_one_writes(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    from tests.backup_helpers import dump_tables

    ws = demo_workspace
    backup = plain_backup(ws, tmp_path)
    other = sqlite3.connect(ws.folder.database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO setting (key, value) VALUES ('另一个程序', '写入中')")
        kept = backups.list_backups(ws.folder)
        with pytest.raises(UserError, match="另一项操作正在写入数据"):
            restore_backup(ws, backup, lock_timeout=0.2)
        assert backups.list_backups(ws.folder) == kept  # refused before the safety backup
        other.execute("COMMIT")
    finally:
        other.close()
    assert "另一个程序" in str(dump_tables(ws.folder.database)["setting"])
    result = restore_backup(ws, backup)
    assert result.safety_backup is not None
    assert "另一个程序" in str(dump_tables(result.safety_backup.path)["setting"])


def test_the_command_line_refuses_a_crafted_backup_in_one_line(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    from tests.helpers import run_cli

    ws = demo_workspace
    backup = edit(plain_backup(ws, tmp_path), attachment_row("ab/../../../wenming.db"))
    before = live_state(ws)
    refused = run_cli("restore", str(backup), "--data-dir", str(ws.folder.root))
    assert refused.returncode == 1
    assert "附件记录（编号" in refused.stderr and "已拒绝" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert live_state(ws) == before
