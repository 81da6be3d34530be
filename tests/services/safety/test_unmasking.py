"""Roles are checked before anything is written: a 只读 user's unmasked export leaves no file,
the unmask entry is committed before the file appears, a portable backup is an administrator's."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from wenming_desktop.domain.access import ADMIN, CLERK, VIEWER, Actor
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.checkups.checkup_exports import export_checkup_ledger
from wenming_desktop.services.roster.roster_exports import export_roster
from wenming_desktop.services.safety import backups
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.village_ledger import export_villages
from wenming_desktop.storage.models import AuditEntry


def exports(ws: Workspace, target: Path) -> dict[str, object]:
    return {
        "roster": lambda: export_roster(ws.db, target, unmasked=True),
        "villages": lambda: export_villages(ws.db, target, unmask=True),
        "checkups": lambda: export_checkup_ledger(ws.db, target, 2026, unmasked=True),
        "backup": lambda: backups.export_backup(ws.folder, ws.db, target),
    }


def entries(ws: Workspace) -> list[tuple[str, str]]:
    with ws.db.read() as session:
        return [(e.action, e.entity) for e in session.scalars(select(AuditEntry))]


@pytest.mark.parametrize("kind", ["roster", "villages", "checkups", "backup"])
def test_a_read_only_user_gets_no_file(demo_workspace: Workspace, tmp_path: Path, kind) -> None:
    ws = demo_workspace
    target = tmp_path / "导出" / "完整.xlsx"
    ws.db.actor = Actor("guest", "访客", VIEWER)
    with pytest.raises(UserError, match=r"只读用户|只有管理员"):
        exports(ws, target)[kind]()  # type: ignore[operator]
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_a_clerk_may_unmask_but_not_export_a_portable_backup(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    ws.db.actor = Actor("clerk", "李干事", CLERK)
    export_roster(ws.db, tmp_path / "花名册.xlsx", unmasked=True)
    with pytest.raises(UserError, match="只有管理员"):
        backups.export_backup(ws.folder, ws.db, tmp_path / "备份.zip")
    assert not (tmp_path / "备份.zip").exists()
    ws.db.actor = Actor("admin", "王主任", ADMIN)
    backups.export_backup(ws.folder, ws.db, tmp_path / "备份.zip")
    assert entries(ws)[-2:] == [("unmask", "volunteer"), ("export", "database")]


@pytest.mark.parametrize("kind", ["roster", "villages", "checkups", "backup"])
def test_no_file_without_its_audit_entry(
    demo_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """When the audit entry cannot be committed, the full file never appears."""
    from wenming_desktop.storage import audit

    ws = demo_workspace
    target = tmp_path / "导出" / "完整.xlsx"

    def refuse(*_args: object, **_kw: object) -> None:
        assert not target.exists()  # the entry is written before the file is published
        raise UserError("另一项操作正在写入数据，请稍后再试")

    monkeypatch.setattr(audit, "record", refuse)
    with pytest.raises(UserError, match="另一项操作"):
        exports(ws, target)[kind]()  # type: ignore[operator]
    assert list(target.parent.iterdir()) == []
