"""Reading messy Excel sheets (HR rosters, resident lists, registry exports) into plain rows.

Real sheets have title rows and merged headers above the column names, column names in varying
wording, full-width characters, formulas, and blank rows at the end. `read_sheet` finds the header
row by matching each field's aliases, returns every non-blank data row with its Excel row number,
and leaves judging the values to the caller, who uses the `cell_*` helpers: each returns the clean
value or raises UserError whose message is the Chinese reason, to be recorded as a `Problem` at
that sheet / row / column. No Qt here.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import normalize_mobile, parse_id_number
from wenming_desktop.services.workbooks.sheet_scan import scan_sheet
from wenming_desktop.services.workbooks.workbook_guard import BROKEN, check_workbook, translate

HEADER_SCAN_ROWS = 30  # title rows and merged headers sit above the column names
HEADER_SCAN_COLUMNS = 200  # a header further right is not a roster's
_EXCEL_EPOCH = datetime(1899, 12, 30)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a sheet: row is the Excel row number, column the header as found."""

    sheet: str
    row: int
    column: str
    reason: str

    @property
    def text(self) -> str:
        where = f"工作表“{self.sheet}”第{self.row}行"
        if self.column:
            where += f"“{self.column}”"
        return f"{where}：{self.reason}"


@dataclass(frozen=True)
class FieldSpec:
    """A field the caller wants: its key, its display label and the header wordings accepted."""

    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


@dataclass
class SheetRows:
    """The data rows of one sheet; `columns` maps field key → header text as found."""

    sheet: str
    header_row: int
    columns: dict[str, str]
    rows: list[tuple[int, dict[str, Any]]]
    problems: list[Problem] = field(default_factory=list)

    def problem(self, row: int, key: str, reason: str) -> Problem:
        """A Problem at `row` in the column of field `key` (or with no column when key is "")."""
        return Problem(self.sheet, row, self.columns.get(key, key), reason)


def normalize_header(text: str) -> str:
    """Header text for matching: NFKC, no whitespace, no marks like * or a trailing colon."""
    clean = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s*:：_\-]+", "", clean)


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        return text or None
    return value


class _UnsizedSheet(ReadOnlyWorksheet):
    """openpyxl's read-only sheet without its size probe: on a sheet with no <dimension> (as
    openpyxl's own write-only mode and many HR systems write them) the probe parses the whole
    sheet, since iterparse reports <sheetData> only at its end. read_sheet passes its own
    bounds."""

    def _get_size(self) -> None:
        return None


