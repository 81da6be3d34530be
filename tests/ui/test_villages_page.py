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


def test_a_save_over_another_pcs_change_offers_to_reload(
    window, qtbot, when_dialog_opens, monkeypatch
) -> None:
    import dataclasses

    from wenming_desktop.domain.villages import VillageData
    from wenming_desktop.services.settings.workspace import open_workspace
    from wenming_desktop.services.villages import villages
    from wenming_desktop.ui.dialogs import village_dialog

    db = window.context.workspace.db
    villages.add_village(db, VillageData(name="东兴村", contact_person="刘德胜"))
    page = window.show_page("结对村")
    page.refresh()
    select_row(page, 0)
    offered: list[str] = []

    def agree(_dialog, message: str) -> bool:
        offered.append(message)
        return True

    monkeypatch.setattr(village_dialog, "offer_reload", agree)
    second_pc = open_workspace(window.context.workspace.folder)
    seen: list[str] = []

    def edit_after_the_other_pc_saved(dialog: VillageDialog) -> None:
        other = villages.open_village(second_pc.db, villages.find_village(second_pc.db, "东兴")[0])
        villages.update_village(
            second_pc.db, 1, dataclasses.replace(other.data, contact_person="赵宝山"), other
        )
        dialog.contact.setText("王福林")
        when_dialog_opens(edit_again)
        dialog.accept()

    def edit_again(dialog: VillageDialog) -> None:
        seen.append(dialog.contact.text())  # the reopened dialog shows the newer value
        dialog.notes.setPlainText("已核对")
        dialog.accept()

    when_dialog_opens(edit_after_the_other_pc_saved)
    try:
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    finally:
        second_pc.close()
    assert len(offered) == 1 and "已被别人修改" in offered[0]
    assert seen == ["赵宝山"]
    assert villages_in_db(window) == [("东兴村", "赵宝山", "")]
