"""The 显示健康数值 switch of a list that shows residents' health values (domain.privacy).

Off by default. Switching it on writes an `unmask` audit entry (which list, which scope, how many
rows) before the values appear; if that entry cannot be written (a 只读 user) the switch stays
off. It switches itself off whenever it is hidden — the tab or page is left, the window closes —
so the next visit, and the next start of the program, begins masked again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QCheckBox, QWidget

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.privacy import MASKED_NOTE
from wenming_desktop.services.checkups.privacy import record_health_shown
from wenming_desktop.ui.context import PageContext


class HealthToggle(QCheckBox):
    """`changed(shown)` after the state changed (and, when shown, after the audit entry)."""

    changed = Signal(bool)

    def __init__(
        self,
        context: PageContext,
        list_name: str,
        scope: Callable[[], tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("显示健康数值", parent)
        self.context = context
        self.list_name = list_name
        self.scope = scope  # () -> (scope text, rows shown)
        self._recorded_scope: str | None = None  # the scope shown since the switch went on
        self.setToolTip(
            f"列表中村民的健康数值默认隐藏（{MASKED_NOTE}）。勾选后显示，并记入操作日志；"
            "离开本页后自动恢复隐藏。"
        )
        self.toggled.connect(self._toggled)

    @property
    def shown(self) -> bool:
        return self.isChecked()

    def _toggled(self, checked: bool) -> None:
        if checked and not self._record():
            self.blockSignals(True)
            self.setChecked(False)
            self.blockSignals(False)
            return
        if not checked:
            self._recorded_scope = None
        self.changed.emit(checked)

    def _record(self) -> bool:
        scope, rows = self.scope()
        try:
            record_health_shown(self.context.workspace.db, self.list_name, scope, rows)
        except UserError as exc:
            self.context.show_error(self, exc)
            return False
        self._recorded_scope = scope
        return True

    def scope_changed(self) -> None:
        """While shown, a list that loaded another scope (village, year) records it too."""
        if not self.shown or self.scope()[0] == self._recorded_scope:
            return
        if not self._record():
            self.setChecked(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.isChecked():
            self.setChecked(False)
