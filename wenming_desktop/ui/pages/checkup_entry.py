"""体检录入: the keyboard-only form for typing a stack of paper checkup forms.

Pick the checkup day once; for each form find the resident (or add one inline), type the values
pressing Enter after each; Enter on the last field saves, clears the form and keeps the day and
the doctor. A resident already checked that day opens the existing record instead.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.checkups import (
    ELDERLY_AGE,
    SELF_CARE_KEYS,
    CheckupData,
    findings,
    self_care_summary,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData, age_on
from wenming_desktop.domain.thresholds import (
    SELF_CARE_ITEMS,
    Band,
    bmi,
    bmi_band,
    glucose_band,
)
from wenming_desktop.domain.vocabulary import CHRONIC_CONDITIONS, TCM_CONSTITUTIONS
from wenming_desktop.services import checkups, residents
from wenming_desktop.storage.queries.checkups import CheckupDayRow, CheckupRow
from wenming_desktop.storage.queries.residents import ResidentRow

from ..context import PageContext
from ..dialogs.resident_dialog import ResidentDialog
from ..table_model import Column, RowTableModel
from .base import make_table
from .checkup_fields import ALERT_STYLE, WARN_STYLE, CodeField, EnterChain, NumberField
from .checkup_picker import ResidentPicker, describe

C = CheckupRow._fields.index
SAVED_COLUMNS = [
    Column("姓名", C("name"), width=70),
    Column("血压", C("systolic"), lambda v: "" if v is None else str(v), width=50),
    Column("", C("diastolic"), lambda v: "" if v is None else f"/{v}", width=40),
    Column("血糖", C("fasting_glucose"), align_right=True, width=50),
    Column("体质", C("constitution"), width=60),
    Column("结论", C("conclusion")),
]


def _pressure_style(limit: float) -> object:
    return lambda value: ALERT_STYLE if value >= limit else ""


def _glucose_style(value: float) -> str:
    band = glucose_band(value)
    return ALERT_STYLE if band is Band.HIGH else WARN_STYLE if band.abnormal else ""


def day_label(day: CheckupDayRow) -> str:
    return f"{day.start_at:%Y-%m-%d}　{day.village}　{day.title}（已录 {day.checkup_count} 人）"


class CheckupEntry(QWidget):
    """The entry tab; `refresh()` reloads the days, the doctors and the village's residents."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day: CheckupDayRow | None = None
        self.resident: ResidentRow | None = None
        self.checkup_id: int | None = None  # set when an existing record is open
        self._build()

    @property
    def db(self):  # the workspace's Database
        return self.context.workspace.db

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        top = QHBoxLayout()
        self.day_box = QComboBox()
        self.day_box.setMinimumWidth(460)
        top.addWidget(QLabel("体检活动"))
        top.addWidget(self.day_box, 1)
        self.day_hint = QLabel("")
        self.day_hint.setObjectName("hint")
        top.addWidget(self.day_hint)

        self.picker = ResidentPicker()
        self.add_resident_button = QPushButton("新增村民（F2）")
        left = QWidget()
        left.setMinimumWidth(420)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.picker, 1)
        left_layout.addWidget(self.add_resident_button)
        left_layout.addWidget(QLabel("本次已录入（双击打开）"))
        self.saved_model = RowTableModel(SAVED_COLUMNS, self)
        self.saved_table = make_table(self.saved_model, self)
        self.saved_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_layout.addWidget(self.saved_table, 1)

        self.card = QLabel("请先在左侧查找并选定村民")
        self.card.setObjectName("residentCard")
        self.card.setWordWrap(True)
        self.card.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.mode = QLabel("")
        self.mode.setObjectName("hint")

        self.height = NumberField("height_cm")
        self.weight = NumberField("weight_kg")
        self.waist = NumberField("waist_cm")
        self.systolic = NumberField("systolic", True, _pressure_style(140))  # type: ignore[arg-type]  # a style function
        self.diastolic = NumberField("diastolic", True, _pressure_style(90))  # type: ignore[arg-type]  # a style function
        self.heart_rate = NumberField("heart_rate", True)
        self.glucose = NumberField("fasting_glucose", False, _glucose_style)
        self.bmi_label = QLabel("BMI —")
        self.conditions = CodeField(CHRONIC_CONDITIONS, multi=True)
        self.constitution = CodeField(TCM_CONSTITUTIONS)
        self.self_care = {
            key: NumberField(None, True, allowed=SELF_CARE_ITEMS[key]) for key in SELF_CARE_KEYS
        }
        self.self_care_total = QLabel("")
        self.conclusion = QLineEdit()
        self.advice = QLineEdit()
        self.doctor = CodeField([])
        self.findings = QLabel("")
        self.findings.setObjectName("error")
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.save_button = QPushButton("保存（Ctrl+S）")
        self.clear_button = QPushButton("清空（Esc）")

        body = QFormLayout()
        row = QHBoxLayout()
        for label, field in (("身高 cm", self.height), ("体重 kg", self.weight)):
            row.addWidget(QLabel(label))
            row.addWidget(field)
        row.addWidget(self.bmi_label)
        row.addStretch(1)
        body.addRow("身高体重", row)
        body.addRow("腰围 cm", self.waist)
        pressure = QHBoxLayout()
        pressure.addWidget(self.systolic)
        pressure.addWidget(QLabel("/"))
        pressure.addWidget(self.diastolic)
        pressure.addWidget(QLabel("mmHg（收缩压 / 舒张压）"))
        pressure.addStretch(1)
        body.addRow("血压", pressure)
        body.addRow("心率 次/分", self.heart_rate)
        body.addRow("空腹血糖 mmol/L", self.glucose)
        body.addRow("慢性病", self._with_shown(self.conditions, self.conditions.legend()))
        body.addRow("中医体质", self._with_shown(self.constitution, self.constitution.legend()))

        self.self_care_box = QGroupBox("老年人生活自理能力评估（60岁及以上，填各项得分）")
        grid = QGridLayout(self.self_care_box)
        for column, key in enumerate(SELF_CARE_KEYS):
            label, allowed = SELF_CARE_ITEMS[key]
            choices = "/".join(str(v) for v in sorted(set(allowed)))
            grid.addWidget(QLabel(f"{label}（{choices}）"), 0, column)
            grid.addWidget(self.self_care[key], 1, column)
        grid.addWidget(self.self_care_total, 2, 0, 1, len(SELF_CARE_KEYS))

        tail = QFormLayout()
        tail.addRow("体检结论", self.conclusion)
        tail.addRow("健康建议", self.advice)
        tail.addRow("体检医生", self._with_shown(self.doctor, "拼音首字母或工号"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        right = QWidget()
        form = QVBoxLayout(right)
        form.addWidget(self.card)
        form.addWidget(self.mode)
        form.addLayout(body)
        form.addWidget(self.self_care_box)
        form.addLayout(tail)
        form.addWidget(self.findings)
        form.addWidget(self.error)
        form.addStretch(1)
        form.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.fields: list[QLineEdit] = [
            self.height,
            self.weight,
            self.waist,
            self.systolic,
            self.diastolic,
            self.heart_rate,
            self.glucose,
            self.conditions,
            self.constitution,
            *self.self_care.values(),
            self.conclusion,
            self.advice,
            self.doctor,
        ]
        self.chain = EnterChain(self.fields, self.save, self.show_error, self)
        self.day_box.currentIndexChanged.connect(self._day_changed)
        self.picker.chosen.connect(self.choose)
        self.picker.add_requested.connect(self.add_resident)
        self.add_resident_button.clicked.connect(lambda: self.add_resident(""))
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self.saved_table.doubleClicked.connect(self._open_saved)
        for field in (self.height, self.weight, self.systolic, self.diastolic, self.glucose):
            field.textChanged.connect(self._update_findings)
        for field in self.self_care.values():
            field.textChanged.connect(self._update_self_care)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("F2"), self, lambda: self.add_resident(""))
        QShortcut(QKeySequence("Escape"), self, self.clear)
        self._set_form_enabled(False)

    @staticmethod
    def _with_shown(field: QLineEdit, hint: str) -> QWidget:
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        field.setMaximumWidth(140)
        line.addWidget(field)
        shown = getattr(field, "shown", None)
        if shown is not None:
            line.addWidget(shown)
        legend = QLabel(hint)
        legend.setObjectName("hint")
        line.addWidget(legend, 1)
        return holder

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Reload days and doctors, keeping the chosen day."""
        keep = self.day.id if self.day else None
        days = checkups.checkup_days(self.db)
        doctor_rows = checkups.doctors(self.db)
        self._doctor_ids = [d.id for d in doctor_rows]
        doctor_text = self.doctor.text()
        self.doctor.set_options(
            [f"{d.name}（{d.department}）" if d.department else d.name for d in doctor_rows],
            [d.staff_no or "" for d in doctor_rows],
        )
        self.doctor.setText(doctor_text)
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for day in days:
            self.day_box.addItem(day_label(day), day.id)
        index = self.day_box.findData(keep) if keep is not None else (0 if days else -1)
        self.day_box.setCurrentIndex(index)
        self.day_box.blockSignals(False)
        if not days:
            self.day_hint.setText("尚无“健康生活”类活动：请先在“活动”页新建体检活动")
        self._day_changed()

    def set_day(self, activity_id: int) -> None:
        index = self.day_box.findData(activity_id)
        if index < 0:
            raise UserError("该活动不是健康类活动，不能录入体检")
        self.day_box.setCurrentIndex(index)

    def _day_changed(self) -> None:
        activity_id = self.day_box.currentData()
        self.day = checkups.get_day(self.db, activity_id) if activity_id is not None else None
        self.picker.set_rows(
            residents.list_residents(self.db, self.day.village_id) if self.day else []
        )
        self.day_hint.setText("" if self.day else self.day_hint.text())
        self.clear()
        self._load_saved()

    def _load_saved(self) -> None:
        if self.day is None:
            self.saved_model.set_rows([])
            return
        self.saved_model.set_rows(checkups.list_checkups(self.db, activity_id=self.day.id))
        self.day_box.setItemText(
            self.day_box.currentIndex(),
            day_label(self.day._replace(checkup_count=self.saved_model.rowCount())),
        )

    @property
    def day_date(self) -> date:
        assert self.day is not None
        return self.day.start_at.date()

    # ------------------------------------------------------------ residents
    def choose(self, row: ResidentRow) -> None:
        """Take a resident; one already checked this day opens the existing record."""
        if self.day is None:
            self.show_error("请先选择体检活动")
            return
        self.resident = row
        self._clear_values()
        self.card.setText(describe(row, self.day_date))
        age = age_on(row.birth_date, self.day_date)
        self.self_care_box.setVisible(age is None or age >= ELDERLY_AGE)
        self._set_form_enabled(True)
        existing = checkups.find_checkup(self.db, row.id, self.day_date)
        if existing is not None:
            self._open(existing)
        else:
            self.checkup_id = None
            self.mode.setText("新记录")
        self.show_error("")
        self.height.setFocus(Qt.FocusReason.OtherFocusReason)
        self.height.selectAll()

    def add_resident(self, typed: str) -> None:
        """The inline new resident: a Chinese name or an ID number typed is carried over."""
        if self.day is None:
            self.show_error("请先选择体检活动")
            return
        name = "" if typed.isascii() else typed
        number = typed if typed.isascii() and len(typed) in (15, 18) else ""
        initial = ResidentData(self.day.village_id, name, number)
        dialog = ResidentDialog(
            lambda data: residents.add_resident(self.db, data), initial, self.day.village, self
        )
        if dialog.exec() and dialog.saved_id is not None:
            rows = residents.list_residents(self.db, self.day.village_id)
            self.picker.set_rows(rows)
            self.choose(residents.get_resident_row(self.db, dialog.saved_id))

    # ------------------------------------------------------------ values
    def _open(self, checkup_id: int) -> None:
        data = checkups.get_checkup(self.db, checkup_id)
        self.checkup_id = checkup_id
        self.mode.setText("该村民本次已有体检记录，已打开；修改后保存即更新原记录")
        self.height.set_value(data.height_cm)
        self.weight.set_value(data.weight_kg)
        self.waist.set_value(data.waist_cm)
        self.systolic.set_value(data.systolic)
        self.diastolic.set_value(data.diastolic)
        self.heart_rate.set_value(data.heart_rate)
        self.glucose.set_value(data.fasting_glucose)
        self.conditions.set_values(data.chronic_conditions)
        self.constitution.set_values([data.constitution] if data.constitution else [])
        for key, field in self.self_care.items():
            field.set_value(data.self_care.get(key))
        self.conclusion.setText(data.conclusion)
        self.advice.setText(data.advice)
        if data.doctor_id in self._doctor_ids:
            self.doctor.set_values([self.doctor.options[self._doctor_ids.index(data.doctor_id)]])

    def _open_saved(self) -> None:
        rows = self.saved_table.selectionModel().selectedRows()
        if rows:
            saved = self.saved_model.row_at(rows[0].row())
            self.choose(residents.get_resident_row(self.db, saved[C("resident_id")]))

    def data(self) -> CheckupData:
        """The form's values; a UserError names the field and puts the focus on it."""
        assert self.resident is not None and self.day is not None
        for field in self.fields:
            check = getattr(field, "check", None)
            if check is not None and not check():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                raise UserError(field.error_text)
        scores = {k: f.value() for k, f in self.self_care.items()}
        if not self.self_care_box.isVisible() or all(v is None for v in scores.values()):
            self_care: dict[str, int] = {}
        else:
            self_care = {k: int(v) for k, v in scores.items() if v is not None}
        doctor = self.doctor.indexes()
        return CheckupData(
            resident_id=self.resident.id,
            checkup_date=self.day_date,
            activity_id=self.day.id,
            height_cm=self.height.value(),
            weight_kg=self.weight.value(),
            waist_cm=self.waist.value(),
            systolic=self.systolic.value(),  # type: ignore[arg-type]  # integer field
            diastolic=self.diastolic.value(),  # type: ignore[arg-type]  # integer field
            heart_rate=self.heart_rate.value(),  # type: ignore[arg-type]  # integer field
            fasting_glucose=self.glucose.value(),
            chronic_conditions=tuple(self.conditions.values()),
            constitution=self.constitution.value(),
            self_care=self_care,
            conclusion=self.conclusion.text(),
            advice=self.advice.text(),
            doctor_id=self._doctor_ids[doctor[0]] if doctor else None,
        )

    def save(self) -> None:
        if self.resident is None or self.day is None:
            self.show_error("请先查找并选定村民")
            self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            data = self.data()
            saved_id = checkups.save_checkup(self.db, data, self.checkup_id)
        except checkups.DuplicateCheckup as exc:
            self._open(exc.existing_id)
            self.show_error(exc.message)
            return
        except UserError as exc:
            self.show_error(exc.message)
            return
        verb = "已更新" if self.checkup_id else "已保存"
        self.checkup_id = saved_id
        name = self.resident.name
        self._load_saved()
        self.clear()
        self.status.setText(f"{verb}：{name}。本次共录入 {self.saved_model.rowCount()} 人")

    def clear(self) -> None:
        """Empty the form for the next person; the day and the doctor stay."""
        self.resident = None
        self.checkup_id = None
        self._clear_values()
        self.card.setText("请先在左侧查找并选定村民" if self.day else "请先选择体检活动")
        self.mode.setText("")
        self.show_error("")
        self._set_form_enabled(False)
        self.picker.reset()

    def _clear_values(self) -> None:
        for field in self.fields:
            if field is not self.doctor:
                field.clear()
                field.setStyleSheet("")
        self.findings.setText("")

    def _set_form_enabled(self, enabled: bool) -> None:
        for field in self.fields:
            field.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _update_findings(self) -> None:
        def get(field: NumberField) -> float | None:
            try:
                value = field.value()
            except UserError:
                return None
            return None if value is None else float(value)

        height, weight = get(self.height), get(self.weight)
        if height and weight:
            value = bmi(height, weight)
            band = bmi_band(value)
            color = "#c0392b" if band.abnormal else "#2e7d32"
            self.bmi_label.setText(f"BMI {value:g}（{band.label}）")
            self.bmi_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        else:
            self.bmi_label.setText("BMI —")
            self.bmi_label.setStyleSheet("")
        found = findings(get(self.systolic), get(self.diastolic), get(self.glucose), height, weight)
        self.findings.setText("异常提示：" + "；".join(found) if found else "")

    def _update_self_care(self) -> None:
        scores: dict[str, int | None] = {}
        for key, field in self.self_care.items():
            try:
                value = field.value()
            except UserError:
                value = None
            scores[key] = None if value is None else int(value)
        try:
            summary = self_care_summary(scores)
        except UserError as exc:
            self.self_care_total.setText(exc.message)
            return
        self.self_care_total.setText(
            f"总分 {summary[0]}：{summary[1]}" if summary else "五项填齐后显示总分和等级"
        )
