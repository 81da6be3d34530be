"""An A4 document whose every page carries "第 x 页 共 y 页", written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from wenming_desktop.exports.files import atomic_output
from wenming_desktop.exports.pdf.fonts import register_fonts
from wenming_desktop.exports.pdf.glyphs import font_runs, runs_width
from wenming_desktop.exports.pdf.keep import keep_headings
from wenming_desktop.exports.pdf.refusals import raise_if_unprintable
from wenming_desktop.exports.pdf.titles import text_width

HEAD_SIZE = 9  # points: the running head and the page number


class FallbackCanvas(Canvas):
    """A canvas whose single-line strings (table cells, chart labels, footers) switch to a
    fallback font for characters the current font lacks; see glyphs.py."""

    def _font(self) -> tuple[str, float, float]:
        """The current font name, size and leading (reportlab's Canvas internals, absent from
        its stubs)."""
        state = vars(self)
        return str(state["_fontname"]), float(state["_fontsize"]), float(state["_leading"])

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        font, size, leading = self._font()
        runs = font_runs(str(text), font)
        if len(runs) <= 1:
            super().drawString(x, y, text, *args, **kwargs)
            return
        for run_font, run in runs:
            self.setFont(run_font, size, leading)
            super().drawString(x, y, run, *args, **kwargs)
            x += runs_width([(run_font, run)], size)
        self.setFont(font, size, leading)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        font, size, _ = self._font()
        width = runs_width(font_runs(str(text), font), size)
        self.drawString(x - width / 2, y, text, *args, **kwargs)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        font, size, _ = self._font()
        width = runs_width(font_runs(str(text), font), size)
        self.drawString(x - width, y, text, *args, **kwargs)


class _NumberedCanvas(FallbackCanvas):
    """Defers each page so the total is known when the footer is drawn; pages after the first
    also get `running_head` (what the document is) at their top, so a loose page says it."""

    def __init__(self, *args: Any, running_head: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running_head = tuple(running_head)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's Canvas internal, absent from its stubs

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            font = register_fonts()
            self.setFont(font, HEAD_SIZE)
            width, height = self._pagesize  # type: ignore[attr-defined]  # reportlab's Canvas internal, absent from its stubs
            page = self._pageNumber  # type: ignore[attr-defined]  # reportlab's Canvas internal, absent from its stubs
            self.drawCentredString(width / 2, 10 * mm, f"第 {page} 页 共 {total} 页")
            if self.running_head and page > 1:
                head = running_head_text(self.running_head, width - 30 * mm, font)
                self.drawCentredString(width / 2, height - 10 * mm, head)
            super().showPage()
        super().save()


def running_head_text(parts: Sequence[str], width: float, font: str) -> str:
    """`parts` (what the document is: kind, title, date …) on one line of at most `width`
    points at HEAD_SIZE, apart by ideographic spaces; while too long, the longest part is
    shortened and ends in “…” (a long activity title gives way, the date stays whole)."""
    parts = [p for p in parts if p]

    def fits(texts: list[str]) -> bool:
        return text_width("\u3000".join(texts), font, HEAD_SIZE) <= width

    while not fits(parts):
        longest = max(range(len(parts)), key=lambda i: len(parts[i]))
        if len(parts[longest]) <= 2:
            break
        parts[longest] = parts[longest].rstrip("…")[:-1] + "…"
    return "\u3000".join(parts)


def build_pdf(
    path: Path,
    story: Sequence[Flowable],
    title: str,
    pagesize: tuple[float, float] = A4,
    margins_mm: float = 15,
    running_head: Sequence[str] = (),
    on_page: Callable[[int], None] | None = None,
) -> None:
    """Lay out `story` on A4 pages with page numbers; the file appears only when complete.

    `running_head`: the parts of a line printed at the top of every page after the first, so a
    loose page says what it belongs to (e.g. the activity, sheet and date of a sign-in sheet;
    see running_head_text). Headings and captions are kept with what follows them
    (keep.keep_headings). `on_page(n)`: called as page n is laid out (progress of a long
    document)."""
    register_fonts()
    with atomic_output(Path(path)) as temp:
        doc = SimpleDocTemplate(
            str(temp),
            pagesize=pagesize,
            leftMargin=margins_mm * mm,
            rightMargin=margins_mm * mm,
            topMargin=margins_mm * mm,
            bottomMargin=(margins_mm + 5) * mm,
            title=title,
            author="文明实践工作台",
        )

        def page_done(_canvas: Canvas, template: SimpleDocTemplate) -> None:
            if on_page is not None:
                on_page(template.page)

        doc.build(
            keep_headings(story),
            onFirstPage=page_done,
            onLaterPages=page_done,
            canvasmaker=partial(_NumberedCanvas, running_head=running_head),
        )
        raise_if_unprintable()  # refused before the file appears (refusals.py)
