import logging
import shutil
from pathlib import Path

import pytest

from wenming_desktop.exports.pdf import fonts
from wenming_desktop.exports.pdf.font_choice import use_font_file
from wenming_desktop.resources import font_path
from wenming_desktop.services.settings.settings import PDF_FONT_KEY, get_setting, update_settings
from wenming_desktop.services.settings.workspace import Workspace


@pytest.fixture(autouse=True)
def _bundled_font_afterwards():
    yield
    use_font_file(None)


def test_bundled_font_by_default(workspace: Workspace) -> None:
    assert fonts.register_fonts() == fonts.FONT


def test_a_chosen_font_file_is_used_and_remembered(workspace: Workspace, tmp_path: Path) -> None:
    system = tmp_path / "msyh.ttc"
    shutil.copyfile(font_path(), system)
    update_settings(workspace.db, {PDF_FONT_KEY: str(system)})
    assert fonts.register_fonts() == fonts.SYSTEM_FONT
    assert get_setting(workspace.db, PDF_FONT_KEY) == str(system)
    update_settings(workspace.db, {PDF_FONT_KEY: ""})
    assert fonts.register_fonts() == fonts.FONT


def test_missing_or_damaged_font_falls_back_to_the_bundled_one(
    workspace: Workspace, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    update_settings(workspace.db, {PDF_FONT_KEY: str(tmp_path / "gone.ttc")})
    assert fonts.register_fonts() == fonts.FONT
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes(b"not a font" * 100)
    with caplog.at_level(logging.ERROR):
        update_settings(workspace.db, {PDF_FONT_KEY: str(damaged)})
        assert fonts.register_fonts() == fonts.FONT
    assert "cannot be embedded" in caplog.text
