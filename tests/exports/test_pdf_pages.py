"""Pages that stand alone: headings stay with what follows, charts fit their figures."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from reportlab.platypus import Paragraph, Spacer

from tests.pdf_helpers import pdf_text
from wenming_desktop.exports.pdf.charts import COLUMN_LABELS_MAX, month_figures, village_chart
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import styles


def test_a_heading_at_a_page_foot_moves_to_the_next_page(tmp_path: Path) -> None:
    s = styles()
    path = tmp_path / "标题.pdf"
    # Filler up to just above the foot of page 1, then a heading and its paragraph.
    story = [
        Spacer(1, 700),
        Paragraph("活动照片", s["heading"]),
        Paragraph("照片说明" * 40, s["body"]),
    ]
    build_pdf(path, story, "标题")
    document = pdfium.PdfDocument(str(path))
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    assert len(pages) == 2
    assert "活动照片" not in pages[0] and "活动照片" in pages[1]


def test_one_month_is_a_sentence_and_many_villages_are_bars() -> None:
    assert isinstance(month_figures("按月份统计（场次）", [("7月", 5)]), Paragraph)
    assert not isinstance(month_figures("按月份统计（场次）", [("7月", 5), ("8月", 3)]), Paragraph)
    villages = [(f"第{i}村", i) for i in range(20)]
    bars = village_chart("按结对村统计（场次）", villages)
    few = village_chart("按结对村统计（场次）", villages[:COLUMN_LABELS_MAX])
    # Horizontal bars: a line per village, so the drawing grows with them; columns do not.
    assert bars.height > few.height  # type: ignore[attr-defined]
    assert bars.height >= 22 * len(villages)  # type: ignore[attr-defined]


def test_a_month_summary_has_no_one_bar_chart(tmp_path: Path) -> None:
    path = tmp_path / "月.pdf"
    build_pdf(path, [month_figures("按月份统计（场次）", [("7月", 5)])], "月")
    assert "按月份统计（场次）：7月 5 场。" in pdf_text(path)


def test_bar_values_start_past_their_bars() -> None:
    """A horizontal bar's value is printed after the bar's end, never over it (a 4-digit
    value centred at the end lay over the bar)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Group, Rect

    from wenming_desktop.exports.pdf.charts import bar_chart

    drawing = bar_chart("义诊服务项目（服务人次）", [("体格检查", 2786), ("发放药品/资料", 32510)])
    chart = next(c for c in drawing.contents if isinstance(c, HorizontalBarChart))

    def leaves(node: Group) -> list[object]:
        found: list[object] = []
        for child in node.contents:
            found.extend(leaves(child) if isinstance(child, Group) else [child])
        return found

    shapes = leaves(chart.draw())
    ends = sorted(r.x + r.width for r in shapes if isinstance(r, Rect))
    labels = sorted((s.x, s.boxAnchor, s._text) for s in shapes if hasattr(s, "_text"))
    assert len(ends) == len(labels) == 2
    for end, (x, anchor, _text) in zip(ends, labels, strict=True):
        assert anchor == "w" and x > end  # the value's left edge past the bar's end
