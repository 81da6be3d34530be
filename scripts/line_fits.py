"""How many characters print on one line of a ledger's body cell, measured with LibreOffice.

    .venv/bin/python scripts/line_fits.py [widths, e.g. 5,8,11,13,21] [folder to keep files in]

Writes a sheet of 宋体 10 pt wrapped, framed body cells (as `exports/excel/ledger.py` writes
them) with columns of the given widths (default 5–30), each cell holding 1, 2, … digits,
Chinese characters or asterisks, with rows three lines tall; converts it to PDF with LibreOffice
headless and reads each cell's lines back with `pdftotext -bbox`. Prints, per width, the most of
each kind that printed on one line beside what `print_layout.line_count` puts on one line, and
flags a width where the rule says one line but the paper shows two (never, when the rule is
right). The basis of docs/printing.md, "Lines on paper". Needs `soffice` and `pdftotext`
(poppler-utils). A measuring tool: it changes nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file, from anywhere

from xlsxwriter import Workbook

from wenming_desktop.exports.excel.print_layout import line_count

KINDS = {"digits": "1234567890", "Chinese": "文明实践体检台账村民小组", "asterisks": "*"}
_WORD = re.compile(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>')


def _text(kind: str, length: int) -> str:
    source = KINDS[kind]
    return (source * (length // len(source) + 1))[:length]


def measure(widths: list[int], folder: Path) -> dict[tuple[int, str], int]:
    """(width, kind) → the most characters of that kind LibreOffice printed on one line."""
    book = Workbook(str(folder / "fits.xlsx"), {"strings_to_numbers": False})
    cell = book.add_format(
        {"font_name": "宋体", "font_size": 10, "border": 1, "text_wrap": True, "valign": "vcenter"}
    )
    cases: list[tuple[int, str, int]] = []
    for width in widths:  # one sheet per width: a label column, then the cells
        sheet = book.add_worksheet(f"w{width}")
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, width)
        row = 0
        for kind in KINDS:
            for length in range(1, width + 4):
                sheet.set_row(row, 45)
                sheet.write_string(row, 0, f"L{width}{kind[0]}{length}", cell)
                sheet.write_string(row, 1, _text(kind, length), cell)
                cases.append((width, kind, length))
                row += 1
        sheet.set_paper(9)
    book.close()
    subprocess.run(
        [str(shutil.which("soffice")), f"-env:UserInstallation={(folder / 'lo').as_uri()}",
         "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(folder / "fits.xlsx")],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(folder / "fits.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    page, words = 0, []
    for line in boxes.splitlines():
        page += "<page " in line
        found = _WORD.search(line)
        if found:
            words.append((page, float(found[1]), float(found[2]), found[3]))
    labels = {w[3]: w for w in words if w[3].startswith("L")}
    best: dict[tuple[int, str], int] = {}
    for width, kind, length in cases:
        page, top, bottom, _ = labels[f"L{width}{kind[0]}{length}"]
        middle = (top + bottom) / 2
        mine = {
            round(w[1])
            for w in words
            if w[0] == page and not w[3].startswith("L") and abs((w[1] + w[2]) / 2 - middle) < 20
        }
        if len(mine) == 1:
            best[(width, kind)] = max(best.get((width, kind), 0), length)
    return best


def main(widths: list[int], keep: Path | None) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        best = measure(widths, folder)
    wrong = 0
    print("width  " + "  ".join(f"{kind} measured/rule" for kind in KINDS))
    for width in widths:
        cells = []
        for kind in KINDS:
            rule = max(n for n in range(1, width + 4) if line_count(_text(kind, n), width) == 1)
            measured = best.get((width, kind), 0)
            wrong += rule > measured
            flag = "  <- the rule says one line, paper shows two" if rule > measured else ""
            cells.append(f"{measured:>3}/{rule:<3}{flag}")
        print(f"{width:>5}  " + "  ".join(cells))
    print("rule never above the measured count" if not wrong else f"{wrong} widths wrong")


if __name__ == "__main__":
    chosen = [int(w) for w in sys.argv[1].split(",")] if len(sys.argv) > 1 else list(range(5, 31))
    main(chosen, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
