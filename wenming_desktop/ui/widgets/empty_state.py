"""What an empty page says: how to start, with the buttons that start it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
        row = QHBoxLayout()
        for title, action in actions:
            button = QPushButton(title)
            button.clicked.connect(lambda _checked=False, act=action: act())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()
