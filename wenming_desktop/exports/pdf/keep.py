"""Headings and captions kept with what follows them, without pushing a long table away.

reportlab's own `keepWithNext` wraps a heading and the next flowable in a `KeepTogether`: when
that flowable does not fit in what is left of the page, both move to the next page. For a long
table that leaves most of a page blank (a record's heading 参加志愿者及服务时长 with 60
volunteers jumped to page 2 and left page 1 half empty). Here a heading (any flowable with
`keepWithNext`, e.g. the `heading` and `caption` styles) instead needs room for itself and the
start of what follows — a table's repeated header and first `FIRST_ROWS` rows (a table
without a header, such as a photo grid: its first row), a paragraph's first two lines,
anything else whole — and moves to the next page only when that room is not left. The table
itself then splits across pages with its header row repeated.

`keep_headings(story)` rewrites a story so; `document.build_pdf` applies it to every document.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak

from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph

FIRST_ROWS = 2  # body rows under a table's header that must come on the page of its heading
FIRST_ROWS_PLAIN = 1  # rows of a table without a header (a photo grid, a form)


def _kept(flowable: Flowable) -> bool:
    return bool(flowable.getKeepWithNext())  # type: ignore[no-untyped-call]  # reportlab's, untyped


def _height(flowable: Flowable, width: float, height: float) -> float:
    _, used = flowable.wrap(width, height)
    return float(used) + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _first_rows(table: Table, width: float, most: float, count: int) -> float | None:
    """The height of `table`'s first `count` rows (None if reportlab left one unmeasured).

    reportlab (5.1) measures every row to wrap a table, so this costs one more wrap of the
    table than placing it does (measured: docs/printing.md, "PDF pages that stand alone")."""
    table.wrap(width, most)
    rows: list[float | None] = vars(table)["_rowHeights"][:count]
    return None if None in rows else sum(h for h in rows if h is not None)


class KeepRoom(Flowable):
    """A zero-height mark before `heads`: breaks to the next frame unless `heads` and the start
    of `follower` fit in what is left (like reportlab's CondPageBreak, with the room measured
    from the flowables themselves when laid out). Never breaks at the top of a frame."""

    def __init__(self, heads: Sequence[Flowable], follower: Flowable) -> None:
        super().__init__()
        self.heads = list(heads)
        self.follower = follower

    def _needed(self, width: float, height: float) -> float | None:
        """The room needed, or None when it is known not to fit in `height`."""
        needed = sum(_height(head, width, height) for head in self.heads)
        rest = height - needed
        if rest <= 0:
            return None
        follower = self.follower
        if isinstance(follower, Table):
            header = follower.repeatRows
            first = _first_rows(
                follower, width, rest, header + (FIRST_ROWS if header else FIRST_ROWS_PLAIN)
            )
            if first is None or first > rest:
                return None
            return needed + first + follower.getSpaceBefore()
        if isinstance(follower, Paragraph):
            full = _height(follower, width, rest)
            start = 2 * follower.style.leading + follower.getSpaceBefore()
            return needed + min(full, start)
        return needed + _height(follower, width, rest)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        template = getattr(self, "_doctemplate", None)  # set by reportlab while it lays out
        frame = getattr(template, "frame", None)
        if frame is None or getattr(frame, "_atTop", False):
            return 0, 0
        needed = self._needed(availWidth, availHeight)
        if needed is None or needed > availHeight:
            frame.add_generated_content(FrameBreak)
        return 0, 0

    def draw(self) -> None:
        pass


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """`story` with each run of keep-with-next flowables (and spacers after them) preceded by a
    `KeepRoom` for them and the flowable that follows, and their own keep-with-next turned
    off, so reportlab does not move the whole follower (a page break or other action after a
    heading is left to reportlab)."""
    out: list[Flowable] = []
    i = 0
    while i < len(story):
        if not _kept(story[i]):
            out.append(story[i])
            i += 1
            continue
        j = i
        while j < len(story) and (_kept(story[j]) or isinstance(story[j], Spacer)):
            j += 1
        heads = list(story[i:j])
        if j < len(story) and not isinstance(story[j], ActionFlowable | CondPageBreak):
            for head in heads:
                head.keepWithNext = 0
            out.append(KeepRoom(heads, story[j]))
        out.extend(heads)
        i = j
    return out


def keep_totals(table: Table) -> Table:
    """`table` whose last row (合计) never starts a page alone: it stays with the row above."""
    table.setStyle([("NOSPLIT", (0, -2), (-1, -1))])
    return table
