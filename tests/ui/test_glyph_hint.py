"""Name fields say which character will not print or show, and the hint is shown whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget

from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.domain.villages import VillageData
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.dialogs.village_dialog import VillageDialog
from wenming_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog
from wenming_desktop.ui.widgets.glyph_hint import missing_in_window

PRIVATE = "张\ue000"  # a private-use character: in no font
EXT_G = "周\U00030000"  # CJK Extension G: in no bundled font


def test_rare_characters_show_and_a_missing_one_is_named(qtbot, prepared_app: QApplication) -> None:
    assert missing_in_window("李䶮𠮷") == []  # Extension A and B: the bundled fallback fonts
    dialog = VolunteerDialog(lambda data: None, {})
    qtbot.addWidget(dialog)
    dialog.name.setText("李䶮𠮷")
    assert dialog.name_hint.text() == ""
    dialog.name.setText("王\ue000")
    assert "U+E000" in dialog.name_hint.text() and "“\ue000”" in dialog.name_hint.text()
    assert "打印证明、签到表等时会被拒绝" in dialog.name_hint.text()  # the PDF fonts' rule
    dialog.name.setText("王五")
    assert dialog.name_hint.text() == ""


def test_resident_dialog_names_the_character(qtbot, prepared_app: QApplication) -> None:
    dialog = ResidentDialog(lambda data: 1, ResidentData(1, PRIVATE), "东村")
    qtbot.addWidget(dialog)
    assert "U+E000" in dialog.name_hint.text()


DIALOGS: dict[str, Callable[[str], QDialog]] = {
    "volunteer": lambda name: VolunteerDialog(lambda data: None, {}),
    "resident": lambda name: ResidentDialog(lambda data: 1, ResidentData(1, name), "东兴村"),
    "village": lambda name: VillageDialog(lambda data: None, VillageData(name=name)),
}


def _in_dialog(dialog: QDialog, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def _assert_whole(dialog: QDialog, label: QLabel) -> None:
    """The hint gets the height its text needs at its width, inside the dialog, and no other
    field gave up height or was pushed out for it."""
    assert "U+" in label.text()
    assert label.height() >= label.heightForWidth(label.width()), (
        label.height(),
        label.heightForWidth(label.width()),
    )
    assert dialog.rect().contains(_in_dialog(dialog, label))
    for field in dialog.findChildren(QLineEdit):
        if field.isVisible() and not field.objectName().startswith("qt_"):  # a date's own
            assert field.height() >= field.minimumSizeHint().height()
            assert dialog.rect().contains(_in_dialog(dialog, field))
            assert not _in_dialog(dialog, field).intersects(_in_dialog(dialog, label))


@pytest.mark.parametrize("kind", sorted(DIALOGS))
@pytest.mark.parametrize("name", [PRIVATE, EXT_G], ids=["private-use", "extension-g"])
def test_the_hint_fits_a_dialog_at_its_default_size(
    qtbot, prepared_app: QApplication, kind: str, name: str
) -> None:
    """Typed into a dialog already open at its default size: the dialog grows to show the
    whole hint (three lines in the volunteer dialog's half-width column)."""
    dialog = DIALOGS[kind]("")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    default = dialog.size()
    dialog.name.setText(name)  # type: ignore[attr-defined]
    QApplication.processEvents()
    label: QLabel = dialog.name_hint  # type: ignore[attr-defined]
    _assert_whole(dialog, label)
    assert dialog.width() == default.width()  # grew down, not sideways
    lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
    assert lines >= 2  # the case that was clipped: a hint of several lines


@pytest.mark.parametrize("kind", ["resident", "village"])
def test_a_dialog_opened_on_such_a_name_shows_the_hint_whole(
    qtbot, prepared_app: QApplication, kind: str
) -> None:
    dialog = DIALOGS[kind](EXT_G)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _assert_whole(dialog, dialog.name_hint)  # type: ignore[attr-defined]
