"""Qt's own parts speak Chinese: message-box buttons, a text field's context menu, dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox


def test_message_box_buttons_read_chinese(qtbot, prepared_app: QApplication) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "删除这条记录？")
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    texts = {
        button: box.button(button).text().replace("&", "")
        for button in (
            QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Ok,
            QMessageBox.StandardButton.Cancel,
        )
    }
    assert texts[QMessageBox.StandardButton.Yes].startswith("是")
    assert texts[QMessageBox.StandardButton.No].startswith("否")
    assert texts[QMessageBox.StandardButton.Ok].startswith("确定")
    assert texts[QMessageBox.StandardButton.Cancel].startswith("取消")


def test_text_field_context_menu_reads_chinese(qtbot, prepared_app: QApplication) -> None:
    field = QLineEdit("文字")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    seen: list[str] = [action.text() for action in menu.actions() if action.text()]
    menu.deleteLater()
    joined = " ".join(seen)
    assert "复制" in joined and "粘贴" in joined, seen
    assert not any(word in joined for word in ("Undo", "Copy", "Paste")), seen
