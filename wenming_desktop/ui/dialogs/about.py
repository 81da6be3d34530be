"""关于本程序: version, the data folder (with a button to open it), bundled parts and licences."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop import APP_NAME, __version__
from wenming_desktop.licenses import BUNDLED
from wenming_desktop.resources import icon_path


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("关于本程序")
        self.resize(760, 560)
        self.data_folder = data_folder
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(
            QPixmap(str(icon_path())).scaled(
                64, 64, mode=Qt.TransformationMode.SmoothTransformation
            )
        )
        head.addWidget(icon)
        runtime = f"Python {platform.python_version()}，Qt {qVersion()}"
        name = QLabel(
            f"<b style='font-size:18px'>{APP_NAME}</b><br>版本 {__version__}（{runtime}）"
        )
        head.addWidget(name, 1)
        layout.addLayout(head)
        form = QFormLayout()
        self.folder_label = QLabel(str(data_folder))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.open_button = QPushButton("打开数据文件夹")
        self.open_button.clicked.connect(self.open_data_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.open_button)
        form.addRow("数据文件夹", row)
        layout.addLayout(form)
        layout.addWidget(QLabel("本程序包含以下第三方组件，各自遵循其许可证（点选查看全文）："))
        parts = QHBoxLayout()
        self.parts = QListWidget()
        self.parts.setFixedWidth(320)
        for part in BUNDLED:
            self.parts.addItem(f"{part.name}（{part.licence}）")
            self.parts.item(self.parts.count() - 1).setToolTip(part.role)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        parts.addWidget(self.parts)
        parts.addWidget(self.licence_text, 1)
        layout.addLayout(parts, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.parts.currentRowChanged.connect(self.show_licence)
        self.parts.setCurrentRow(0)

    def show_licence(self, row: int) -> None:
        if 0 <= row < len(BUNDLED):
            try:
                text = BUNDLED[row].text()
            except OSError as exc:
                text = f"许可证文件缺失：{exc.filename}"
            self.licence_text.setPlainText(text)

    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
