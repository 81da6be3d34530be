"""A fast pass over one sheet's XML before openpyxl reads its rows.

Streams the sheet part through zipfile in blocks (never holding it whole) and finds, with byte
regexes: whether any cell holds a formula (only then must the reader look at the formulas as well
as the saved values), and the last row holding a value or formula (so the reader stops there
instead of walking a million formatted but empty rows). More than `max_rows` rows with content
below the header is refused at once, naming the limit. Bytes inflated are bounded. No Qt here.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from wenming_desktop.domain.errors import UserError

from .workbook_guard import BROKEN, MAX_SHEET_BYTES, entity_declarations, translate

BLOCK = 1 << 20
_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
_FORMULA = re.compile(_PREFIX + rb"f[\s>/]")
# A row start, or content in a cell: a non-empty <v>, an inline string, a formula.
_TOKEN = re.compile(_PREFIX + rb"(?:(row)\b([^>]*)|v>(?!<)|is>|f[\s>/])")
_ROW = re.compile(_PREFIX + rb"row\b")
_ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"'](\d+)")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)")


@dataclass(frozen=True)
class SheetScan:
    has_formulas: bool
    last_row: int  # the last row with a value or formula; 0 when none
    content_rows: int  # rows with a value or formula below `after_row`


def scan_sheet(path: Path, part: str, sheet: str, after_row: int, max_rows: int) -> SheetScan:
    """Scan sheet XML `part` of workbook `path`; UserError past `max_rows` rows of content."""
    scanner = _Scanner(after_row)
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as source:
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
                if scanner.content_rows > max_rows:
                    raise UserError(
                        f"工作表“{sheet}”表头以下有内容的行超过 {max_rows} 行（已读到第 "
                        f"{scanner.current} 行），超过一次导入的上限 {max_rows} 行。请删除表格"
                        "末尾多余的行（包括只有空格或格式的行），或分成几个文件导入"
                    )
            scanner.feed(carry)
    except UserError:
        raise
    except BROKEN as exc:
        raise translate(path, exc) from None
    return SheetScan(scanner.formulas, scanner.last_row, scanner.content_rows)


class _Scanner:
    def __init__(self, after_row: int) -> None:
        self.after_row = after_row
        self.current = 0
        self.last_row = 0
        self.content_rows = 0
        self.formulas = False

    def feed(self, text: bytes) -> None:
        if not self.formulas and _FORMULA.search(text):
            self.formulas = True
        position = 0
        while match := _TOKEN.search(text, position):
            if match.group(1):  # a row starts
                number = _ROW_NUMBER.search(match.group(2))
                self.current = int(number.group(1)) if number else self.current + 1
                position = match.end()
                continue
            if self.current != self.last_row:  # the first content of this row
                self.last_row = self.current
                if self.current > self.after_row:
                    self.content_rows += 1
            following = _ROW.search(text, match.end())  # the rest of this row does not matter
            if following is None:
                break
            position = following.start()
