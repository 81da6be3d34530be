"""Name fields say when a character cannot be shown by the window's fonts."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog
from wenming_desktop.ui.widgets.glyph_hint import missing_in_window


def test_rare_characters_show_and_a_missing_one_is_named(qtbot, prepared_app: QApplication) -> None:
    assert missing_in_window("李䶮𠮷") == []  # Extension A and B: the bundled fallback fonts
    dialog = VolunteerDialog(lambda data: None, {})
    qtbot.addWidget(dialog)
    dialog.name.setText("李䶮𠮷")
    assert dialog.name_hint.text() == ""
    dialog.name.setText("王\ue000")  # a private-use character: in no font
    assert "U+E000" in dialog.name_hint.text() and "“\ue000”" in dialog.name_hint.text()
    dialog.name.setText("王五")
    assert dialog.name_hint.text() == ""


def test_resident_dialog_names_the_character(qtbot, prepared_app: QApplication) -> None:
    dialog = ResidentDialog(lambda data: 1, ResidentData(1, "张\ue000"), "东村")
    qtbot.addWidget(dialog)
    assert "U+E000" in dialog.name_hint.text()
