"""Exported file names are valid on Windows, and files land in folders with Chinese and spaces."""

import re
from pathlib import Path

import pytest

from wenming_desktop.exports.files import atomic_output, safe_filename

WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)


def valid_on_windows(name: str) -> bool:
    return (
        bool(name)
        and not re.search(r'[<>:"/\\|?*\x00-\x1f]', name)
        and not name.endswith((".", " "))
        and not WINDOWS_RESERVED.match(name)
        and len(name) <= 255
    )


@pytest.mark.parametrize(
    "raw",
    [
        "2026年第3季度工作总结_东兴村.pdf",
        "活动记录表_2026-07-15_义诊：血压/血糖测量?.pdf",
        "CON.xlsx",
        "nul",
        "结对村名册 .",
        "名册<草稿>|最终*版\t.xlsx",
        "很长的活动名称" * 40 + ".pdf",
    ],
)
def test_safe_filename_is_valid_on_windows(raw: str, tmp_path: Path) -> None:
    name = safe_filename(raw)
    assert valid_on_windows(name), name
    if raw.endswith(".pdf"):
        assert name.endswith(".pdf")
    folder = tmp_path / "导出 文件夹" / "第 1 批"
    with atomic_output(folder / name) as temp:
        temp.write_bytes(b"x")
    assert (folder / name).read_bytes() == b"x"


def test_chinese_text_is_kept() -> None:
    assert safe_filename("2026年第3季度工作总结_东兴村.pdf") == "2026年第3季度工作总结_东兴村.pdf"
