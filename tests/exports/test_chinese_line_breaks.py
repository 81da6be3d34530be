"""Chinese line breaking in PDFs: no line starts with a closing mark, none ends with an opening
one; read back from the rendered PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from wenming_desktop.exports.pdf.fonts import styles
from wenming_desktop.exports.pdf.linebreak import (
    CANNOT_END,
    CANNOT_START,
    CJKParagraph,
    line_end,
    may_break,
)

TEN = "一二三四五六七八九十"  # exactly one line of the test column


def _lines(paragraph_class: type, text: str, tmp_path: Path, name: str) -> list[str]:
    """The paragraph drawn in a column ten body characters wide, its lines read back."""
    style = styles()["body"]
    column = 10 * style.fontSize + 12 + 0.5  # the frame pads 6 points each side
    margin = (A4[0] - column) / 2
    pdf = tmp_path / f"{name}.pdf"
    doc = SimpleDocTemplate(str(pdf), pagesize=A4, leftMargin=margin, rightMargin=margin)
    doc.build([paragraph_class(text, style)])
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("mark", ["，", "。", "；", "：", "、", "）", "」", "？", "！", "》", "”"])
def test_a_closing_mark_never_starts_a_line(mark: str, tmp_path: Path) -> None:
    text = f"{TEN}{mark}之后的文字继续写下去，再写一行。"
    plain = _lines(Paragraph, text, tmp_path, "plain")
    ours = _lines(CJKParagraph, text, tmp_path, "ours")
    assert "".join(ours) == text
    assert all(line[0] not in CANNOT_START for line in ours[1:]), ours
    assert ours[0] == TEN[:-1]  # the last character went down with the mark
    if mark in "，；：？！”》":  # reportlab alone lets these start a line
        assert plain[1].startswith(mark), plain


@pytest.mark.parametrize("mark", ["（", "《", "“", "「"])
def test_an_opening_mark_never_ends_a_line(mark: str, tmp_path: Path) -> None:
    text = f"一二三四五六七八九{mark}十一十二{'）》”」'['（《“「'.index(mark)]}"
    plain = _lines(Paragraph, text, tmp_path, "plain")
    ours = _lines(CJKParagraph, text, tmp_path, "ours")
    assert plain[0].endswith(mark)
    assert all(line[-1] not in CANNOT_END for line in ours), ours
    assert ours[1].startswith(mark)


def test_doubled_marks_stay_together_and_numbers_are_not_cut(tmp_path: Path) -> None:
    ours = _lines(CJKParagraph, "一二三四五六七八九——十一二三", tmp_path, "dash")
    assert ours[0] == "一二三四五六七八九" and ours[1].startswith("——")
    dated = _lines(CJKParagraph, "一二三四五六七于2026年召开", tmp_path, "date")
    assert dated[0] == "一二三四五六七于" and dated[1] == "2026年召开"


def test_rules() -> None:
    assert not may_break("好，", 1) and not may_break("（好", 1) and may_break("好好", 1)
    assert not may_break("……", 1)
    assert line_end("，，，，", 0, 2) == 2  # nothing but marks: cut where it overflows
    assert line_end("一二三，", 0, 3) == 2


def test_every_pdf_paragraph_is_a_cjk_paragraph() -> None:
    """No module draws reportlab's Paragraph directly: each imports linebreak's."""
    import ast

    import wenming_desktop

    root = Path(wenming_desktop.__file__).parent
    direct = []
    for path in root.rglob("*.py"):
        if path.name == "linebreak.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("reportlab.platypus")
                and any(alias.name == "Paragraph" for alias in node.names)
            ):
                direct.append(str(path.relative_to(root)))
    assert direct == []
