"""Pinyin initials of Chinese names, for search boxes (typing `zsf` finds 张三丰)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial


@lru_cache(maxsize=1)
def converter() -> Callable[[str], list[str]]:
    """pypinyin's first-letter converter, imported on first use (its dictionaries take
    0.1–0.3 s and ~190,000 objects that live as long as the process).

    The entry points load it ahead through `wenming_desktop.runtime.preload_pinyin`, which keeps
    those objects out of garbage collections; see docs/architecture.md, "Process-wide state".
    """
    from pypinyin import Style, lazy_pinyin

    return partial(lazy_pinyin, style=Style.FIRST_LETTER, errors="default")


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Lower-case first letters of each character's pinyin; other characters kept as typed."""
    letters = converter()(text)
    return "".join(letters).lower().replace(" ", "")
