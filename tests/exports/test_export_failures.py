"""Exports to places that fail: the message says so and no partial file is left behind."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.exports import files
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn


def write_ledger(target: Path) -> None:
    with Ledger(target) as book:
        sheet = book.sheet("台账", "志愿服务台账", "2026年", [LedgerColumn("姓名")])
        sheet.append(["张三"])


def test_a_file_held_open_by_excel(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"the earlier export, open in Excel")

    def refuse(_src, _dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(UserError, match="文件被占用"):
        write_ledger(target)
    assert target.read_bytes() == b"the earlier export, open in Excel"
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_a_full_disk(tmp_path: Path, monkeypatch) -> None:
    from xlsxwriter import Workbook

    def full(self):
        Path(self.filename).write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "_store_workbook", full)
    with pytest.raises(UserError, match="磁盘空间不足"):
        write_ledger(tmp_path / "台账.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_vanishes_during_the_export(tmp_path: Path, monkeypatch) -> None:
    """The USB stick is pulled while the workbook is being saved."""
    from xlsxwriter import Workbook

    folder = tmp_path / "U盘"
    folder.mkdir()
    real_close = Workbook.close

    def close_then_vanish(self):
        real_close(self)
        shutil.rmtree(folder)

    monkeypatch.setattr(Workbook, "close", close_then_vanish)
    with pytest.raises(UserError, match="无法写入"):
        write_ledger(folder / "台账.xlsx")
    assert not folder.exists()


def test_a_place_that_cannot_be_a_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="无法写入"):
        write_ledger(blocker / "台账.xlsx")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_read_only_folder_simulated(tmp_path: Path, monkeypatch) -> None:
    def denied(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    with pytest.raises(UserError, match="没有写入权限"):
        write_ledger(tmp_path / "台账.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError, match="没有写入权限"):
            write_ledger(folder / "台账.xlsx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
