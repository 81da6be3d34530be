"""The packet's index: workbooks' printed page counts and running page numbers; the activity
records written by worker processes and kept in the data folder's cache."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from tests.pdf_helpers import pdf_pages, pdf_text
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports.packet import INDEX_NAME, files_in, page_count, workbook_pages
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.filing.record_pool import CACHE_FOLDER
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import Activity
from wenming_desktop.storage.queries.filing import done_activity_ids


def test_the_index_numbers_every_page_of_the_packet(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "packet"
    build_packet(demo_workspace, parse_period("2025"), None, target)
    workbooks = [p for p in files_in(target) if p.suffix == ".xlsx"]
    assert len(workbooks) >= 6
    assert all((workbook_pages(p) or 0) >= 1 for p in workbooks)  # no "—" for a workbook
    counted = [page_count(p) for p in files_in(target) if p.name != INDEX_NAME]
    index_pages = pdf_pages(target / INDEX_NAME)
    total = index_pages + sum(n or 0 for n in counted)
    text = pdf_text(target / INDEX_NAME).replace(" ", "")
    assert f"全包共{total}页" in text
    # The running numbers, in the index's order: the index first, then file after file.
    spans = [f"1–{index_pages}"]
    first = index_pages + 1
    for pages in counted:
        if pages:
            spans.append(str(first) if pages == 1 else f"{first}–{first + pages - 1}")
            first += pages
    assert first - 1 == total
    at = 0
    for span in spans:
        if "–" in span:  # a single number is too common in the text to locate
            found = text.find(span, at)
            assert found >= 0, f"{span} missing after position {at}"
            at = found + len(span)


def test_records_come_from_the_cache_until_their_activity_changes(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    period = parse_period("2025-Q3")
    first = tmp_path / "first"
    build_packet(ws, period, None, first)
    records = sorted((first / "03_活动记录").iterdir())
    cache = ws.folder.root / CACHE_FOLDER
    assert len(list(cache.glob("*.pdf"))) == len(records) >= 12  # enough for the workers
    again = tmp_path / "again"
    build_packet(ws, period, None, again)
    # Same bytes (a PDF written anew would carry a new creation time and document id).
    assert [p.read_bytes() for p in sorted((again / "03_活动记录").iterdir())] == [
        p.read_bytes() for p in records
    ]
    with ws.db.read() as session:
        changed = done_activity_ids(session, period.start, period.end)[0]
    with ws.db.write() as session:
        session.execute(update(Activity).where(Activity.id == changed).values(summary="改过的小结"))
    third = tmp_path / "third"
    build_packet(ws, period, None, third)
    new = sorted((third / "03_活动记录").iterdir())
    differs = [
        a.name for a, b in zip(records, new, strict=True) if a.read_bytes() != b.read_bytes()
    ]
    assert len(differs) == 1
    assert "改过的小结" in pdf_text(third / "03_活动记录" / differs[0])
    assert len(list(cache.glob("*.pdf"))) == len(records) + 1
