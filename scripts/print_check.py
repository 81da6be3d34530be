"""How the ledgers look on paper: each Excel ledger of the demo data converted to PDF by
LibreOffice headless (as a printer sees it), then measured with pypdfium2.

    .venv/bin/python scripts/print_check.py [year]

Prints one line per ledger: pages, page size (mm), smallest text size on the page (pt, after
fit-to-width scaling) and whether `###` (a number too wide for its cell) appears. Needs
`soffice` (Debian: libreoffice-calc-nogui). A measuring tool: it changes nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from wenming_desktop.config import DataFolder
from wenming_desktop.services.filing.ledgers import LEDGERS, LedgerRequest, year_period
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import open_workspace

MM = 72 / 25.4


def measure(pdf: Path) -> tuple[int, str, float, bool]:
    """(pages, "W×H" in mm of page 1, smallest text size in pt, whether "###" shows)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        smallest, hashes = 99.0, False
        for page in document:
            textpage = page.get_textpage()
            hashes |= "###" in textpage.get_text_range()
            for index in range(textpage.count_chars()):
                if chr(raw.FPDFText_GetUnicode(textpage, index)).isspace():
                    continue
                smallest = min(smallest, raw.FPDFText_GetFontSize(textpage, index))
        width, height = document[0].get_size()
        size = f"{width / MM:.0f}×{height / MM:.0f}"
        return len(document), size, smallest, hashes
    finally:
        document.close()


def main(year: int) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        ws = open_workspace(DataFolder(root / "data"))
        load_demo(ws.db)
        out = root / "out"
        out.mkdir()
        request = LedgerRequest(year_period(year))
        print("ledger\tpages\tpage mm\tsmallest pt\t###")
        for spec in LEDGERS:
            name = spec.file_name(request)
            if not name.lower().endswith(".xlsx"):
                continue
            path = out / name
            spec.write(ws, request, path)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
                check=True, capture_output=True, timeout=300,
            )  # fmt: skip
            pages, size, smallest, hashes = measure(path.with_suffix(".pdf"))
            print(f"{spec.cli_name}\t{pages}\t{size}\t{smallest:.1f}\t{'yes' if hashes else 'no'}")
        ws.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2026)