class _Reader(ExcelReader):
    """openpyxl's reader in read-only mode, making worksheets only (no chartsheets) unsized."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                ws = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state or "visible"  # the file format's default
                self.wb._sheets.append(ws)  # type: ignore[attr-defined]  # as openpyxl's reader does


def _open(path: Path, stack: ExitStack, data_only: bool = True) -> Any:
    """The workbook, read-only, closed with `stack`; the file passed the guard's checks, so its
    name need not end in .xlsx (openpyxl refuses other names when given a path, not a file)."""
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115  # closed by the stack
        reader = _Reader(handle, read_only=True, data_only=data_only, keep_links=False)
        reader.read()
    except BROKEN as exc:
        raise translate(path, exc) from None
    stack.callback(reader.wb.close)
    return reader.wb


def _rows(path: Path, book: Any, name: str, **bounds: int) -> Iterator[tuple[Any, ...]]:
    """Rows of values of sheet `name`; what openpyxl raises on a damaged sheet → UserError."""
    try:
        yield from book[name].iter_rows(values_only=True, **bounds)
    except BROKEN as exc:
        raise translate(path, exc) from None


def _match_columns(
    header: Sequence[str | None], fields: Sequence[FieldSpec]
) -> dict[str, tuple[int, str]]:
    """field key → (column index, header text): exact alias matches first, then containment."""
    normalized = [normalize_header(h) if h else "" for h in header]
    taken: set[int] = set()
    found: dict[str, tuple[int, str]] = {}
    for exact in (True, False):
        for spec in fields:
            if spec.key in found:
                continue
            aliases = sorted((normalize_header(a) for a in spec.aliases), key=len, reverse=True)
            for index, text in enumerate(normalized):
                if not text or index in taken:
                    continue
                hit = text in aliases if exact else any(a in text for a in aliases)
                if hit:
                    found[spec.key] = (index, str(header[index]).strip())
                    taken.add(index)
                    break
    return found


def _header_candidates(top: list[tuple[Any, ...]]) -> list[tuple[int, list[str | None]]]:
    """Each row as a header, its empty cells filled from the row above (a merged header cell)."""
    candidates = []
    for i, row in enumerate(top):
        above = top[i - 1] if i > 0 else ()
        cells: list[str | None] = []
        for j, value in enumerate(row):
            text = value.strip() or None if isinstance(value, str) else None
            if text is None and j < len(above) and isinstance(above[j], str):
                text = above[j].strip() or None
            cells.append(text)
        candidates.append((i + 1, cells))
    return candidates


def _find_header(
    rows: list[tuple[Any, ...]], fields: Sequence[FieldSpec]
) -> tuple[int, dict[str, tuple[int, str]]] | None:
    best: tuple[int, dict[str, tuple[int, str]]] | None = None
    for row_number, cells in _header_candidates(rows):
        found = _match_columns(cells, fields)
        if len(found) >= 2 and (best is None or len(found) > len(best[1])):
            best = (row_number, found)
    return best


def read_sheet(
    path: Path | str,
    fields: Sequence[FieldSpec],
    sheet_name: str | None = None,
    max_rows: int = 100_000,
) -> SheetRows:
    """Read the first sheet (or `sheet_name`) whose header matches `fields`.

    Raises UserError when the file is not a workbook (or is damaged, locked, a zip or XML bomb:
    see workbook_guard), the sheet is missing, no header row matches, a required column is
    absent, or more than `max_rows` rows below the header hold anything.
    """
    path = Path(path)
    check_workbook(path)
    with ExitStack() as stack:
        book = _open(path, stack)
        names = book.sheetnames
        if not names:
            raise UserError(
                f"“{path.name}”中没有工作表（只有图表或为空），请选择人员名单所在的工作簿"
            )
        if sheet_name is not None and sheet_name not in names:
            raise UserError(f"“{path.name}”中没有名为“{sheet_name}”的工作表")
        chosen = _choose_sheet(path, book, [sheet_name] if sheet_name else names, fields)
        name, header_row, found = chosen
        missing = [f.label for f in fields if f.required and f.key not in found]
        if missing:
            raise UserError(
                f"工作表“{name}”第{header_row}行的表头缺少必需的列：{'、'.join(missing)}"
            )
        result = SheetRows(name, header_row, {k: text for k, (_i, text) in found.items()}, [])
        scan = scan_sheet(path, book[name]._worksheet_path, name, header_row, max_rows)
        if scan.last_row <= header_row:
            return result
        bounds = {
            "min_row": header_row + 1,
            "max_row": scan.last_row,
            "max_col": max(i for i, _t in found.values()) + 1,
        }
        values_iter = _rows(path, book, name, **bounds)
        raw_iter: Iterator[tuple[Any, ...]] = itertools.repeat(())
        if scan.has_formulas:  # only then look for formulas whose result was never saved
            raw_iter = _rows(path, _open(path, stack, data_only=False), name, **bounds)
        _collect(result, zip(values_iter, raw_iter, strict=False), found, max_rows)
        return result


def _choose_sheet(
    path: Path, book: Any, names: Sequence[str], fields: Sequence[FieldSpec]
) -> tuple[str, int, dict[str, tuple[int, str]]]:
    """The first sheet whose top rows hold a header matching `fields`; UserError if none."""
    for name in names:
        top = list(_rows(path, book, name, max_row=HEADER_SCAN_ROWS, max_col=HEADER_SCAN_COLUMNS))
        header = _find_header(top, fields)
        if header is not None:
            return (name, *header)
    labels = "、".join(f.label for f in fields)
    sheets = "、".join(f"“{n}”" for n in names)
    raise UserError(
        f"“{path.name}”中找不到表头行：工作表{sheets}的前{HEADER_SCAN_ROWS}行里都没有一行"
        f"包含以下列名中的至少两个：{labels}。请确认选择的是正确的文件和工作表"
    )


def _collect(
    result: SheetRows,
    rows: Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]],
    found: dict[str, tuple[int, str]],
    max_rows: int,
) -> None:
    """Append each non-blank data row to `result`; a formula without a saved result is a
    problem."""
    name = result.sheet
    for offset, (values, raw) in enumerate(rows):
        excel_row = result.header_row + 1 + offset
        record: dict[str, Any] = {}
        for key, (index, _text) in found.items():
            value = _clean_value(values[index]) if index < len(values) else None
            source = raw[index] if index < len(raw) else None
            if value is None and isinstance(source, str) and source.startswith("="):
                result.problems.append(
                    Problem(
                        name,
                        excel_row,
                        result.columns[key],
                        "公式没有保存计算结果，请在 Excel 中打开该文件并保存后再导入",
                    )
                )
            record[key] = value
        if all(v is None for v in record.values()):
            continue  # blank (often trailing) rows
        if len(result.rows) >= max_rows:
            raise UserError(f"工作表“{name}”的数据超过 {max_rows} 行，请分批导入")
        result.rows.append((excel_row, record))


# Cell helpers: each returns the clean value or raises UserError carrying the Chinese reason.


def cell_text(value: Any) -> str:
    """Any cell as clean text ("" when empty); 12.0 → "12"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


