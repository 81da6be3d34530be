"""The first-start dialog driven with qtbot; the About dialog reached from the main window."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from wenming_desktop import __version__
from wenming_desktop.licenses import BUNDLED
from wenming_desktop.services.settings.first_start import needs_first_start
from wenming_desktop.services.settings.settings import get_settings
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.services.villages.villages import list_villages
from wenming_desktop.ui.dialogs.about import AboutDialog
from wenming_desktop.ui.dialogs.first_start import FirstStartDialog
from wenming_desktop.ui.main_window import PAGES
from wenming_desktop.ui.opening import offer_first_start
from wenming_desktop.ui.selftest import check_main_window

SHOTS = Path("/tmp/shots-first-start")


@pytest.fixture
def dialog(qtbot, prepared_app, workspace: Workspace) -> FirstStartDialog:
    dialog = FirstStartDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_first_start_saves_unit_and_villages(dialog, qtbot, workspace) -> None:
    assert str(workspace.folder.root) in dialog.intro.text()
    dialog.hospital.setText("鹤岗市中医院")
    dialog.office.setText("党办")
    dialog.villages.setPlainText("萝北县肇兴镇东兴村\n萝北县肇兴镇胜利村")
    if SHOTS.exists():
        dialog.grab().save(str(SHOTS / "first-start.png"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.choice == "setup"
    assert get_settings(workspace.db)["office_name"] == "党办"
    assert [v.name for v in list_villages(workspace.db)] == [
        "萝北县肇兴镇东兴村",
        "萝北县肇兴镇胜利村",
    ]


def test_first_start_without_hospital_stays_open(dialog, qtbot, workspace) -> None:
    qtbot.keyClicks(dialog.villages, "dxc")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "医院名称" in dialog.error.text()
    assert needs_first_start(workspace.db)


def test_first_start_loads_demo_data(dialog, qtbot, workspace) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
        assert not dialog.start_button.isEnabled()
    assert dialog.choice == "demo"
    demo = dialog.demo_workspace
    try:
        assert demo.folder.root == workspace.folder.root.with_name("数据 文件夹-演示数据")
        assert len(list_villages(demo.db)) == 4
    finally:
        demo.close()
    assert needs_first_start(workspace.db)  # the clerk's own folder stays empty


def test_later_closes_without_writing(dialog, qtbot, workspace) -> None:
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Rejected
    assert needs_first_start(workspace.db)


def test_about_dialog_from_the_main_window(window, qtbot, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(window.about_button, Qt.MouseButton.LeftButton)
    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    text = " ".join(label.text() for label in about.findChildren(type(about.folder_label)))
    assert __version__ in text
    assert about.folder_label.text() == str(window.context.workspace.folder.root)
    assert about.parts.count() == len(BUNDLED)
    assert "Apache License" in about.licence_text.toPlainText()  # the font comes first
    if SHOTS.exists():
        about.grab().save(str(SHOTS / "about.png"))
    for row, part in enumerate(BUNDLED):
        about.parts.setCurrentRow(row)
        assert about.licence_text.toPlainText() == part.text()
        assert len(part.text()) > 500, part.name
    qtbot.mouseClick(about.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(window.context.workspace.folder.root)]
    about.close()


def test_selftest_window_check_in_process(prepared_app, demo_workspace) -> None:
    summary = check_main_window(demo_workspace)
    assert f"{len(PAGES)} 个页面均已打开" in summary
    assert f"{len(BUNDLED)} 个组件" in summary


def test_run_gui_offers_first_start_on_an_empty_folder(
    qtbot, prepared_app, workspace, when_dialog_opens
) -> None:
    seen: list[FirstStartDialog] = []

    def fill_in(dialog) -> None:
        assert isinstance(dialog, FirstStartDialog)
        seen.append(dialog)
        dialog.hospital.setText("鹤岗市中医院")
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill_in)
    assert offer_first_start(workspace) == (workspace, False)
    assert len(seen) == 1
    assert not needs_first_start(workspace.db)


def test_no_first_start_dialog_on_a_folder_with_data(prepared_app, demo_workspace, monkeypatch):
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: pytest.fail("dialog opened"))
    assert offer_first_start(demo_workspace) == (demo_workspace, False)


def test_demo_choice_switches_to_the_demo_folder(
    qtbot, prepared_app, data_folder, when_dialog_opens
) -> None:
    from wenming_desktop.services.settings.workspace import open_workspace

    workspace = open_workspace(data_folder)
    when_dialog_opens(
        lambda dialog: qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    )
    shown, demo = offer_first_start(workspace)
    try:
        assert demo and shown is not workspace
        assert shown.folder.root.name == "数据 文件夹-演示数据"
        assert not needs_first_start(shown.db)
    finally:
        shown.close()
