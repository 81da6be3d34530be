"""A small trend chart drawn with QPainter (QtCharts is not in PySide6-Essentials): blood
pressure, fasting glucose and weight over a resident's checkups, with the threshold lines."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    label: str
    color: str
    values: list[float | None]


@dataclass(frozen=True)
class Panel:
    """One band of the chart: its series share a scale; `limits` are dashed threshold lines."""

    title: str
    series: list[Series]
    limits: tuple[float, ...] = ()


class TrendChart(QWidget):
    """Panels stacked vertically over the same x axis (one point per checkup date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.panels: list[Panel] = []
        self.empty_text = "选定一位村民后显示历年变化"  # shown while there is nothing to draw
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], panels: list[Panel]) -> None:
        self.labels = labels
        self.panels = panels
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.labels or not self.panels:
            painter.setPen(QColor("#888888"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        left, right, top, bottom = 70.0, 16.0, 8.0, 22.0
        height = (self.height() - top - bottom) / len(self.panels)
        for i, panel in enumerate(self.panels):
            area = QRectF(left, top + i * height + 18, self.width() - left - right, height - 26)
            self._panel(painter, panel, area)
        painter.setPen(QColor("#444444"))
        for j, label in enumerate(self.labels):
            x = self._x(j, left, self.width() - left - right)
            painter.drawText(QRectF(x - 45, self.height() - bottom, 90, bottom),
                             Qt.AlignmentFlag.AlignCenter, label)  # fmt: skip
        painter.end()

    def _x(self, index: int, left: float, width: float) -> float:
        if len(self.labels) == 1:
            return left + width / 2
        return left + 20 + index * (width - 40) / (len(self.labels) - 1)

    def _panel(self, painter: QPainter, panel: Panel, area: QRectF) -> None:
        values = [v for s in panel.series for v in s.values if v is not None]
        painter.setPen(QColor("#cccccc"))
        painter.drawRect(area)
        legend_x = area.left()
        painter.setPen(QColor("#333333"))
        painter.drawText(QPointF(legend_x - 62, area.top() - 5), panel.title)
        for s in panel.series:
            legend_x += 60
            painter.setPen(QPen(QColor(s.color), 2))
            painter.drawLine(
                QPointF(legend_x, area.top() - 9), QPointF(legend_x + 14, area.top() - 9)
            )
            painter.drawText(QPointF(legend_x + 18, area.top() - 5), s.label)
        if not values:
            return
        low = min([*values, *panel.limits])
        high = max([*values, *panel.limits])
        pad = max((high - low) * 0.15, 1.0)
        low, high = low - pad, high + pad

        def y(value: float) -> float:
            return area.bottom() - (value - low) / (high - low) * area.height()

        painter.setPen(QColor("#666666"))
        for tick in (low + pad, high - pad):
            painter.drawText(QRectF(area.left() - 66, y(tick) - 8, 60, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{tick:g}")  # fmt: skip
        dashed = QPen(QColor("#e57373"), 1, Qt.PenStyle.DashLine)
        for limit in panel.limits:
            painter.setPen(dashed)
            painter.drawLine(QPointF(area.left(), y(limit)), QPointF(area.right(), y(limit)))
        for s in panel.series:
            painter.setPen(QPen(QColor(s.color), 2))
            previous: QPointF | None = None
            for j, value in enumerate(s.values):
                if value is None:
                    previous = None
                    continue
                point = QPointF(self._x(j, area.left() - 0, area.width()), y(value))
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.drawEllipse(point, 3, 3)
                painter.drawText(point + QPointF(5, -5), f"{value:g}")
                previous = point
