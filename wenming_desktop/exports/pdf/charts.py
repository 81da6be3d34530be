"""Bar charts drawn with reportlab's own graphics, labelled in the embedded CJK font.

Which chart fits which figures: months as columns when there are two or more (a single month
is a sentence, not a one-bar chart); villages as columns while their names fit side by side
(up to COLUMN_LABELS_MAX), else as horizontal bars, one line per village, so labels never
overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph

BAR_COLOUR = colors.HexColor("#b22222")
COLUMN_LABELS_MAX = 8  # more labels than this under columns would run into each other


def month_figures(title: str, items: Sequence[tuple[str, int]]) -> Flowable:
    """Columns per month; one month alone is said in a sentence instead of a one-bar chart."""
    if len(items) > 1:
        return column_chart(title, items)
    label, value = items[0] if items else ("本期", 0)
    return Paragraph(markup(f"{title}：{label} {value} 场。"), styles()["body"])


def village_chart(title: str, items: Sequence[tuple[str, int]]) -> Flowable:
    """Villages as columns when few, else as horizontal bars (a label per line)."""
    if len(items) > COLUMN_LABELS_MAX:
        return bar_chart(title, items)
    return column_chart(title, items)


def _nice_max(values: Sequence[int]) -> int:
    top = max(values, default=0)
    if top <= 5:
        return 5
    step: int = 10 ** (len(str(top)) - 1)
    return ((top // step) + 1) * step


def column_chart(title: str, items: Sequence[tuple[str, int]], width: float = 480) -> Drawing:
    """Vertical bars, one per item (months, villages): values printed above the bars."""
    font = register_fonts()
    drawing = Drawing(width, 200)
    drawing.add(String(width / 2, 186, title, fontName=font, fontSize=11, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 40, width - 60, 130  # type: ignore[assignment]  # stubs say int; reportlab takes any number
    chart.data = [[value for _, value in items] or [0]]
    chart.categoryAxis.categoryNames = [label for label, _ in items] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7 if len(items) > 8 else 8
    chart.categoryAxis.labels.angle = 30 if len(items) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(items) > 8 else "n"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max([v for _, v in items])
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BAR_COLOUR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def bar_chart(title: str, items: Sequence[tuple[str, int]], width: float = 480) -> Drawing:
    """Horizontal bars for long labels (categories, services)."""
    font = register_fonts()
    height = max(80, 22 * len(items) + 50)
    drawing = Drawing(width, height)
    drawing.add(
        String(width / 2, height - 14, title, fontName=font, fontSize=11, textAnchor="middle")
    )
    chart = HorizontalBarChart()
    chart.x, chart.y = 170, 20
    chart.width, chart.height = width - 210, height - 50  # type: ignore[assignment]  # stubs say int; reportlab takes any number
    chart.data = [[value for _, value in reversed(items)] or [0]]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(items)] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max([v for _, v in items])
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BAR_COLOUR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    # the value starts just past the bar's end (centred there, a long number lay over the bar)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 3
    drawing.add(chart)
    return drawing
