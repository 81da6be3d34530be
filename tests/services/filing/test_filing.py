import hashlib
import zipfile
from pathlib import Path

import pytest

from tests.pdf_helpers import pdf_pages, pdf_text, render_pages
from wenming_desktop.domain.errors import Cancelled
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports.packet import INDEX_NAME, MANIFEST_NAME
from wenming_desktop.services.activities.records import export_activity_record, load_detail
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import find_village
from wenming_desktop.storage.queries.filing import done_activity_ids


def manifest_entries(root: Path) -> dict[str, str]:
    lines = (root / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    return {line[66:]: line[:64] for line in lines}


def test_packet_for_a_quarter(demo_workspace: Workspace, tmp_path: Path) -> None:
    period = parse_period("2026-Q3")
    out = tmp_path / "out"
    target = out / "归档 材料"
    result = build_packet(demo_workspace, period, None, target)
    with demo_workspace.db.read() as session:
        expected = done_activity_ids(session, period.start, period.end)
    assert result.activities == len(expected) > 0
    records = sorted((target / "03_活动记录").iterdir())
    assert len(records) == len(expected)
    assert records[0].name.startswith("001_2026-07")
    files = {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()}
    entries = manifest_entries(target)
    assert set(entries) == files - {MANIFEST_NAME}
    for relative, digest in entries.items():
        assert hashlib.sha256((target / relative).read_bytes()).hexdigest() == digest
    index = pdf_text(target / INDEX_NAME)
    for record in records:
        assert record.name in index.replace("\r\n", "")
        assert pdf_pages(record) >= 1
    assert "2026年第三季度工作总结.pdf" in index
    assert [p.name for p in out.iterdir()] == ["归档 材料"]  # no staging folder left
    render_pages(target / INDEX_NAME, tmp_path)


def test_packet_as_zip_for_one_village(demo_workspace: Workspace, tmp_path: Path) -> None:
    village_id, _ = find_village(demo_workspace.db, "东兴村")
    target = tmp_path / "东兴村.zip"
    result = build_packet(demo_workspace, parse_period("2025"), village_id, target, as_zip=True)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        manifest = archive.read(f"东兴村/{MANIFEST_NAME}").decode("utf-8")
        for line in manifest.splitlines():
            digest, relative = line[:64], line[66:]
            assert hashlib.sha256(archive.read(f"东兴村/{relative}")).hexdigest() == digest
    records = [n for n in names if "/03_活动记录/" in n]
    assert len(records) == result.activities
    assert all("东兴村" in n for n in records)


def test_cancelled_packet_leaves_nothing(demo_workspace: Workspace, tmp_path: Path) -> None:
    progress = Progress()
    seen: list[int] = []

    def cancel_midway(done: int, _total: int, _message: str) -> None:
        seen.append(done)
        if len(seen) == 3:  # the third report, whatever its scale
            progress.cancel()

    progress._listener = cancel_midway
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        build_packet(demo_workspace, parse_period("2026"), None, out / "packet", progress=progress)
    assert len(seen) == 3
    assert list(out.iterdir()) == []


def test_packet_refuses_a_non_empty_target_and_cleans_up(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    from wenming_desktop.domain.errors import UserError

    out = tmp_path / "out"
    target = out / "existing"
    target.mkdir(parents=True)
    (target / "keep.txt").write_text("clerk's file")
    with pytest.raises(UserError, match="已存在且不为空"):
        build_packet(demo_workspace, parse_period("2026-07"), None, target)
    assert [p.name for p in out.iterdir()] == ["existing"]
    assert (target / "keep.txt").read_text() == "clerk's file"


def test_activity_record_pdf(demo_workspace: Workspace, tmp_path: Path) -> None:
    period = parse_period("2026-07")
    with demo_workspace.db.read() as session:
        activity_id = done_activity_ids(session, period.start, period.end)[0]
    detail = load_detail(demo_workspace, activity_id)
    path = export_activity_record(demo_workspace, activity_id, tmp_path / "记录.pdf")
    text = pdf_text(path).replace("\r\n", "\n")
    assert "新时代文明实践活动记录表" in text
    assert detail.title in text
    assert "活动规范检查" in text
    for participant in detail.participants:
        assert participant.name in text
        assert participant.phone not in text  # no phone numbers on the record
    render_pages(path, tmp_path)


def test_packet_contents_carry_no_full_id_or_phone(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    import re

    from openpyxl import load_workbook

    target = tmp_path / "out" / "packet"
    build_packet(demo_workspace, parse_period("2026-Q2"), None, target)
    ledgers = sorted(p.name for p in (target / "01_台账").iterdir())
    assert "志愿者花名册.xlsx" in ledgers
    assert "志愿服务时长台账.xlsx" in ledgers
    full_id = re.compile(r"\d{17}[\dXx]")
    mobile = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
    for path in target.rglob("*"):
        if path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            text = " ".join(
                str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row
                if v is not None
            )  # fmt: skip
            book.close()
        elif path.suffix == ".pdf":
            text = pdf_text(path)
        else:
            continue
        assert not full_id.search(text), path.name
        assert not mobile.search(text), path.name
