"""The values part of the checkup entry form: measurements, conditions, the constitution
questionnaire (checkup_constitution) and constitution with its override reason, the
self-care assessment, conclusion, advice and doctor — with BMI, the self-care total and the
abnormal results shown as they are typed. Reading and loading a CheckupData lives here too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.checkups import SELF_CARE_KEYS, CheckupData, findings, self_care_summary
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.thresholds import (
    SELF_CARE_ITEMS,
    Band,
    bmi,
    bmi_band_of,
    glucose_band,
)
from wenming_desktop.domain.vocabulary import CHRONIC_CONDITIONS, TCM_CONSTITUTIONS
from wenming_desktop.storage.queries.checkups import DoctorRow
from wenming_desktop.ui.pages.checkups.checkup_constitution import QuestionnaireBox
from wenming_desktop.ui.pages.checkups.checkup_fields import (
    ALERT_STYLE,
    WARN_STYLE,
    CodeField,
    NumberField,
)


def _systolic_style(value: float) -> str:
    return ALERT_STYLE if value >= 140 else ""


def _diastolic_style(value: float) -> str:
    return ALERT_STYLE if value >= 90 else ""


def _glucose_style(value: float) -> str:
    band = glucose_band(value)
    return ALERT_STYLE if band is Band.HIGH else WARN_STYLE if band.abnormal else ""


def _number(field: NumberField) -> float | None:
    """The field's value for the live hints; None while it is empty or not acceptable."""
    try:
        value = field.value()
    except UserError:
        return None
    return None if value is None else float(value)


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


