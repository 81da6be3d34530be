"""Add or edit a resident (村民); the ID number is checked as typed and gives birth date and
gender. Used by the registry tab and, inline, by the checkup entry form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.birth import birth_text
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import parse_id_number
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.domain.vocabulary import FocusGroup
from wenming_desktop.ui.dialogs.common import error_label, save_cancel_buttons, try_save
from wenming_desktop.ui.widgets.glyph_hint import attach_glyph_hint


class ResidentDialog(QDialog):
    """`save` gets the entered data and returns the resident's id; a UserError it raises is
    shown in the dialog, which stays open."""

    def __init__(
        self,
        save: Callable[[ResidentData], int | None],
        initial: ResidentData,
        village_name: str,
        parent: QWidget | None = None,
        editing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{'编辑' if editing else '新增'}村民 — {village_name}")
        self.setMinimumWidth(480)
        self._save = save
        self._initial = initial
        self.saved_id: int | None = None
        self.name = QLineEdit(initial.name)
        self.id_number = QLineEdit(initial.id_number)
        self.id_number.setPlaceholderText("18位身份证号，出生日期和性别由号码得出")
        self.id_info = QLabel("")
        self.id_info.setObjectName("hint")
        self.id_info.setWordWrap(True)
        self.phone = QLineEdit(initial.phone)
        self.group = QLineEdit(initial.group_name)
        self.group.setPlaceholderText("例如：第3村民小组")
        self.address = QLineEdit(initial.address)
        self.notes = QLineEdit(initial.notes)
        self.focus_boxes: dict[str, QCheckBox] = {}
        focus = QGridLayout()
        for i, group in enumerate(FocusGroup):
            box = QCheckBox(group.label)
            box.setChecked(bool(getattr(initial, group.value)))
            self.focus_boxes[group.value] = box
            focus.addWidget(box, i // 3, i % 3)
        form = QFormLayout()
        form.addRow("姓名 *", self.name)
        self.name_hint = attach_glyph_hint(self.name)
        form.addRow("", self.name_hint)
        form.addRow("身份证号", self.id_number)
        form.addRow("", self.id_info)
        form.addRow("联系电话", self.phone)
        form.addRow("村民小组", self.group)
        form.addRow("住址", self.address)
        form.addRow("重点人群", focus)
        form.addRow("备注", self.notes)
        self.error = error_label()
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.id_number.textChanged.connect(self._show_id)
        self._show_id()

    def _show_id(self) -> None:
        text = self.id_number.text().strip()
        if not text:
            kept = birth_text(self._initial.birth_date, self._initial.birth_precision)
            self.id_info.setText(f"未填身份证号；出生日期 {kept}" if kept else "未填身份证号")
            return
        if len(text) < 15:
            self.id_info.setText(f"已输入 {len(text)} 位")
            return
        try:
            info = parse_id_number(text)
        except UserError as exc:
            self.id_info.setText(exc.message)
            return
        legacy = "（15位旧号码）" if info.legacy else ""
        self.id_info.setText(f"出生日期 {info.birth_date:%Y-%m-%d}，{info.gender}{legacy}")

    def data(self) -> ResidentData:
        flags: dict[str, Any] = {key: box.isChecked() for key, box in self.focus_boxes.items()}
        return replace(
            self._initial,
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            group_name=self.group.text(),
            address=self.address.text(),
            notes=self.notes.text(),
            **flags,
        )

    def accept(self) -> None:
        saved: list[int | None] = []
        if try_save(self, self.error, lambda: saved.append(self._save(self.data()))):
            self.saved_id = saved[0]
            super().accept()
