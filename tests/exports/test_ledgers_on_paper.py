"""Every Excel ledger of the demo data printed as a printer sees it — converted to PDF by
LibreOffice headless — and measured: A4 landscape, text at 9 pt or more after any scaling, no
`###`, a page count within bounds."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.pdf_helpers import printed_measure as measure
from wenming_desktop.exports.packet import workbook_pages
from wenming_desktop.services.filing.ledgers import LEDGERS, LedgerRequest, year_period
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
    request = LedgerRequest(year_period(2026))
    written: dict[Path, int] = {}
    for spec in LEDGERS:
        name = spec.file_name(request)
        if name.lower().endswith(".xlsx"):
            path = tmp_path / name
            written[path] = spec.write(demo_workspace, request, path)
    assert len(written) >= 6
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
