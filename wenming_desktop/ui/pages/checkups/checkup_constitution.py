"""The 中医体质辨识 questionnaire section of the checkup entry form, made for the keyboard.

The clerk types the 33 answers (digits 1–5) in a row into one field; each digit answers the
question under the cursor and moves on, and the 33rd moves to the next field of the form. The
question under the cursor is shown as the record form asks it, with its five answers; question 9
shows the answer the measured BMI suggests, question 28 the one the measured waist suggests. The
nine sums and the judgement follow every keystroke; the scoring itself is domain.constitution.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.constitution import (
    ANSWER_LABELS,
    BALANCED,
    ITEMS,
    QUESTION_COUNT,
    QUESTIONS,
    REVERSED,
    SPECIAL_ANSWERS,
    Verdict,
    biased_verdict,
    bmi_answer,
    judge,
    reverse,
    waist_answer,
)

DIGITS = "12345"
# The answer words without their explanations (the tooltip of the answers field has them).
SHORT_LABELS = tuple(label.split("（")[0] for label in ANSWER_LABELS)
VERDICT_COLORS = {
    Verdict.YES: "#c0392b",
    Verdict.LEANING: "#e67e22",
    Verdict.BASIC: "#2e7d32",
    Verdict.NO: "#777777",
}


class AnswerLine(QLineEdit):
    """Up to 33 digits 1–5; a digit typed inside the row replaces the answer under the cursor,
    and the 33rd answer sends Enter on (the form's Enter chain moves to the next field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(QUESTION_COUNT)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(12)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        self.setFont(font)
        self.setPlaceholderText("依次键入 33 题答案（1～5），不用回车")
        self.setValidator(QRegularExpressionValidator(QRegularExpression("[1-5]{0,33}"), self))
        self.setToolTip("　".join(f"{i}＝{label}" for i, label in enumerate(ANSWER_LABELS, 1)))
        self.error_text = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in DIGITS:
            position = self.cursorPosition()
            current = self.text()
            if self.hasSelectedText():
                super().keyPressEvent(event)
            elif position < len(current):
                self.setText(current[:position] + text + current[position + 1 :])
                self.setCursorPosition(position + 1)
            elif len(current) < QUESTION_COUNT:
                super().keyPressEvent(event)
            if len(self.text()) == QUESTION_COUNT and self.cursorPosition() == QUESTION_COUNT:
                enter = QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier
                )
                QApplication.sendEvent(self, enter)
            return
        if (
            text
            and text.isprintable()
            and not event.modifiers()
            & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        ):
            return  # anything else printable is not an answer
        super().keyPressEvent(event)

    def check(self) -> bool:
        """Empty (not asked) or all 33 answered."""
        count = len(self.text())
        if count in (0, QUESTION_COUNT):
            self.error_text = ""
            return True
        self.error_text = f"体质辨识问卷只答了 {count} 题（共 {QUESTION_COUNT} 题）：请答完或清空"
        return False


class QuestionnaireBox(QGroupBox):
    """The section; `judged` carries the constitution the 33 answers point to ("" for none),
    sent each time the 33rd answer is in place or changes."""

    judged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("中医体质辨识（老年人中医药健康管理服务记录表，33题）", parent)
        self.answers = AnswerLine()
        self.count = QLabel("")
        self.count.setObjectName("hint")
        self.question = QLabel("")
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.options = QLabel("")
        self.options.setWordWrap(True)
        self.hint = QLabel("")
        self.hint.setStyleSheet("color: #1565c0; font-weight: bold;")
        self.result = QLabel("")
        self.result.setStyleSheet("font-weight: bold;")
        self._bmi: float | None = None
        self._waist: float | None = None
        self.sum_labels: dict[str, QLabel] = {}

        line = QHBoxLayout()
        line.addWidget(QLabel("答案"))
        line.addWidget(self.answers, 1)
        line.addWidget(self.count)
        sums = QGridLayout()
        sums.setHorizontalSpacing(10)
        sums.setVerticalSpacing(0)
        for column, name in enumerate(ITEMS):
            head = QLabel(name)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value = QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            sums.addWidget(head, 0, column)
            sums.addWidget(value, 1, column)
            self.sum_labels[name] = value
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        layout.addLayout(line)
        layout.addWidget(self.question)
        layout.addWidget(self.options)
        layout.addWidget(self.hint)
        layout.addLayout(sums)
        layout.addWidget(self.result)

        self.answers.textChanged.connect(self._update)
        self.answers.cursorPositionChanged.connect(lambda _old, _new: self._show_question())
        self._update()

    # --------------------------------------------------------------- state
    def text(self) -> str:
        return self.answers.text()

    def set_text(self, answers: str) -> None:
        self.answers.setText(answers)
        self.answers.setCursorPosition(0)

    def set_measures(self, bmi_value: float | None, waist_cm: float | None) -> None:
        """The measured BMI and waist, for the hints of questions 9 and 28."""
        self._bmi, self._waist = bmi_value, waist_cm
        self._show_question()

    def current_question(self) -> int:
        """The question the next digit answers (1–33)."""
        return min(self.answers.cursorPosition() + 1, QUESTION_COUNT)

    # ------------------------------------------------------------- display
    def _show_question(self) -> None:
        number = self.current_question()
        self.question.setText(f"第 {number} 题：{QUESTIONS[number - 1]}")
        labels = SPECIAL_ANSWERS.get(number, SHORT_LABELS)
        self.options.setText("　".join(f"{i}＝{label}" for i, label in enumerate(labels, 1)))
        hint = ""
        if number == 9 and self._bmi is not None:
            hint = f"按实测 BMI {self._bmi:g}，应答 {bmi_answer(self._bmi)}"
        elif number == 28 and self._waist is not None:
            hint = f"按实测腰围 {self._waist:g} cm，应答 {waist_answer(self._waist)}"
        elif number in (9, 28):
            hint = "（填写身高体重、腰围后，此处提示按实测值应答的分数）"
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def _update(self) -> None:
        text = self.answers.text()
        self.count.setText(f"已答 {len(text)}/{QUESTION_COUNT}")
        answers = [int(c) for c in text if c in DIGITS]
        for name, items in ITEMS.items():
            label = self.sum_labels[name]
            if any(i > len(answers) for i in items):
                label.setText("—")
                label.setStyleSheet("")
                continue
            total = sum(
                reverse(answers[i - 1]) if name == BALANCED and i in REVERSED else answers[i - 1]
                for i in items
            )
            verdict = None if name == BALANCED else biased_verdict(total)
            label.setText(f"{total}" + (f" {verdict}" if verdict else ""))
            label.setStyleSheet(f"color: {VERDICT_COLORS[verdict]};" if verdict else "")
        if len(answers) == QUESTION_COUNT:
            result = judge(tuple(answers))
            balanced = self.sum_labels[BALANCED]
            verdict = result.verdicts[BALANCED]
            balanced.setText(f"{result.sums[BALANCED]} {verdict}")
            color = VERDICT_COLORS[Verdict.BASIC if verdict is Verdict.YES else verdict]
            balanced.setStyleSheet(f"color: {color};")  # 平和质 是 is good news
            self.result.setText(f"判定：{result.summary}")
        elif answers:
            self.result.setText("判定：答完 33 题后显示")
        else:
            self.result.setText("未做体质问卷时，可直接在下方选择中医体质")
        self._show_question()
        if len(answers) == QUESTION_COUNT:
            self.judged.emit(result.primary)
