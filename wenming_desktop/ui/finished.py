"""The message after an export or a packet: what was written, with 打开文件 and 打开所在文件夹.

Non-blocking (window-modal `open()`), so the window keeps running; the buttons open the file
(or the packet's folder) and its containing folder with the system's program.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

OPEN_FILE = "打开文件"
OPEN_FOLDER = "打开所在文件夹"


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program; False when none could."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_finished(parent: QWidget | None, title: str, message: str, path: Path) -> QMessageBox:
    """Show `message`; the box offers to open `path` or the folder holding it."""
    box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
    open_file = box.addButton(OPEN_FILE, QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(OPEN_FOLDER, QMessageBox.ButtonRole.ActionRole)
    close = box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)

    def clicked(button: QAbstractButton) -> None:
        if button is open_file:
            open_path(path)
        elif button is open_folder:
            open_path(path.parent)

    box.buttonClicked.connect(clicked)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
