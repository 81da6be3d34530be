"""A photo added on one PC is in the packet another PC makes (one server database)."""

from __future__ import annotations

import hashlib
import io
import shutil
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from tests.conftest import point_at_server
from tests.pg_server import PgServer
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.filing.filing import build_packet, done_activity_ids
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.storage.models import AttachmentContent


def photo(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path, "JPEG")
    return path


@pytest.fixture
def two_pcs(pg_server: PgServer, tmp_path: Path):
    """Two data folders (two PCs) on one server database holding the demo data."""
    database = pg_server.new_database()
    pc1_folder, pc2_folder = DataFolder(tmp_path / "一号机"), DataFolder(tmp_path / "二号机")
    point_at_server(pc1_folder, pg_server, database)
    point_at_server(pc2_folder, pg_server, database)
    pc1 = open_workspace(pc1_folder, initialise=True)
    load_demo(pc1.db, allow_server=True)
    pc2 = open_workspace(pc2_folder)
    yield pc1, pc2
    pc1.close()
    pc2.close()


def test_a_photo_added_on_one_pc_is_in_the_others_packet(two_pcs, tmp_path: Path) -> None:
    pc1, pc2 = two_pcs
    period = parse_period("2026-07")
    with pc1.db.read() as session:
        activity = done_activity_ids(session, period.start, period.end)[0]
    source = photo(tmp_path / "义诊现场.jpg")
    attachments.add_attachments(pc1.db, pc1.folder, activity, [source], "photo")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    assert not attachments.stored_path(pc2.folder, sha, ".jpg").exists()  # not on PC 2 yet

    target = tmp_path / "二号机的归档"
    build_packet(pc2, period, None, target)
    copied = [p for p in target.rglob("*.jpg")]
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in copied] == [sha]
    assert attachments.stored_path(pc2.folder, sha, ".jpg").exists()  # cached on PC 2 now


def test_removing_the_last_use_removes_the_shared_content(two_pcs, tmp_path: Path) -> None:
    pc1, pc2 = two_pcs
    period = parse_period("2026-07")
    with pc1.db.read() as session:
        activity = done_activity_ids(session, period.start, period.end)[0]
    [row_id] = attachments.add_attachments(
        pc1.db, pc1.folder, activity, [photo(tmp_path / "a.jpg")], "photo"
    )
    attachments.remove_attachment(pc2.db, pc2.folder, row_id)
    with pc1.db.read() as session:
        assert session.scalars(select(AttachmentContent.sha256)).all() == []


def test_sharing_cost_of_a_large_photo(two_pcs, tmp_path: Path, capsys) -> None:
    """Measured (printed, not asserted): a 4000×3000 camera photo stored and fetched."""
    pc1, pc2 = two_pcs
    period = parse_period("2026-07")
    with pc1.db.read() as session:
        activity = done_activity_ids(session, period.start, period.end)[0]
    buffer = io.BytesIO()
    Image.effect_noise((4000, 3000), 64).convert("RGB").save(buffer, "JPEG", quality=92)
    big = tmp_path / "相机照片.jpg"
    big.write_bytes(buffer.getvalue())
    started = time.perf_counter()
    attachments.add_attachments(pc1.db, pc1.folder, activity, [big], "photo")
    stored = time.perf_counter() - started
    sha = hashlib.sha256(big.read_bytes()).hexdigest()
    shutil.rmtree(pc2.folder.attachments)
    started = time.perf_counter()
    fetched = attachments.local_file(pc2.db, pc2.folder, sha, ".jpg")
    fetch = time.perf_counter() - started
    assert fetched is not None and fetched.read_bytes() == big.read_bytes()
    with capsys.disabled():
        megabytes = big.stat().st_size / 1e6
        print(f"\n{megabytes:.1f} MB photo: stored {stored:.2f} s, fetched {fetch:.2f} s")
