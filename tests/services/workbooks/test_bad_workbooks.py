"""Bad import files through the real import use cases: a Chinese UserError naming the file, what
is wrong and what to do; nothing written; bombs refused before anything is inflated."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests import bad_workbooks as bad
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.checkups import resident_import
from wenming_desktop.services.roster import registry, roster_import
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import list_villages
from wenming_desktop.services.workbooks import sheet_reader

Maker = Callable[[Path], Path]
# (name, maker, expected text, refused before openpyxl opens the file)
BAD_FILES: list[tuple[str, Maker, str, bool]] = [
    ("truncated", bad.truncated, "文件已损坏或不完整", True),
    ("random bytes", bad.random_bytes, "文件已损坏，或者不是 Excel 工作簿", True),
    ("damaged member", bad.bad_member_crc, "文件已损坏，无法读取", False),
    ("60,000 members", bad.many_members, "文件内部有 60000 个部件", True),
    ("docx", bad.docx, "这是 Word 文档（.docx）", True),
    ("pdf", bad.pdf, "这是 PDF 文件", True),
    ("text", bad.text, "这是文本文件", True),
    ("empty old xls", bad.old_xls, "中没有工作表", True),
    ("zip bomb", bad.zip_bomb, "压缩炸弹", True),
    ("lying zip bomb", lambda p: bad.zip_bomb(p, 1.0, declared=5000), "文件已损坏", False),
    ("entity bomb in sheet", lambda p: bad.entity_bomb(p, bad.SHEET_PART), "XML 实体定义", False),
    (
        "entity bomb in strings",
        lambda p: bad.entity_bomb(p, bad.SHARED_STRINGS),
        "XML 实体定义",
        False,
    ),
    ("million junk rows", bad.million_junk_rows, "上限 100000 行", False),
    (
        "password",
        bad.password_protected,
        "文件设有打开密码，请在Excel中取消密码后另存为.xlsx再导入",
        True,
    ),
    ("wrong sheet", bad.wrong_sheets, "工作表“统计”、“说明”", False),
]


def dump(ws: Workspace) -> list[str]:
    """Every row of every table, as SQL text."""
    conn = sqlite3.connect(f"file:{ws.folder.database}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


class _CountingDecompressor:
    def __init__(self, inner: Any, counter: list[int]) -> None:
        self._inner, self._counter = inner, counter

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length)
        self._counter[0] += len(out)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture
def inflated(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Bytes inflated from any zip member while the test runs."""
    counter = [0]
    original = zipfile._get_decompressor  # type: ignore[attr-defined]  # private, stable since 3.3

    def counting(compress_type: int) -> Any:
        inner = original(compress_type)
        return None if inner is None else _CountingDecompressor(inner, counter)

    monkeypatch.setattr(zipfile, "_get_decompressor", counting)
    return counter


def importers(ws: Workspace) -> list[tuple[str, Callable[[Path], object]]]:
    village = list_villages(ws.db)[0].id
    return [
        ("roster", lambda p: roster_import.plan_import(ws.db, p)),
        ("residents", lambda p: resident_import.read_residents(ws.db, p, village)),
        ("registry", lambda p: registry.plan_registry(ws.db, p)),
    ]


