"""Add or edit a volunteer; validation errors show in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.roster import GENDERS, VolunteerData
from wenming_desktop.domain.vocabulary import POLITICAL_STATUSES
from wenming_desktop.ui.dialogs.common import (
    RELOAD,
    error_label,
    offer_reload,
    save_cancel_buttons,
)
from wenming_desktop.ui.dialogs.village_dialog import OptionalDate
from wenming_desktop.ui.widgets.birth_field import BirthDateField
from wenming_desktop.ui.widgets.glyph_hint import attach_glyph_hint


def _combo(items: Sequence[str], current: str) -> QComboBox:
    box = QComboBox()
    box.addItem("")
    box.addItems(list(items))
    if current and box.findText(current) < 0:
        box.addItem(current)  # a value no longer in the list stays visible
    box.setCurrentText(current)
    return box


class VolunteerDialog(QDialog):
    """`save` is called with the entered data; a UserError it raises is shown in the dialog."""

    def __init__(
        self,
        save: Callable[[VolunteerData], object],
        lists: dict[str, list[str]],
        initial: VolunteerData | None = None,
        parent: QWidget | None = None,
        view_only: bool = False,
        commendations: Sequence[str] = (),
    ) -> None:
        """`view_only`: a 只读 user's look — ID and phone masked, nothing editable."""
        super().__init__(parent)
        title = "编辑志愿者" if initial else "新增志愿者"
        self.setWindowTitle("查看志愿者" if view_only else title)
        if view_only and initial is not None:
            initial = replace(
                initial, id_number=mask_id(initial.id_number), phone=mask_phone(initial.phone)
            )
        self.setMinimumWidth(640)
        self._save = save
        data = initial or VolunteerData(name="")
        self._initial = data
        self.name = QLineEdit(data.name)
        self.staff_no = QLineEdit(data.staff_no or "")
        self.gender = _combo(GENDERS, data.gender)
        self.birth = BirthDateField()
        self.birth.set_value(data.birth_date, data.birth_precision)
        self.id_number = QLineEdit(data.id_number or "")
        self.id_number.setPlaceholderText("18位；填写后自动核对校验位、出生日期和性别")
        self.phone = QLineEdit(data.phone)
        self.phone.setPlaceholderText("11位手机号")
        self.department = _combo(lists.get("department", []), data.department)
        self.title = QLineEdit(data.title)
        self.position = QLineEdit(data.position)
        self.political = _combo(POLITICAL_STATUSES, data.political_status)
        self.branch = _combo(lists.get("party_branch", []), data.party_branch)
        self.teams = QListWidget()
        self.teams.setFixedHeight(80)
        for name in sorted(set(lists.get("team", [])) | set(data.teams)):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if name in data.teams else Qt.CheckState.Unchecked
            )
            self.teams.addItem(item)
        self.registered = QCheckBox("已在全国志愿服务信息系统注册")
        self.registered.setChecked(data.registered)
        self.registry_no = QLineEdit(data.registry_no)
        self.registered_on = OptionalDate("已填写")
        self.registered_on.set_value(data.registered_on)
        self.specialty = QLineEdit(data.specialty)
        self.active = QCheckBox("在册（取消勾选即停用，历史记录保留）")
        self.active.setChecked(data.active)
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setFixedHeight(50)
        left, right = QFormLayout(), QFormLayout()
        left.addRow("姓名 *", self.name)
        self.name_hint = attach_glyph_hint(self.name)
        left.addRow("", self.name_hint)
        left.addRow("工号", self.staff_no)
        left.addRow("性别", self.gender)
        left.addRow("出生日期", self.birth)
        left.addRow("身份证号", self.id_number)
        left.addRow("手机", self.phone)
        left.addRow("科室", self.department)
        left.addRow("职称", self.title)
        left.addRow("职务", self.position)
        right.addRow("政治面貌", self.political)
        right.addRow("党支部", self.branch)
        right.addRow("服务队", self.teams)
        right.addRow("", self.registered)
        right.addRow("志愿者编号", self.registry_no)
        right.addRow("注册日期", self.registered_on)
        right.addRow("专长", self.specialty)
        right.addRow("", self.active)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.error = error_label()
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        form = QFormLayout()
        form.addRow("备注", self.notes)
        if initial is not None:  # the record's commendations (kept on the 创建工作 page)
            self.commendations = QLabel("；".join(commendations) or "暂无表彰记录")
            self.commendations.setWordWrap(True)
            form.addRow("获得表彰", self.commendations)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if view_only:
            self._make_view_only(buttons)

    def _make_view_only(self, buttons: QDialogButtonBox) -> None:
        for field in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            field.setReadOnly(True)
        for widget in (
            self.gender,
            self.department,
            self.political,
            self.branch,
            self.teams,
            self.registered,
            self.active,
            self.birth,
            self.registered_on,
        ):
            widget.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")

    def data(self) -> VolunteerData:
        teams = tuple(
            self.teams.item(i).text()
            for i in range(self.teams.count())
            if self.teams.item(i).checkState() == Qt.CheckState.Checked
        )
        birth, precision = self.birth.value()
        return VolunteerData(
            name=self.name.text(),
            staff_no=self.staff_no.text() or None,
            gender=self.gender.currentText(),
            birth_date=birth,
            birth_precision=precision,
            id_number=self.id_number.text() or None,
            phone=self.phone.text(),
            department=self.department.currentText(),
            title=self.title.text(),
            position=self.position.text(),
            political_status=self.political.currentText(),
            party_branch=self.branch.currentText(),
            registered=self.registered.isChecked(),
            registry_no=self.registry_no.text(),
            registered_on=self.registered_on.value(),
            specialty=self.specialty.text(),
            teams=teams,
            active=self.active.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        try:
            self._save(self.data())
        except StaleRecord as exc:
            self.error.setText(exc.message)
            if offer_reload(self, exc.message):
                self.done(RELOAD)
            return
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
