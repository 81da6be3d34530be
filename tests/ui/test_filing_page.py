from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from wenming_desktop.domain.periods import parse_period
from wenming_desktop.services.filing import summary
from wenming_desktop.ui.pages.filing import FilingPage


def test_texts_are_saved_per_period_and_kept_when_switching(demo_window, qtbot) -> None:
    page = demo_window.show_page("台账与归档")
    assert isinstance(page, FilingPage)
    page.year.setValue(2026)
    page.kind.setCurrentIndex(page.kind.findData("H1"))
    page.sections["achievements"].insertPlainText("上半年义诊二十余场")  # as typed
    page.kind.setCurrentIndex(page.kind.findData("Q3"))  # switching keeps the typed text
    assert page.sections["achievements"].toPlainText() == ""
    db = demo_window.context.workspace.db
    assert summary.get_texts(db, parse_period("2026-H1"), None)["achievements"] == (
        "上半年义诊二十余场"
    )
    page.sections["problems"].setPlainText("覆盖不均衡")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert summary.get_texts(db, parse_period("2026-Q3"), None)["problems"] == "覆盖不均衡"
    assert "已保存" in page.status.text()


def test_packet_builds_in_the_background(demo_window, qtbot, tmp_path: Path) -> None:
    page = demo_window.show_page("台账与归档")
    page.year.setValue(2025)
    page.kind.setCurrentIndex(page.kind.findData("Q2"))
    target = tmp_path / "out" / "packet.zip"
    page.build_packet(target)
    assert not page.packet_button.isEnabled()
    qtbot.waitUntil(lambda: page.packet_button.isEnabled(), timeout=60_000)
    assert target.exists()
    assert "归档材料包已生成" in page.status.text()


def test_cancel_from_the_progress_dialog_leaves_nothing(demo_window, qtbot, tmp_path: Path) -> None:
    page = demo_window.show_page("台账与归档")
    page.year.setValue(2025)
    page.kind.setCurrentIndex(0)
    out = tmp_path / "out"
    progress = page.build_packet(out / "全年")
    dialog = page.progress_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert progress.cancelled
    qtbot.waitUntil(lambda: page.packet_button.isEnabled(), timeout=60_000)
    assert "已取消" in page.status.text()
    assert not out.exists() or list(out.iterdir()) == []