_DATE_TEXT = re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$")
_DATE_DIGITS = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _excel_serial(number: float) -> date:
    if not 1 <= number < 80000:  # 1900-01-01 … 2119
        raise UserError(f"“{number:g}”不像日期：Excel 日期序号应在 1 到 80000 之间")
    return (_EXCEL_EPOCH + timedelta(days=int(number))).date()


def cell_date(value: Any) -> date | None:
    """A date from a datetime, an Excel serial, or text such as 1985.03.02 / 1985年3月2日."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise UserError(f"“{value}”不是日期")
    if isinstance(value, int | float):
        return _excel_serial(float(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE_TEXT.match(text) or _DATE_DIGITS.match(text)
    if match is None and re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _excel_serial(float(text))
    if match is None:
        raise UserError(f"无法识别日期“{text}”，请写成 1985-03-02 或 1985年3月2日 的形式")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise UserError(f"日期“{text}”不存在（{year}年{month}月{day}日）") from None


def cell_id_number(value: Any) -> str | None:
    """A checked ID number (upper-case X), None when empty; a number cell is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise UserError(
            "身份证号以数字格式保存，Excel 只保留15位有效数字，后几位已丢失；"
            "请把该列设为“文本”格式后重新录入该号码"
        )
    text = unicodedata.normalize("NFKC", str(value)).replace(" ", "").strip()
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):
        raise UserError("身份证号显示为科学计数法（如1.10105E+17），号码已丢失，请重新录入")
    return parse_id_number(text).number


def cell_mobile(value: Any) -> str:
    """An 11-digit mainland mobile ("" when empty); a mobile stored as a number is fine."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_mobile(str(value))


@dataclass(frozen=True)
class PreviewRow:
    """One row of an import preview: its Excel row, what will happen, the values shown."""

    row: int
    action: str  # one of ACTION_NEW / ACTION_UPDATE / ACTION_ERROR
    values: tuple[str, ...]


ACTION_NEW = "新增"
ACTION_UPDATE = "更新"
ACTION_ERROR = "有错误"


@dataclass
class ImportPreview:
    """What an import would do, for the preview dialog and the command line report."""

    columns: tuple[str, ...]
    rows: list[PreviewRow]
    problems: list[Problem]

    @property
    def valid_count(self) -> int:
        return sum(1 for r in self.rows if r.action != ACTION_ERROR)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.action == ACTION_ERROR)
