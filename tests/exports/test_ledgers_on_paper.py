"""Every Excel ledger of the demo data printed as a printer sees it — converted to PDF by
LibreOffice headless — and measured: A4 landscape, text at 9 pt or more after any scaling, no
`###`, a page count within bounds."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.pdf_helpers import printed_measure as measure
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
from wenming_desktop.exports.excel.print_layout import (
    HEADER_ROWS,
    PAGE_PIXELS,
    PrintPlan,
    printed_pages,
    row_pixels,
)
from wenming_desktop.exports.packet import workbook_pages
from wenming_desktop.services.filing.ledgers import LEDGERS, LedgerRequest, year_period
from wenming_desktop.services.roster import roster
from wenming_desktop.services.settings.workspace import Workspace

pytestmark = pytest.mark.slow


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice missing: scripts/dev.py test installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice not installed (python3 scripts/dev.py test installs it)")
    return found


def test_every_ledger_prints_readably(demo_workspace: Workspace, tmp_path: Path) -> None:
    soffice = _soffice()
    written: dict[Path, int] = {}
    # The year, and a month: few rows, so a band of pages may hold only the note under the
    # table (a page of it LibreOffice leaves out)
    for request in (LedgerRequest(year_period(2026)), LedgerRequest(parse_period("2026-06"))):
        for spec in LEDGERS:
            name = spec.file_name(request)
            if name.lower().endswith(".xlsx"):
                path = tmp_path / f"{request.period.label}_{name}"
                written[path] = spec.write(demo_workspace, request, path)
    assert len(written) >= 12
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: runs never collide
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, written)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    for path in written:
        pages, size, smallest, hashes = measure(path.with_suffix(".pdf"))
        # The page count the program computes from its own layout (the packet's index states
        # it) is the one LibreOffice prints.
        assert workbook_pages(path) == pages, f"{path.name}: computed {workbook_pages(path)}"
        assert size == "297×210", f"{path.name}: {size} mm, not A4 landscape"
        assert smallest >= 8.95, f"{path.name}: text printed at {smallest:.1f} pt"
        assert not hashes, f"{path.name}: a number shows as ###"
        # Each sheet: at most 6 pages across, and at least 8 rows on a page down.
        book = load_workbook(path, read_only=True)
        bound = sum(6 * math.ceil((sheet.max_row - 2) / 8) for sheet in book.worksheets)
        book.close()
        assert pages <= bound, f"{path.name}: {pages} pages for at most {bound}"


def _add_like(workspace: Workspace, count: int, start: int) -> None:
    """`count` more volunteers like the roster's last one (rows of the same height)."""
    db = workspace.db
    model = roster.get_volunteer(db, roster.list_volunteers(db)[-1].id)
    for i in range(start, start + count):
        new = replace(
            model, name=f"新增{i:02d}", staff_no=f"XZ{i:04d}", id_number=None, phone="",
            registry_no=f"99{i:011d}",
        )  # fmt: skip
        roster.add_volunteer(db, new)


def test_page_counts_around_a_page_boundary(demo_workspace: Workspace, tmp_path: Path) -> None:
    """The column-split ledgers with one row below, at and above where a band of pages
    ends, by the program's count and by LibreOffice's, and as many rows as would fill the band
    if the page's height were counted in points."""
    soffice = _soffice()
    request = LedgerRequest(year_period(2026))
    specs = [s for s in LEDGERS if s.cli_name in ("volunteers", "hours")]
    assert len(specs) == 2
    book = tmp_path / "probe.xlsx"
    volunteers = specs[0]
    volunteers.write(demo_workspace, request, book)
    sheet = load_workbook(book).worksheets[0]
    rows = sheet.max_row - HEADER_ROWS
    # Where the last band of pages ends by the pixel rule, from the heights as written and
    # with rows like the last one added: LibreOffice must put the boundary there too.
    height = sheet.row_dimensions
    room = PAGE_PIXELS - sum(row_pixels(height[r].height) for r in range(1, HEADER_ROWS + 1))
    used = 0
    for r in range(HEADER_ROWS + 1, sheet.max_row + 1):
        pixels = row_pixels(height[r].height or 15.0)
        used = pixels if used + pixels > room else used + pixels
    like = row_pixels(height[sheet.max_row].height or 15.0)  # a row of one line: no height set
    full = rows + (room - used) // like  # the band's last row
    if full - 1 < rows:  # the band is full already: the next one's end
        full += room // like
    written: list[Path] = []
    added = 0
    for target in (full - 1, full, full + 1):
        _add_like(demo_workspace, target - rows - added, added)
        added = target - rows
        for spec in specs:
            path = tmp_path / f"{target}_{spec.file_name(request)}"
            spec.write(demo_workspace, request, path)
            written.append(path)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, written)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    counts = {path.name: measure(path.with_suffix(".pdf"))[0] for path in written}
    for path in written:
        assert workbook_pages(path) == counts[path.name], f"{path.name}: {counts}"
    name = volunteers.file_name(request)
    # The last target starts a band of pages: the boundary is really between them.
    assert counts[f"{full + 1}_{name}"] > counts[f"{full}_{name}"] == counts[f"{full - 1}_{name}"]


def test_a_sheet_fitted_to_the_width_paginates_in_points(tmp_path: Path) -> None:
    """Fitted to one page wide, even where the fit leaves it at 100 %, LibreOffice breaks pages
    by the rows' heights in points, not in whole pixels as when printing at 100 % (the large
    data's 体检人员名单: 181 pages printed, 185 counted in pixels)."""
    soffice = _soffice()
    path = tmp_path / "名单.xlsx"
    lines = [6, 5, 4, 7] * 50  # rows of 4 to 7 lines: the two ways of counting part
    with Ledger(path) as book:
        sheet = book.sheet(
            "名单",
            ("某某医院", "名单"),
            "2025年",
            [LedgerColumn("序号", 6), LedgerColumn("内容", 40)],
        )
        for i, count in enumerate(lines):
            sheet.append([i + 1, "\n".join(["某"] * count)])
    ws = load_workbook(path).worksheets[0]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)]
    repeated, body = heights[:HEADER_ROWS], heights[HEADER_ROWS:]
    plan = PrintPlan(True, 0, ((0, 1),))
    in_pixels = replace(plan, fit_one_page_wide=False)  # the 100 % rule, for comparison
    widths = [6.0, 40.0]
    assert printed_pages(in_pixels, widths, repeated, body) != printed_pages(
        plan, widths, repeated, body
    )
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    assert workbook_pages(path) == measure(path.with_suffix(".pdf"))[0]
    assert workbook_pages(path) == printed_pages(plan, widths, repeated, body)
