from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from wenming_desktop.storage.models import Village
from wenming_desktop.ui.dialogs.village_dialog import VillageDialog
from wenming_desktop.ui.pages.villages import VillagesPage


def villages_in_db(window) -> list[tuple[str, str, str]]:
    with window.context.workspace.db.read() as session:
        rows = session.scalars(select(Village).order_by(Village.id)).all()
        return [(v.name, v.contact_person, v.contact_phone) for v in rows]


def select_row(page: VillagesPage, row: int) -> None:
    page.table.selectRow(row)
    assert page.selected() is not None


def test_add_edit_delete_a_village_through_the_window(
    window, qtbot, when_dialog_opens, monkeypatch
) -> None:
    page = window.show_page("结对村")
    assert isinstance(page, VillagesPage)
    assert page.model.rowCount() == 0

    def fill_new(dialog: VillageDialog) -> None:
        dialog.name.setText("萝北县肇兴镇东兴村")
        dialog.contact.setText("刘德胜")
        qtbot.keyClicks(dialog.phone, "13904681234")
        dialog.accept()

    when_dialog_opens(fill_new)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert villages_in_db(window) == [("萝北县肇兴镇东兴村", "刘德胜", "13904681234")]
    assert page.model.rowCount() == 1

    select_row(page, 0)

    def edit(dialog: VillageDialog) -> None:
        assert dialog.name.text() == "萝北县肇兴镇东兴村"
        dialog.phone.clear()
        qtbot.keyClicks(dialog.phone, "12345")
        dialog.accept()  # refused: the dialog shows the error and stays open
        assert "联系电话" in dialog.error.text()
        assert dialog.isVisible()
        dialog.phone.clear()
        qtbot.keyClicks(dialog.phone, "0468-3456789")
        dialog.accept()

    when_dialog_opens(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert villages_in_db(window) == [("萝北县肇兴镇东兴村", "刘德胜", "0468-3456789")]

    select_row(page, 0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert villages_in_db(window) == []
    assert page.model.rowCount() == 0


def test_delete_is_refused_with_a_message_while_records_refer(
    demo_window, qtbot, monkeypatch
) -> None:
    page = demo_window.show_page("结对村")
    before = villages_in_db(demo_window)
    select_row(page, 0)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    assert "不能删除" in shown[0]
    assert villages_in_db(demo_window) == before


def test_cancelled_delete_keeps_the_village(demo_window, qtbot, monkeypatch) -> None:
    page = demo_window.show_page("结对村")
    before = villages_in_db(demo_window)
    select_row(page, 1)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert villages_in_db(demo_window) == before
