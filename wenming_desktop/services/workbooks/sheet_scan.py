"""A fast pass over one sheet's XML before openpyxl reads its rows.

Streams the sheet part through zipfile in blocks (never holding it whole) and finds, with byte
regexes: whether any cell holds a formula (only then must the reader look at the formulas as well
as the saved values), and the last row holding a value or formula (so the reader stops there
instead of walking a million formatted but empty rows), and the rows marked hidden (by a filter
or by hand), which the preview marks. More than `max_rows` rows with content
below the header is refused at once, naming the limit. Bytes inflated are bounded. No Qt here.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.workbooks.workbook_guard import (
    BROKEN,
    MAX_SHEET_BYTES,
    entity_declarations,
    translate,
)

BLOCK = 1 << 20
_ANY_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_TAG = re.compile(rb"<" + _ANY_PREFIX + rb"row\b")
_ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"'](\d+)")


@functools.cache
def _patterns(prefix: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """(a formula, content in a cell: a non-empty <v>, an inline string, a formula) for tags
    with namespace `prefix` ("" or e.g. "x:"); a literal prefix keeps the search fast."""
    tag = b"<" + re.escape(prefix)
    return (
        re.compile(tag + rb"f[\s>/]"),
        re.compile(tag + rb"(?:v>(?!<)|is>|f[\s>/])"),
    )


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
_HIDDEN = re.compile(rb"\shidden\s*=\s*[\"'](?:1|true)[\"']")


@dataclass(frozen=True)
class SheetScan:
    has_formulas: bool
    last_row: int  # the last row with a value or formula; 0 when none
    content_rows: int  # rows with a value or formula below `after_row`
    hidden_rows: tuple[int, ...] = ()  # rows below `after_row` marked hidden


def scan_sheet(
    path: Path,
    part: str,
    sheet: str,
    after_row: int,
    max_rows: int,
    archive_path: Path | None = None,
) -> SheetScan:
    """Scan sheet XML `part` of workbook `path` (read from `archive_path` when it is a repaired
    copy); UserError past `max_rows` rows of content."""
    scanner = _Scanner(after_row, max_rows)
    try:
        with zipfile.ZipFile(archive_path or path) as archive, archive.open(part) as source:
            carry = b""
            inflated = 0
            first = True
            while block := source.read(BLOCK):
                inflated += len(block)
                if inflated > MAX_SHEET_BYTES:
                    raise UserError(
                        f"无法导入“{path.name}”：工作表“{sheet}”解压后超过 "
                        f"{MAX_SHEET_BYTES // 1048576} MB，远超正常工作表，已停止读取。"
                        "请只保留需要导入的行后另存为新文件再导入"
                    )
                text = carry + block
                if first and _DTD.search(text, 0, 4096):
                    raise entity_declarations(path)
                first = False
                cut = text.rfind(b"<")
                if cut < len(text) - 4096:  # no tag is this long: do not carry text along
                    cut = len(text)
                scanner.feed(text[:cut])
                carry = text[cut:]
                _check(path, sheet, scanner)
            scanner.feed(carry)
            _check(path, sheet, scanner)
    except UserError:
        raise
    except BROKEN as exc:
        raise translate(path, exc) from None
    hidden = tuple(r for r in scanner.hidden if r > after_row)
    return SheetScan(scanner.formulas, scanner.last_row, scanner.content_rows, hidden)


def _check(path: Path, sheet: str, scanner: _Scanner) -> None:
    if scanner.exceeded_at:
        raise UserError(
            f"无法导入“{path.name}”：工作表“{sheet}”表头以下有内容的行超过一次导入的上限 "
            f"{scanner.max_rows} 行（第 {scanner.exceeded_at} 行仍有内容）。请删除表格末尾多余的行"
            "（包括只有 0、空格或格式的行），或分成几个文件导入"
        )


class _Scanner:
    """Counts rows with content in blocks of sheet XML (each block ends before a tag starts).

    Only rows with content cost Python work: the next content is found by one regex search,
    its row by looking back for the last row tag (numbered by its r attribute, or counted)."""

    def __init__(self, after_row: int, max_rows: int) -> None:
        self.after_row = after_row
        self.max_rows = max_rows
        self.exceeded_at = 0  # the row whose content went past max_rows
        self.current = 0  # the number of the last row tag passed
        self.last_row = 0
        self.content_rows = 0
        self.formulas = False
        self.tag = b""
        self.hidden: list[int] = []

    def feed(self, text: bytes) -> None:
        if not self.tag:
            found = _ROW_TAG.search(text)
            if found is None:
                return  # no rows yet: only the sheet's settings
            self.tag = found.group(0)  # "<row", or "<x:row" in prefixed XML
        self._find_hidden(text)
        formula, content_pattern = _patterns(self.tag[1:-3])
        if not self.formulas and formula.search(text):
            self.formulas = True
        mark = 0
        while content := content_pattern.search(text, mark):
            self._advance(text, mark, content.start())
            mark = content.start()
            if self.current != self.last_row:
                self.last_row = self.current
                if self.current > self.after_row:
                    self.content_rows += 1
                    if self.content_rows > self.max_rows and not self.exceeded_at:
                        self.exceeded_at = self.current
            following = text.find(self.tag, content.end())  # the rest of this row is moot
            if following < 0:
                mark = len(text)
                break
            mark = following
        self._advance(text, mark, len(text))

    def _find_hidden(self, text: bytes) -> None:
        """Rows whose tag says hidden="1" (rows without a number are not counted)."""
        at = text.find(b"hidden", 0)
        while at >= 0:
            start = text.rfind(b"<", 0, at)
            end = text.find(b">", at)
            if start >= 0 and end >= 0 and text.startswith(self.tag, start):
                tag = text[start:end]
                number = _ROW_NUMBER.search(tag)
                if number is not None and _HIDDEN.search(tag):
                    self.hidden.append(int(number.group(1)))
            at = text.find(b"hidden", at + 6)

    def _advance(self, text: bytes, start: int, end: int) -> None:
        """Move `current` over the row tags starting in text[start:end]."""
        last = text.rfind(self.tag, start, end)
        if last < 0:
            return
        number = _ROW_NUMBER.search(text, last, text.find(b">", last))
        if number is not None:
            self.current = int(number.group(1))
        else:  # rows without numbers count from the one before
            self.current += text.count(self.tag, start, end)
