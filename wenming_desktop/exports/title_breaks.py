"""Where a title or banner breaks into lines — one rule for the ledgers' titles (Excel,
`excel/print_layout.title_text`, measured in column units) and the PDFs' (`pdf/titles.py`,
measured in points): a title given as its parts (hospital, period, document name) breaks only
between them, each line as many whole parts as fit; a part longer than a line is cut into
lines of about equal length, none starting with a closing mark or ending with an opening one
(GB/T 15834-2011) and no number
or Latin word cut. So never "…工作总" / "结", one character alone on a line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

CLOSING = "，。、；：？！）》」』”’…"  # never at the start of a line
OPENING = "（《「『“‘"  # never at the end of a line


def parts_in_lines(
    parts: Iterable[str], fits: Callable[[str], bool], cut: Callable[[str], list[str]]
) -> list[str]:
    """`parts` in lines: a part joins the line before while `fits(line)`, else starts a new
    line, cut by `cut(part)` into lines when it is longer than one."""
    lines: list[str] = []
    for part in filter(None, parts):
        if lines and fits(lines[-1] + part):
            lines[-1] += part
        else:
            lines.extend(cut(part))
    return lines


def cut_evenly(text: str, count: int) -> list[str]:
    """`text` cut into `count` lines of about equal length (fewer if it is short); a closing
    mark stays at the end of the line before, an opening mark starts the next one, a run of ASCII
    characters is not cut."""
    lines: list[str] = []
    rest = text
    while count > 1 and rest:
        cut = math.ceil(len(rest) / count)
        while cut < len(rest) and (
            rest[cut] in CLOSING or (rest[cut].isascii() and rest[cut - 1].isascii())
        ):
            cut += 1
        while cut > 1 and rest[cut - 1] in OPENING:  # an opening mark goes with what it opens
            cut -= 1
        lines.append(rest[:cut])
        rest = rest[cut:]
        count -= 1
    if rest:
        lines.append(rest)
    return lines
