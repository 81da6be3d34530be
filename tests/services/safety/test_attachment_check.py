"""A photo whose file has gone missing is said out loud: by `wenming check`, by the packet's
index and by the packet command; a stored file no row names is told too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from tests.helpers import run_cli
from tests.pdf_helpers import pdf_text
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.activities.attachments import add_attachments, stored_path
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.safety.attachment_check import check_attachments
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Activity, Attachment


def _month_with_activity(ws: Workspace) -> tuple[str, int]:
    today = date.today()
    first = today.replace(day=1)
    previous = date.fromordinal(first.toordinal() - 1)
    with ws.db.read() as session:
        activity_id = session.scalar(
            select(Activity.id).where(
                Activity.status == "done",
                Activity.start_at >= previous.replace(day=1),
                Activity.start_at < first,
            )
        )
    assert activity_id is not None
    return f"{previous:%Y-%m}", activity_id


def _lose_a_photo(ws: Workspace, tmp_path: Path, activity_id: int) -> Path:
    photo = tmp_path / "现场照片.png"
    Image.new("RGB", (8, 8), "red").save(photo)
    add_attachments(ws.db, ws.folder, activity_id, [photo], "photo")
    with ws.db.read() as session:
        row = session.scalars(select(Attachment)).one()
        path = stored_path(ws.folder, row.sha256, row.suffix)
    path.unlink()
    return path


def test_a_missing_file_fails_the_check_and_a_stray_one_is_told(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    _code, activity_id = _month_with_activity(ws)
    assert check_attachments(ws.db, ws.folder) == ([], [])
    gone = _lose_a_photo(ws, tmp_path, activity_id)
    stray = ws.folder.attachments / "ab" / "无人登记.jpg"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"jpeg")
    report = check_attachments(ws.db, ws.folder)
    assert [m.path for m in report.missing] == [gone] and report.unnamed == [stray]
    ws.close()
    result = run_cli("check", "--data-dir", str(ws.folder.root))
    assert result.returncode == 1, result.stdout
    assert "附件文件缺失" in result.stdout and "现场照片.png" in result.stdout
    assert f"附件库中有未登记的文件：{stray}" in result.stdout
    assert "检查未通过" in result.stdout and "检查通过" not in result.stdout


def test_the_packet_lists_the_missing_attachment(demo_workspace: Workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    code, activity_id = _month_with_activity(ws)
    _lose_a_photo(ws, tmp_path, activity_id)
    result = build_packet(ws, parse_period(code), None, tmp_path / "packet")
    assert len(result.missing) == 1 and "现场照片.png" in result.missing[0]
    index = pdf_text(tmp_path / "packet" / "00_目录.pdf").replace("\n", "")
    assert "缺失附件 1 个" in index and "现场照片.png" in index
    assert not (tmp_path / "packet" / "04_附件").exists()  # nothing silently half-copied
    ws.close()
    cli = run_cli(
        "packet", "--period", code, "-o", str(tmp_path / "again"), "--data-dir", str(ws.folder.root)
    )
    assert cli.returncode == 0, cli.stderr
    assert "1 个附件的文件已缺失" in cli.stdout and "现场照片.png" in cli.stdout
