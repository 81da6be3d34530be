"""Attachment rows whose names are not of the content-hash form never reach a path: the packet
and the record PDF leave them out, deleting removes nothing outside the store, opening finds
no file. (Such rows could only come from an older program's restore of a crafted backup.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.activities.records import export_activity_record
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Activity, Attachment
from wenming_desktop.storage.queries.filing import done_activity_ids


def hostile_rows(ws: Workspace, victim: Path) -> int:
    period = parse_period("2026-Q3")
    with ws.db.write() as session:
        activity_id = done_activity_ids(session, period.start, period.end)[0]
        rel = "../" * 6 + victim.relative_to(victim.anchor).as_posix()
        for sha, suffix in [
            (str(victim), ""),
            (f"ab/{rel}", ""),
            (hashlib.sha256(b"x").hexdigest(), f"/../../../{victim.name}"),
        ]:
            session.add(
                Attachment(
                    activity_id=activity_id,
                    kind="photo",
                    sha256=sha,
                    suffix=suffix,
                    size=1,
                    original_name="x.jpg",
                )
            )
    return activity_id


def test_rows_naming_paths_touch_nothing_outside_the_store(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    victim = tmp_path / "外面" / "victim.jpg"
    victim.parent.mkdir()
    victim.write_bytes(b"\xff\xd8 not yours")
    activity_id = hostile_rows(ws, victim)
    for row in attachments.list_attachments(ws.db, activity_id):
        if row.original_name == "x.jpg":
            assert attachments.existing_file(ws.folder, row) is None
            with pytest.raises(UserError, match="附件记录无效"):
                attachments.stored_path(ws.folder, row.sha256, row.suffix)
    export_activity_record(ws, activity_id, tmp_path / "记录.pdf")
    result = build_packet(ws, parse_period("2026-Q3"), None, tmp_path / "归档")
    copied = [p.read_bytes() for p in result.path.rglob("*") if p.is_file()]
    assert victim.read_bytes() not in copied
    for row in attachments.list_attachments(ws.db, activity_id):
        attachments.remove_attachment(ws.db, ws.folder, row.id)
    attachments.delete_activity_and_files(ws.db, ws.folder, activity_id)
    with ws.db.read() as session:
        assert session.get(Activity, activity_id) is None
    assert victim.read_bytes() == b"\xff\xd8 not yours"


def test_a_link_inside_the_store_is_not_followed_out(workspace: Workspace, tmp_path: Path) -> None:
    outside = tmp_path / "outside.jpg"
    outside.write_bytes(b"secret")
    sha = hashlib.sha256(b"secret").hexdigest()
    link = workspace.folder.attachment_file(sha, ".jpg")
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    assert workspace.folder.existing_attachment(sha, ".jpg") is None
