"""Dialogs of 检查与整改 and 评选表彰: an inspection, a finding (its rectification and closing),
and a commendation (from the roster or typed in)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.office import (
    COMMENDATION_KINDS,
    COMMENDATION_LEVELS,
    INSPECTION_KINDS,
)
from wenming_desktop.domain.office_records import CommendationData, FindingData, InspectionData
from wenming_desktop.ui.dialogs.common import error_label, save_cancel_buttons, try_save
from wenming_desktop.ui.pages.office.editing import OptionalDay, from_qdate, to_qdate


class _FormDialog(QDialog):
    """A form with the error line and 保存/取消; subclasses give `data()`."""

    def __init__(self, title: str, save: Callable[[Any], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._save = save
        self.form = QFormLayout()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self))

    def data(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        if try_save(self, self.error, lambda: self._save(self.data())):
            super().accept()


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value))
    return edit


class InspectionDialog(_FormDialog):
    def __init__(
        self,
        save: Callable[[InspectionData], None],
        initial: InspectionData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("编辑检查" if initial else "新增检查", save, parent)
        data = initial or InspectionData(
            kind=INSPECTION_KINDS[0], inspected_on=date.today(), inspector=""
        )
        self.kind = QComboBox()
        self.kind.addItems(list(INSPECTION_KINDS))
        self.kind.setCurrentText(data.kind)
        self.day = _date_edit(data.inspected_on)
        self.inspector = QLineEdit(data.inspector)
        self.inspector.setPlaceholderText("例如：市文明办测评组")
        self.scope = QPlainTextEdit(data.scope)
        self.scope.setFixedHeight(60)
        self.notes = QLineEdit(data.notes)
        self.form.addRow("检查类型 *", self.kind)
        self.form.addRow("检查日期 *", self.day)
        self.form.addRow("检查单位 *", self.inspector)
        self.form.addRow("检查范围", self.scope)
        self.form.addRow("备注", self.notes)

    def data(self) -> InspectionData:
        return InspectionData(
            kind=self.kind.currentText(),
            inspected_on=from_qdate(self.day.date()),
            inspector=self.inspector.text(),
            scope=self.scope.toPlainText(),
            notes=self.notes.text(),
        )


class FindingDialog(_FormDialog):
    """A finding: what was found, who is responsible, the deadline; what was done, and when it
    was closed and by whom confirmed."""

    def __init__(
        self,
        save: Callable[[FindingData], None],
        initial: FindingData | None = None,
        closing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = "整改完成" if closing else ("编辑问题" if initial else "新增问题")
        super().__init__(title, save, parent)
        data = initial or FindingData(description="")
        self.description = QPlainTextEdit(data.description)
        self.description.setFixedHeight(60)
        self.department = QLineEdit(data.department)
        self.person = QLineEdit(data.person)
        self.deadline = OptionalDay("已规定")
        self.deadline.set_value(data.deadline)
        self.measures = QPlainTextEdit(data.measures)
        self.measures.setFixedHeight(70)
        self.measures.setPlaceholderText("已采取的整改措施；填写后状态为“整改中”")
        self.closed = OptionalDay("已完成")
        self.closed.set_value(data.closed_on)
        self.confirmed_by = QLineEdit(data.confirmed_by)
        self.form.addRow("存在问题 *", self.description)
        self.form.addRow("责任科室", self.department)
        self.form.addRow("责任人", self.person)
        self.form.addRow("整改时限", self.deadline)
        self.form.addRow("整改措施", self.measures)
        self.form.addRow("完成日期", self.closed)
        self.form.addRow("确认人", self.confirmed_by)
        # Evidence chosen here is attached by the caller once the finding is saved.
        self.evidence: list[Path] = []
        self.evidence_button = QPushButton("添加佐证材料…")
        self.evidence_label = QLabel("（未选择；也可稍后在“佐证材料”中添加）")
        self.evidence_label.setObjectName("hint")
        self.evidence_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.evidence_button)
        row.addWidget(self.evidence_label, 1)
        self.form.addRow("整改佐证", row)
        self.evidence_button.clicked.connect(self.choose_evidence)
        if closing and data.closed_on is None:
            self.closed.set_value(date.today())
            self.measures.setFocus()

    def add_evidence(self, paths: list[Path]) -> None:
        self.evidence += [p for p in paths if p not in self.evidence]
        if self.evidence:
            self.evidence_label.setText("、".join(p.name for p in self.evidence))

    def choose_evidence(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            "选择整改佐证材料",
            "",
            "图片和文档 (*.jpg *.jpeg *.png *.bmp *.gif *.pdf *.doc *.docx);;所有文件 (*)",
        )
        self.add_evidence([Path(n) for n in names])

    def data(self) -> FindingData:
        return FindingData(
            description=self.description.toPlainText(),
            department=self.department.text(),
            person=self.person.text(),
            deadline=self.deadline.value(),
            measures=self.measures.toPlainText(),
            closed_on=self.closed.value(),
            confirmed_by=self.confirmed_by.text(),
        )


class CommendationDialog(_FormDialog):
    def __init__(
        self,
        save: Callable[[CommendationData], None],
        volunteers: Sequence[tuple[int, str, str]],
        initial: CommendationData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("编辑表彰" if initial else "新增表彰", save, parent)
        today = date.today()
        data = initial or CommendationData(
            kind=COMMENDATION_KINDS[0], year=today.year, level=COMMENDATION_LEVELS[0], name=""
        )
        self.kind = QComboBox()
        self.kind.addItems(list(COMMENDATION_KINDS))
        self.kind.setCurrentText(data.kind)
        self.year = QSpinBox()
        self.year.setRange(1949, 2100)
        self.year.setValue(data.year)
        self.level = QComboBox()
        self.level.addItems(list(COMMENDATION_LEVELS))
        self.level.setCurrentText(data.level)
        self.person = QComboBox()
        self.person.addItem("（不是花名册中的人员：科室、家庭等）", None)
        for vid, name, dept in volunteers:
            self.person.addItem(f"{name}（{dept}）" if dept else name, (vid, name, dept))
        if data.volunteer_id is not None:
            index = next(
                (i for i in range(self.person.count())
                 if (self.person.itemData(i) or (None,))[0] == data.volunteer_id),
                0,
            )  # fmt: skip
            self.person.setCurrentIndex(index)
        self.name = QLineEdit(data.name)
        self.name.setPlaceholderText("个人姓名、科室名称或家庭")
        self.department = QLineEdit(data.department)
        self.reason = QPlainTextEdit(data.reason)
        self.reason.setFixedHeight(70)
        self.document_no = QLineEdit(data.document_no)
        self.document_no.setPlaceholderText("例如：鹤文明委〔2026〕3号")
        self.issuer = QLineEdit(data.issuer)
        self.awarded = OptionalDay("已填写")
        self.awarded.set_value(data.awarded_on)
        self.form.addRow("表彰类别 *", self.kind)
        self.form.addRow("年度 *", self.year)
        self.form.addRow("级别 *", self.level)
        self.form.addRow("花名册人员", self.person)
        self.form.addRow("表彰对象 *", self.name)
        self.form.addRow("科室", self.department)
        self.form.addRow("主要事迹", self.reason)
        self.form.addRow("表彰文号", self.document_no)
        self.form.addRow("表彰单位", self.issuer)
        self.form.addRow("表彰日期", self.awarded)
        self.person.currentIndexChanged.connect(self._person_chosen)

    def _person_chosen(self, _index: int) -> None:
        data = self.person.currentData()
        if data is not None:
            self.name.setText(data[1])
            self.department.setText(data[2])

    def data(self) -> CommendationData:
        person = self.person.currentData()
        return CommendationData(
            kind=self.kind.currentText(),
            year=self.year.value(),
            level=self.level.currentText(),
            name=self.name.text(),
            department=self.department.text(),
            volunteer_id=person[0] if person is not None else None,
            reason=self.reason.toPlainText(),
            document_no=self.document_no.text(),
            issuer=self.issuer.text(),
            awarded_on=self.awarded.value(),
        )
