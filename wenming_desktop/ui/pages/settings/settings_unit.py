"""设置 → 单位信息: the hospital's name and office, and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop import __version__
from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.exports.pdf.font_choice import system_font_file
from wenming_desktop.runtime import apply_pdf_font
from wenming_desktop.services.settings import settings
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import offer_reload


class UnitSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("单位信息")
        self.context = context
        layout = QVBoxLayout(self)
        unit = QGroupBox("单位信息（用于台账标题、签到表和证明）")
        form = QFormLayout(unit)
        self.hospital = QLineEdit()
        self.hospital.setPlaceholderText("例如：鹤岗市中医院")
        self.office = QLineEdit()
        self.pdf_font = QComboBox()
        self.pdf_font.addItem("程序自带字体（文泉驿微米黑，任何电脑都能正确显示）", "")
        system_font = system_font_file()
        if system_font is not None:
            self.pdf_font.addItem(f"系统字体（{system_font.name}）", str(system_font))
        else:
            self.pdf_font.setToolTip("本机没有可嵌入的系统中文字体；系统字体仅在 Windows 上可选")
        form.addRow("医院名称", self.hospital)
        form.addRow("科室/部门", self.office)
        form.addRow("PDF 字体", self.pdf_font)
        row = QHBoxLayout()
        self.save_button = QPushButton("保存")
        self.saved = QLabel("")
        self._seen: dict[str, str] = {}
        row.addWidget(self.save_button)
        row.addWidget(self.saved)
        row.addStretch(1)
        form.addRow(row)
        layout.addWidget(unit)
        where = QGroupBox("数据")
        info = QFormLayout(where)
        folder = context.workspace.folder
        info.addRow("数据文件夹", self._selectable(str(folder.root)))
        info.addRow("数据库", self._selectable(context.workspace.db.describe()))
        info.addRow("日志文件", self._selectable(str(folder.log_file)))
        info.addRow("程序版本", QLabel(__version__))
        layout.addWidget(where)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    @staticmethod
    def _selectable(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def refresh(self) -> None:
        values = settings.get_settings(self.context.workspace.db)
        self._seen = values  # what the page shows, to save against
        self.hospital.setText(values.get("hospital_name", ""))
        self.office.setText(values.get("office_name", ""))
        index = self.pdf_font.findData(values.get(settings.PDF_FONT_KEY, ""))
        self.pdf_font.setCurrentIndex(max(index, 0))
        self.saved.setText("")

    def save(self) -> None:
        hospital = self.hospital.text().strip()
        if not hospital:
            self.context.show_error(self, UserError("医院名称不能为空"))
            return
        try:
            settings.update_settings(
                self.context.workspace.db,
                {
                    "hospital_name": hospital,
                    "office_name": self.office.text().strip(),
                    settings.PDF_FONT_KEY: self.pdf_font.currentData(),
                },
                self._seen,
            )
        except StaleRecord as exc:  # changed on another PC meanwhile
            if offer_reload(self, exc.message):
                self.refresh()
            return  # declined: what was typed stays, unsaved
        apply_pdf_font(self.context.workspace.db)
        self.refresh()
        self.saved.setText("已保存")
