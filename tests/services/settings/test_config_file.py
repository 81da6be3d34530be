"""config.json edited by hand: a BOM is accepted, anything unreadable is one Chinese line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wenming_desktop.cli import main
from wenming_desktop.config import CONFIG_FILENAME, DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.settings.server_connection import saved_address

URL = "postgresql+psycopg://clerk:secret@10.0.0.5:5432/wenming"


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path)
    text = json.dumps({"database_url": URL})
    (tmp_path / CONFIG_FILENAME).write_bytes("\ufeff".encode() + text.encode())
    assert folder.database_url() == URL
    address = saved_address(folder)
    assert address is not None and address.host == "10.0.0.5"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('["x"]', "内容应为一个"),
        ('{"database_url": "a",\n  oops}', "第 2 行第 3 列"),
        ('{"database_url": 5}', "database_url 应为文字"),
    ],
)
def test_an_unreadable_file_is_one_chinese_line(
    tmp_path: Path, content: str, expected: str
) -> None:
    (tmp_path / CONFIG_FILENAME).write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        DataFolder(tmp_path).database_url()
    message = str(raised.value)
    assert expected in message and CONFIG_FILENAME in message
    assert "\n" not in message and "Expecting" not in message


def test_not_utf8_is_said(tmp_path: Path) -> None:
    (tmp_path / CONFIG_FILENAME).write_bytes('{"a": "数据"}'.encode("gbk"))
    with pytest.raises(UserError, match="不是 UTF-8"):
        DataFolder(tmp_path).database_url()


def test_the_command_line_says_it_without_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / CONFIG_FILENAME).write_text('["x"]', encoding="utf-8")
    code = main(["--data-dir", str(tmp_path), "check"])
    out = capsys.readouterr()
    assert code == 1
    assert "内容应为一个" in out.err + out.out
    assert "内部错误" not in out.err + out.out and "AttributeError" not in out.err + out.out
