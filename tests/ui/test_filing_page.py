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
    box = page.finished_box
    assert box is not None and box.isVisible() and str(target) in box.text()
    assert {"打开文件", "打开所在文件夹"} <= {b.text() for b in box.buttons()}


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


def test_the_window_says_when_attachments_are_missing(demo_window, qtbot, tmp_path: Path) -> None:
    from datetime import date

    from PIL import Image
    from sqlalchemy import select

    from wenming_desktop.services.activities.attachments import add_attachments, stored_path
    from wenming_desktop.storage.models import Activity, Attachment

    ws = demo_window.context.workspace
    with ws.db.read() as session:
        activity_id = session.scalar(
            select(Activity.id).where(
                Activity.status == "done", Activity.start_at >= date(2025, 4, 1),
                Activity.start_at < date(2025, 7, 1),
            )
        )  # fmt: skip
    photo = tmp_path / "签到表.png"
    Image.new("RGB", (8, 8), "blue").save(photo)
    add_attachments(ws.db, ws.folder, activity_id, [photo], "signin_scan")
    with ws.db.read() as session:
        row = session.scalars(select(Attachment)).one()
    stored_path(ws.folder, row.sha256, row.suffix).unlink()
    page = demo_window.show_page("台账与归档")
    page.year.setValue(2025)
    page.kind.setCurrentIndex(page.kind.findData("Q2"))
    page.build_packet(tmp_path / "out" / "packet")
    qtbot.waitUntil(lambda: page.packet_button.isEnabled(), timeout=60_000)
    text = page.status.text()
    assert "归档材料包已生成" in text and "1 个附件的文件已缺失" in text and "签到表.png" in text
    assert page.finished_box is not None and "1 个附件的文件已缺失" in page.finished_box.text()


# Documents of one item (an activity, a volunteer, a meeting, one checkup's guidance sheets):
# their own commands, not period ledgers.
ITEM_DOCUMENTS = {
    "record",
    "signin",
    "certificate",
    "meeting-record",
    "meeting-signin",
    "guidance",
}


def _export_commands() -> set[str]:
    import argparse

    from wenming_desktop.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = commands.choices["export"]
    group = next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))
    return set(group.choices)


def test_window_cli_and_packet_list_the_same_ledgers(demo_window, qtbot, tmp_path: Path) -> None:
    from wenming_desktop.services.filing.ledgers import LEDGERS, LedgerRequest

    page = demo_window.show_page("台账与归档")
    listed = [
        page.ledgers.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.ledgers.count())
    ]
    names = [spec.cli_name for spec in LEDGERS]
    assert listed == names
    assert _export_commands() - ITEM_DOCUMENTS == set(names)
    page.year.setValue(2025)
    page.kind.setCurrentIndex(page.kind.findData("Q2"))
    target = tmp_path / "packet"
    page.build_packet(target)
    qtbot.waitUntil(lambda: page.packet_button.isEnabled(), timeout=60_000)
    request = LedgerRequest(parse_period("2025-Q2"))
    expected = {
        f"{spec.packet_folder}/{spec.packet_file(request)}"
        for spec in LEDGERS
        if spec.packet_file is not None
    }
    written = {
        p.relative_to(target).as_posix()
        for folder in {spec.packet_folder for spec in LEDGERS}
        for p in (target / folder).iterdir()
    }
    assert written == expected
    assert {spec.cli_name for spec in LEDGERS if spec.in_packet} <= set(listed)


def test_a_ledger_of_the_packet_is_exported_alone(
    demo_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )

    page = demo_window.show_page("台账与归档")
    row = next(
        i
        for i in range(page.ledgers.count())
        if page.ledgers.item(i).data(Qt.ItemDataRole.UserRole) == "villages"
    )
    page.ledgers.setCurrentRow(row)
    assert page.ledgers.currentItem().text().startswith("结对村名册")
    assert page.unmasked.isEnabled()  # the village ledger holds phone numbers
    target = tmp_path / "名册.xlsx"
    page.export_ledger(page.chosen_ledger(), target)
    qtbot.waitUntil(lambda: page.ledger_button.isEnabled(), timeout=20_000)
    assert page.status.text() == f"已导出结对村名册（4 个结对村）：{target}"
    assert load_workbook(target).active.cell(1, 1).value.endswith("结对村名册")
    box = page.finished_box
    assert box is not None and box.isVisible() and box.text() == page.status.text()
    open_folder = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    qtbot.mouseClick(open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
    page.ledgers.setCurrentRow(next(
        i for i in range(page.ledgers.count())
        if page.ledgers.item(i).data(Qt.ItemDataRole.UserRole) == "hours"
    ))  # fmt: skip
    assert not page.unmasked.isEnabled()  # nothing to unmask in the hours ledger


def test_text_typed_just_before_the_packet_is_in_it(demo_window, qtbot, tmp_path: Path) -> None:
    """No 保存文字 click: what was typed goes into the packet's summary; closing asks while a
    packet is being built."""
    import pypdfium2 as pdfium

    page = demo_window.show_page("台账与归档")
    page.year.setValue(2025)
    page.kind.setCurrentIndex(page.kind.findData("Q2"))
    page.sections["next_steps"].insertPlainText("下季度增加义诊频次")  # typed, not saved
    assert "工作总结中填写的文字" in page.unsaved_work()
    target = tmp_path / "packet"
    page.build_packet(target)
    assert any("正在生成" in item for item in page.unsaved_work())
    qtbot.waitUntil(lambda: page.packet_button.isEnabled(), timeout=60_000)
    assert page.unsaved_work() == []
    summaries = [p for p in target.rglob("*.pdf") if "总结" in p.name]
    assert summaries, sorted(p.name for p in target.rglob("*"))
    document = pdfium.PdfDocument(str(summaries[0]))
    text = "".join(page_.get_textpage().get_text_range() for page_ in document)
    document.close()
    assert "下季度增加义诊频次" in text.replace("\r", "").replace("\n", "")


def test_texts_changed_on_another_pc_are_offered_for_reload(
    demo_window, qtbot, monkeypatch
) -> None:
    from wenming_desktop.services.settings.workspace import open_workspace
    from wenming_desktop.ui.pages import filing

    page = demo_window.show_page("台账与归档")
    assert isinstance(page, FilingPage)
    page.year.setValue(2026)
    page.kind.setCurrentIndex(page.kind.findData("Q3"))
    answers = [False, True]  # 留在此处, then 重新载入
    offered: list[str] = []
    monkeypatch.setattr(filing, "offer_reload", lambda _p, m: offered.append(m) or answers.pop(0))
    other = open_workspace(demo_window.context.workspace.folder)
    try:
        q3 = parse_period("2026-Q3")
        seen = summary.get_texts(other.db, q3, None)
        summary.save_texts(other.db, q3, None, {"problems": "二号机写的问题"}, seen)
    finally:
        other.close()
    page.sections["problems"].setPlainText("一号机写的问题")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.sections["problems"].toPlainText() == "一号机写的问题"  # kept, unsaved
    assert "已保存" not in page.status.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 2 and "工作总结文字在你打开之后已被别人修改" in offered[0]
    assert page.sections["problems"].toPlainText() == "二号机写的问题"  # reloaded
    db = demo_window.context.workspace.db
    assert summary.get_texts(db, parse_period("2026-Q3"), None)["problems"] == "二号机写的问题"
