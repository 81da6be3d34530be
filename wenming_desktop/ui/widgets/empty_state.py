"""What an empty page says: how to start, with the buttons that start it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QFrame):
    """A framed hint shown instead of an empty list: one sentence and its actions."""

    def __init__(
        self,
        text: str,
        actions: Sequence[tuple[str, Callable[[], object]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        # Each button sits in a holder that `offer` shows or hides; the button's own visibility
        # is left to the role (a read-only user's writing buttons stay hidden).
        self._holders: dict[str, QWidget] = {}
        row = QHBoxLayout()
        for title, action in actions:
            button = QPushButton(title)
            button.clicked.connect(lambda _checked=False, act=action: act())
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(button)
            row.addWidget(holder)
            self.buttons.append(button)
            self._holders[title] = holder
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()

    def offer(self, text: str, titles: Iterable[str] | None = None) -> None:
        """Show the hint with `text` and the buttons titled `titles` (all when None)."""
        wanted = set(self._holders if titles is None else titles)
        self.label.setText(text)
        for title, holder in self._holders.items():
            holder.setVisible(title in wanted)
        self.show()