@pytest.mark.parametrize(
    ("maker", "expected", "before_openpyxl"),
    [pytest.param(m, e, b, id=n) for n, m, e, b in BAD_FILES],
)
def test_bad_file_is_refused_and_nothing_written(
    demo_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    inflated: list[int],
    maker: Maker,
    expected: str,
    before_openpyxl: bool,
) -> None:
    path = maker(tmp_path / "名单 2026.xlsx")
    inflated[0] = 0  # making the file may have read zips
    if before_openpyxl:

        def never(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("openpyxl opened a file the guard should have refused")

        monkeypatch.setattr(sheet_reader, "_Reader", never)
    before = dump(demo_workspace)
    for importer, call in importers(demo_workspace):
        with pytest.raises(UserError) as caught:
            call(path)
        message = caught.value.message
        assert expected in message, (importer, message)
        assert "名单 2026.xlsx" in message, message
        assert "请" in message, message  # says what to do
    assert dump(demo_workspace) == before
    assert inflated[0] < 16 * 1024 * 1024  # three reads; a bomb would inflate gigabytes


def test_openpyxl_parses_with_defusedxml() -> None:
    from defusedxml import ElementTree as defused
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse is defused.iterparse
    assert functions.fromstring is defused.fromstring


def test_million_formatted_rows_are_skipped_without_parsing_them(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.worksheet._reader import WorkSheetParser

    path = bad.million_formatted_rows(tmp_path / "花名册.xlsx")
    parsed = [0]
    original = WorkSheetParser.parse_row

    def counting(self: WorkSheetParser, row: Any) -> Any:
        parsed[0] += 1
        return original(self, row)

    monkeypatch.setattr(WorkSheetParser, "parse_row", counting)
    plan = roster_import.plan_import(workspace.db, path)
    assert [r.values[1] for r in plan.preview.rows] == ["职工2", "职工3", "职工4"]
    assert parsed[0] < 100  # header scan and three rows, not 1,048,576


def test_the_formula_pass_runs_only_when_the_sheet_has_formulas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[bool] = []
    original = sheet_reader._open

    def counting(path: Path, source: Path, stack: Any, data_only: bool = True) -> Any:
        opened.append(data_only)
        return original(path, source, stack, data_only)

    monkeypatch.setattr(sheet_reader, "_open", counting)
    plain = bad.good_workbook(tmp_path / "plain.xlsx", rows=20)
    assert len(sheet_reader.read_sheet(plain, roster_import.HR_FIELDS).rows) == 20
    assert opened == [True]
    book = openpyxl.Workbook()
    book.active.append(bad.HR_HEADER)
    book.active.append(['="张"&"三"', "B1", "内科", "13900000001"])
    book.save(tmp_path / "formula.xlsx")
    opened.clear()
    result = sheet_reader.read_sheet(tmp_path / "formula.xlsx", roster_import.HR_FIELDS)
    assert opened == [True, False]
    assert "公式没有保存计算结果" in result.problems[0].reason


PREFIXED = (
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<x:sheetData>"
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c></x:row>'
    '<x:row r="2"><x:c r="A2"><x:v/></x:c></x:row>'
    '<x:row r="7"><x:c r="A7"><x:f t="shared" si="0"/><x:v>3</x:v></x:c></x:row>'
    '<x:row r="8"><x:c r="A8" s="1"/></x:row>'
    "</x:sheetData></x:worksheet>"
)
UNNUMBERED = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + "<row><c><v>1</v></c></row>" * 5
    + "<row><c/></row>" * 3
    + "</sheetData></worksheet>"
)


@pytest.mark.parametrize("block", [1 << 20, 7])  # 7 bytes: every tag split across blocks
def test_sheet_scan_finds_formulas_and_the_last_row_with_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    from wenming_desktop.services.workbooks import sheet_scan

    monkeypatch.setattr(sheet_scan, "BLOCK", block)
    path = bad.replace_part(bad.good_workbook(tmp_path / "a.xlsx"), bad.SHEET_PART, b"")
    bad.replace_part(path, bad.SHEET_PART, PREFIXED.encode())
    scan = sheet_scan.scan_sheet(path, bad.SHEET_PART, "花名册", 1, 100)
    assert scan == sheet_scan.SheetScan(has_formulas=True, last_row=7, content_rows=1)
    bad.replace_part(path, bad.SHEET_PART, UNNUMBERED.encode())
    scan = sheet_scan.scan_sheet(path, bad.SHEET_PART, "花名册", 1, 100)
    assert scan == sheet_scan.SheetScan(has_formulas=False, last_row=5, content_rows=4)
    with pytest.raises(UserError, match="上限 3 行（第 5 行仍有内容）"):
        sheet_scan.scan_sheet(path, bad.SHEET_PART, "花名册", 1, 3)


@pytest.mark.parametrize("name", ["花名册.xls", "花名册", "花名册.et"])
def test_a_real_workbook_under_another_name_is_read(tmp_path: Path, name: str) -> None:
    """The guard judges the content, so an .xlsx saved as .xls or without extension reads."""
    path = bad.good_workbook(tmp_path / "a.xlsx", rows=2).rename(tmp_path / name)
    assert len(sheet_reader.read_sheet(path, roster_import.HR_FIELDS).rows) == 2
