"""How the ledgers look on paper: each Excel ledger of the demo data converted to PDF by
LibreOffice headless (as a printer sees it), then measured with pypdfium2.

    .venv/bin/python scripts/print_check.py [year] [folder to keep the PDFs in]

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file, from anywhere

from tests.pdf_helpers import printed_measure as measure
from wenming_desktop.config import DataFolder
from wenming_desktop.services.filing.ledgers import LEDGERS, LedgerRequest, year_period
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import open_workspace


def main(year: int, keep: Path | None = None) -> None:
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
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(path.with_suffix(".pdf"), keep / f"{spec.cli_name}.pdf")
        ws.close()


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 2026,
        Path(sys.argv[2]) if len(sys.argv) > 2 else None,
    )
