"""Add or edit an activity: its facts, the guideline fields and its status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.activities.activities import ActivityData, CategoryChoice, Choice
from wenming_desktop.ui.dialogs.common import error_label, save_cancel_buttons, try_save
from wenming_desktop.ui.widgets.date_fields import DateTimeEdit

NO_COUNT = -1  # a spin box at its minimum shows "未填写"


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromString(value.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.strptime(value.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")


def _count_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(NO_COUNT, 1_000_000)
    box.setSpecialValueText("未填写")
    box.setValue(NO_COUNT)
    return box


class ActivityDialog(QDialog):
    """`save` receives the entered data; a UserError it raises is shown and the dialog stays."""

    def __init__(
        self,
        save: Callable[[ActivityData], None],
        categories: list[CategoryChoice],
        villages: list[Choice],
        initial: ActivityData,
        editing: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("编辑活动" if editing else "新增活动")
        self.setMinimumWidth(560)
        self._save = save
        self.title = QLineEdit()
        self.category = QComboBox()
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.village = QComboBox()
        for v in villages:
            self.village.addItem(v.name, v.id)
        self.place = QLineEdit()
        self.place_public = QCheckBox("公共场所（公园、广场、商场外等）")
        self.start = DateTimeEdit()
        self.end = DateTimeEdit()
        self.organizer = QLineEdit()
        self.person = QLineEdit()
        self.expected = _count_box()
        self.actual = _count_box()
        self.status = QComboBox()
        for status in ActivityStatus:
            self.status.addItem(status.label, status.value)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(70)
        form = QFormLayout()
        form.addRow("活动名称 *", self.title)
        form.addRow("活动类别", self.category)
        form.addRow("结对村", self.village)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.place_public)
        form.addRow("活动地点", place_row)
        form.addRow("开始时间", self.start)
        form.addRow("结束时间", self.end)
        form.addRow("主办单位", self.organizer)
        form.addRow("负责人", self.person)
        form.addRow("预计参加人数", self.expected)
        form.addRow("受益群众人次", self.actual)
        form.addRow("状态", self.status)
        form.addRow("活动小结", self.summary)
        guide = QGroupBox("活动规范（附件1）")
        guide_form = QFormLayout(guide)
        self.police = QLineEdit()
        self.police.setPlaceholderText("预计千人以上时填写")
        self.city = QLineEdit()
        self.city.setPlaceholderText("公共场所活动时填写")
        self.backdrop = QCheckBox("已设置背景板/横幅（体现主题、主办单位和时间）")
        self.kit_holder = QLineEdit()
        guide_form.addRow("公安审批文号", self.police)
        guide_form.addRow("城管审批文号", self.city)
        guide_form.addRow("", self.backdrop)
        guide_form.addRow("应急药箱携带人", self.kit_holder)
        self.error = error_label()
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(guide)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill(initial)
        self._shown_start = self.start.dateTime()
        self.start.dateTimeChanged.connect(self._start_moved)

    def _start_moved(self, start: QDateTime) -> None:
        """The end follows the start, keeping the activity's length (a new date moves both)."""
        self.end.setDateTime(self.end.dateTime().addSecs(self._shown_start.secsTo(start)))
        self._shown_start = start

    def _fill(self, data: ActivityData) -> None:
        self.title.setText(data.title)
        self.category.setCurrentIndex(max(self.category.findData(data.category_id), 0))
        self.village.setCurrentIndex(max(self.village.findData(data.village_id), 0))
        self.place.setText(data.place)
        self.place_public.setChecked(data.place_is_public)
        self.start.setDateTime(to_qdatetime(data.start_at))
        self.end.setDateTime(to_qdatetime(data.end_at))
        self.organizer.setText(data.organizer)
        self.person.setText(data.person_in_charge)
        self.expected.setValue(
            NO_COUNT if data.expected_attendance is None else data.expected_attendance
        )
        self.actual.setValue(NO_COUNT if data.actual_attendance is None else data.actual_attendance)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.summary.setPlainText(data.summary)
        self.police.setText(data.police_approval_ref)
        self.city.setText(data.city_approval_ref)
        self.backdrop.setChecked(data.has_backdrop)
        self.kit_holder.setText(data.medicine_kit_holder)

    def data(self) -> ActivityData:
        if self.category.currentData() is None or self.village.currentData() is None:
            raise UserError("请先在“结对村”页添加结对村，并选择活动类别")

        def count(box: QSpinBox) -> int | None:
            return None if box.value() == NO_COUNT else box.value()

        return ActivityData(
            title=self.title.text(),
            category_id=int(self.category.currentData()),
            village_id=int(self.village.currentData()),
            start_at=from_qdatetime(self.start.dateTime()),
            end_at=from_qdatetime(self.end.dateTime()),
            place=self.place.text(),
            place_is_public=self.place_public.isChecked(),
            organizer=self.organizer.text(),
            person_in_charge=self.person.text(),
            expected_attendance=count(self.expected),
            actual_attendance=count(self.actual),
            status=str(self.status.currentData()),
            summary=self.summary.toPlainText(),
            police_approval_ref=self.police.text(),
            city_approval_ref=self.city.text(),
            has_backdrop=self.backdrop.isChecked(),
            medicine_kit_holder=self.kit_holder.text(),
        )

    def accept(self) -> None:
        if try_save(self, self.error, lambda: self._save(self.data())):
            super().accept()
