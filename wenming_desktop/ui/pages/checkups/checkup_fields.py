"""Keyboard-first input fields of the checkup entry form.

`NumberField` refuses a value outside its plausible range when the clerk presses Enter and
colours a value outside the thresholds as it is typed. `CodeField` picks one or several options
by number (1–9) or pinyin initials, so lists such as the TCM constitutions need no mouse.
`EnterChain` moves the focus on with Enter through the fields that are visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.name_pinyin import alternatives, name_initials
from wenming_desktop.domain.search import normalize_query
from wenming_desktop.domain.thresholds import check_plausible

WARN_STYLE = "background: #ffe0b2;"  # outside the thresholds: look again
ALERT_STYLE = "background: #ffcdd2;"  # high band or a refused value


class NumberField(QLineEdit):
    """A number in a plausible range; `band` maps a value to a style (or "") as typed."""

    def __init__(
        self,
        plausible_key: str | None,
        integer: bool = False,
        band: Callable[[float], str] | None = None,
        parent: QWidget | None = None,
        allowed: tuple[str, Sequence[int]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.plausible_key = plausible_key
        self.allowed = allowed  # (label, the only values accepted), e.g. a self-care item
        self.integer = integer
        self._band = band
        self.error_text = ""
        self.setMaximumWidth(110)
        self.textChanged.connect(self._restyle)

    def value(self) -> float | int | None:
        """The value, or None when empty; raises UserError when it is not acceptable."""
        text = normalize_query(self.text())
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise UserError(f"“{self.text()}”不是数字") from None
        if self.integer:
            if number != int(number):
                raise UserError(f"“{self.text()}”应为整数")
            number = int(number)
        if self.plausible_key:
            check_plausible(self.plausible_key, float(number))
        if self.allowed and number not in self.allowed[1]:
            choices = "/".join(str(v) for v in sorted(set(self.allowed[1])))
            raise UserError(f"“{self.allowed[0]}”的得分只能是 {choices}，实际为 {number:g}")
        return number

    def check(self) -> bool:
        """Validate for Enter: on refusal the value is selected and `error_text` says why."""
        try:
            self.value()
        except UserError as exc:
            self.error_text = exc.message
            self.setStyleSheet(ALERT_STYLE)
            self.selectAll()
            return False
        self.error_text = ""
        self._restyle()
        return True

    def set_value(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")

    def _restyle(self) -> None:
        style = ""
        if self._band is not None:
            try:
                value = self.value()
            except UserError:
                value = None
            if value is not None:
                style = self._band(float(value))
        self.setStyleSheet(style)


class CodeField(QLineEdit):
    """Choose among `options` by typing their number (1-based) or pinyin initials.

    Several choices (multi) are typed as digits one after another ("12") or separated by
    spaces; the chosen names show in `shown`.
    """

    changed = Signal()

    def __init__(
        self,
        options: Sequence[str],
        multi: bool = False,
        keys: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.multi = multi
        self.shown = QLabel("")
        self.shown.setObjectName("hint")
        self.error_text = ""
        self.set_options(options, keys)
        self.textChanged.connect(self._update)

    def set_options(self, options: Sequence[str], keys: Sequence[str] | None = None) -> None:
        """`keys` are extra search texts per option (e.g. staff numbers), matched by prefix."""
        self.options = list(options)
        self._initials = [alternatives(name_initials(o)) for o in self.options]
        self._keys = [k.lower() for k in (keys or [""] * len(self.options))]
        self._update()

    def legend(self) -> str:
        return "  ".join(f"{i}{o}" for i, o in enumerate(self.options[:9], start=1))

    def _one(self, token: str) -> int:
        if token.isdigit() and len(self.options) <= 9 and len(token) == 1:
            number = int(token)
            if 1 <= number <= len(self.options):
                return number - 1
            raise UserError(f"编号 {token} 不在 1–{len(self.options)} 之间")
        found = [
            i
            for i, option in enumerate(self.options)
            if token in option
            or (
                token.isascii()
                and token.isalpha()
                and any(a.startswith(token) for a in self._initials[i])
            )
            or (self._keys[i] and self._keys[i].startswith(token))
        ]
        exact = [i for i in found if self.options[i] == token or self._keys[i] == token]
        if exact:
            return exact[0]
        if len(found) == 1:
            return found[0]
        if not found:
            raise UserError(f"“{token}”没有对应的选项")
        names = "、".join(self.options[i] for i in found[:5])
        raise UserError(f"“{token}”对应多个选项：{names}，请多输入几个字母")

    def indexes(self) -> list[int]:
        """The chosen options' positions; raises UserError on a code that fits none or many."""
        text = normalize_query(self.text().replace(",", " ").replace("，", " ").replace("、", " "))
        raw = self.text().replace(",", " ").replace("，", " ").replace("、", " ").split()
        if not text:
            return []
        tokens = [normalize_query(t) for t in raw]
        if self.multi and len(tokens) == 1 and tokens[0].isdigit() and len(self.options) <= 9:
            tokens = list(tokens[0])
        if not self.multi and len(tokens) > 1:
            tokens = ["".join(tokens)]
        chosen: list[int] = []
        for token in tokens:
            index = self._one(token)
            if index not in chosen:
                chosen.append(index)
        return chosen

    def values(self) -> list[str]:
        return [self.options[i] for i in self.indexes()]

    def value(self) -> str:
        values = self.values()
        return values[0] if values else ""

    def set_values(self, values: Sequence[str]) -> None:
        codes = [str(self.options.index(v) + 1) for v in values if v in self.options]
        if len(self.options) > 9:
            codes = [self._keys[int(c) - 1] or self._initials[int(c) - 1][0] for c in codes]
        self.setText(" ".join(codes) if not self.multi or len(self.options) > 9 else "".join(codes))

    def check(self) -> bool:
        try:
            self.indexes()
        except UserError as exc:
            self.error_text = exc.message
            self.setStyleSheet(ALERT_STYLE)
            self.selectAll()
            return False
        self.error_text = ""
        self.setStyleSheet("")
        return True

    def _update(self) -> None:
        try:
            self.shown.setText("、".join(self.values()) or "（未选）")
            self.setStyleSheet("")
        except UserError as exc:
            self.shown.setText(exc.message)
        self.changed.emit()


class EnterChain(QObject):
    """Enter in a field checks it and moves on to the next visible field; after the last,
    `on_done` runs. A field that refuses its value keeps the focus and `on_error` shows why."""

    def __init__(
        self,
        fields: Sequence[QLineEdit],
        on_done: Callable[[], None],
        on_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self._on_done = on_done
        self._on_error = on_error
        for field in self.fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in self.fields:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        field = watched
        assert isinstance(field, QLineEdit)
        check = getattr(field, "check", None)
        if check is not None and not check():
            self._on_error(getattr(field, "error_text", ""))
            return True
        self._on_error("")
        self.advance(field)
        return True

    def advance(self, field: QLineEdit) -> None:
        start = self.fields.index(field) + 1
        for candidate in self.fields[start:]:
            if candidate.isVisibleTo(candidate.window()) and candidate.isEnabled():
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                candidate.selectAll()
                return
        self._on_done()