class CheckupForm(QWidget):
    """`fields` lists the inputs in Enter order; the doctor is kept by `clear_values`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doctor_ids: list[int] = []
        self.height_cm = NumberField("height_cm")
        self.weight = NumberField("weight_kg")
        self.waist = NumberField("waist_cm")
        self.systolic = NumberField("systolic", True, _systolic_style)
        self.diastolic = NumberField("diastolic", True, _diastolic_style)
        self.heart_rate = NumberField("heart_rate", True)
        self.glucose = NumberField("fasting_glucose", False, _glucose_style)
        self.bmi_label = QLabel("BMI —")
        self.conditions = CodeField(CHRONIC_CONDITIONS, multi=True)
        self.questionnaire = QuestionnaireBox()
        self.constitution = CodeField(TCM_CONSTITUTIONS)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText("所选体质与问卷判定不同时，填写改判理由")
        self.self_care = {
            key: NumberField(None, True, allowed=SELF_CARE_ITEMS[key]) for key in SELF_CARE_KEYS
        }
        self.self_care_total = QLabel("")
        self.conclusion = QLineEdit()
        self.advice = QLineEdit()
        self.doctor = CodeField([])
        self.findings = QLabel("")
        self.findings.setObjectName("error")

        body = QFormLayout()
        row = QHBoxLayout()
        for label, field in (("身高 cm", self.height_cm), ("体重 kg", self.weight)):
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
        body.addRow("慢性病", _with_shown(self.conditions, self.conditions.legend()))
        judged = QFormLayout()
        judged.addRow("中医体质", _with_shown(self.constitution, self.constitution.legend()))
        judged.addRow("改判理由", self.override_reason)

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
        tail.addRow("体检医生", _with_shown(self.doctor, "拼音首字母或工号"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(body)
        layout.addWidget(self.questionnaire)
        layout.addLayout(judged)
        layout.addWidget(self.self_care_box)
        layout.addLayout(tail)
        layout.addWidget(self.findings)

        self.fields: list[QLineEdit] = [
            self.height_cm,
            self.weight,
            self.waist,
            self.systolic,
            self.diastolic,
            self.heart_rate,
            self.glucose,
            self.conditions,
            self.questionnaire.answers,
            self.constitution,
            self.override_reason,
            *self.self_care.values(),
            self.conclusion,
            self.advice,
            self.doctor,
        ]
        for field in (self.height_cm, self.weight, self.systolic, self.diastolic, self.glucose):
            field.textChanged.connect(self._update_findings)
        for field in self.self_care.values():
            field.textChanged.connect(self._update_self_care)
        for field in (self.height_cm, self.weight, self.waist):
            field.textChanged.connect(self._update_measures)
        self.questionnaire.judged.connect(self._judged)

    def set_doctors(self, rows: Sequence[DoctorRow]) -> None:
        """The roster's active volunteers; what was typed in the doctor field stays."""
        typed = self.doctor.text()
        self.doctor_ids = [d.id for d in rows]
        self.doctor.set_options(
            [f"{d.name}（{d.department}）" if d.department else d.name for d in rows],
            [d.staff_no or "" for d in rows],
        )
        self.doctor.setText(typed)

    def set_enabled(self, enabled: bool) -> None:
        for field in self.fields:
            field.setEnabled(enabled)

    def clear_values(self) -> None:
        for field in self.fields:
            if field is not self.doctor:
                field.clear()
                field.setStyleSheet("")
        self.findings.setText("")

    def load(self, data: CheckupData) -> None:
        self.height_cm.set_value(data.height_cm)
        self.weight.set_value(data.weight_kg)
        self.waist.set_value(data.waist_cm)
        self.systolic.set_value(data.systolic)
        self.diastolic.set_value(data.diastolic)
        self.heart_rate.set_value(data.heart_rate)
        self.glucose.set_value(data.fasting_glucose)
        self.conditions.set_values(data.chronic_conditions)
        self.questionnaire.set_text(data.tcm_answers)
        self.constitution.set_values([data.constitution] if data.constitution else [])
        self.override_reason.setText(data.constitution_override_reason)
        for key, field in self.self_care.items():
            field.set_value(data.self_care.get(key))
        self.conclusion.setText(data.conclusion)
        self.advice.setText(data.advice)
        if data.doctor_id in self.doctor_ids:
            name = self.doctor.options[self.doctor_ids.index(data.doctor_id)]
            self.doctor.set_values([name])

    def values(self, resident_id: int, day: date, activity_id: int | None) -> CheckupData:
        """The typed values; a UserError names the field, which gets the focus."""
        for field in self.fields:
            check = getattr(field, "check", None)
            if check is not None and not check():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                raise UserError(field.error_text)  # type: ignore[attr-defined]  # set with check()
        scores = {k: f.value() for k, f in self.self_care.items()}
        if not self.self_care_box.isVisible() or all(v is None for v in scores.values()):
            self_care: dict[str, int] = {}
        else:
            self_care = {k: int(v) for k, v in scores.items() if v is not None}
        doctor = self.doctor.indexes()
        asked = not self.questionnaire.isHidden()

        def whole(field: NumberField) -> int | None:
            value = field.value()
            return None if value is None else int(value)

        return CheckupData(
            resident_id=resident_id,
            checkup_date=day,
            activity_id=activity_id,
            height_cm=self.height_cm.value(),
            weight_kg=self.weight.value(),
            waist_cm=self.waist.value(),
            systolic=whole(self.systolic),
            diastolic=whole(self.diastolic),
            heart_rate=whole(self.heart_rate),
            fasting_glucose=self.glucose.value(),
            chronic_conditions=tuple(self.conditions.values()),
            constitution=self.constitution.value(),
            tcm_answers=self.questionnaire.text() if asked else "",
            constitution_override_reason=self.override_reason.text(),
            self_care=self_care,
            conclusion=self.conclusion.text(),
            advice=self.advice.text(),
            doctor_id=self.doctor_ids[doctor[0]] if doctor else None,
        )

    def _update_findings(self) -> None:
        height, weight = _number(self.height_cm), _number(self.weight)
        if height and weight:
            value = bmi(height, weight)
            band = bmi_band_of(height, weight)  # on the exact value; the shown one is cut
            color = "#c0392b" if band.abnormal else "#2e7d32"
            self.bmi_label.setText(f"BMI {value:g}（{band.label}）")
            self.bmi_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        else:
            self.bmi_label.setText("BMI —")
            self.bmi_label.setStyleSheet("")
        found = findings(
            _number(self.systolic), _number(self.diastolic), _number(self.glucose), height, weight
        )
        self.findings.setText("异常提示：" + "；".join(found) if found else "")

    def _update_measures(self) -> None:
        height, weight = _number(self.height_cm), _number(self.weight)
        value = bmi(height, weight) if height and weight else None
        self.questionnaire.set_measures(value, _number(self.waist))

    def _judged(self, constitution: str) -> None:
        """The questionnaire's result fills the constitution unless the doctor overrode it."""
        if not self.override_reason.text().strip():
            self.constitution.set_values([constitution] if constitution else [])

    def _update_self_care(self) -> None:
        scores: dict[str, int | None] = {}
        for key, field in self.self_care.items():
            value = _number(field)
            scores[key] = None if value is None else int(value)
        try:
            summary = self_care_summary(scores)
        except UserError as exc:
            self.self_care_total.setText(exc.message)
            return
        self.self_care_total.setText(
            f"总分 {summary[0]}：{summary[1]}" if summary else "五项填齐后显示总分和等级"
        )
