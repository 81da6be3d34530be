"""The font PDFs embed: the bundled one unless the settings name a readable font file."""

import logging
import shutil
from pathlib import Path

import pytest

from wenming_desktop.exports.pdf import fonts
from wenming_desktop.exports.pdf.font_choice import use_font_file
from wenming_desktop.resources import font_path
from wenming_desktop.runtime import apply_pdf_font
from wenming_desktop.services.settings.settings import PDF_FONT_KEY, get_setting, update_settings
from wenming_desktop.services.settings.workspace import Workspace


@pytest.fixture(autouse=True)
def _bundled_font_afterwards():
    yield
    use_font_file(None)


def choose(workspace: Workspace, font_file: str) -> Path | None:
    """What 设置 → 单位信息 does: save the setting, then apply it to the process."""
    update_settings(workspace.db, {PDF_FONT_KEY: font_file})
    return apply_pdf_font(workspace.db)


def test_bundled_font_by_default(workspace: Workspace) -> None:
    assert apply_pdf_font(workspace.db) is None
    assert fonts.register_fonts() == fonts.FONT


def test_a_chosen_font_file_is_used_and_remembered(workspace: Workspace, tmp_path: Path) -> None:
    system = tmp_path / "msyh.ttc"
    shutil.copyfile(font_path(), system)
    assert choose(workspace, str(system)) == system
    assert fonts.register_fonts() == fonts.SYSTEM_FONT
    assert get_setting(workspace.db, PDF_FONT_KEY) == str(system)
    assert choose(workspace, "") is None
    assert fonts.register_fonts() == fonts.FONT


def test_missing_or_damaged_font_falls_back_to_the_bundled_one(
    workspace: Workspace, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert choose(workspace, str(tmp_path / "gone.ttc")) is None
    assert "not found" in caplog.text
    assert fonts.register_fonts() == fonts.FONT
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes(b"not a font" * 100)
    with caplog.at_level(logging.ERROR):
        choose(workspace, str(damaged))
        assert fonts.register_fonts() == fonts.FONT
    assert "cannot be embedded" in caplog.text
