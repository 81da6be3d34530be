"""Pinyin initials of Chinese names, for search boxes (typing `zsf` finds 张三丰)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import lru_cache, partial


@lru_cache(maxsize=1)
def _first_letters() -> Callable[[str], list[str]]:
    """pypinyin's converter, loaded on first use (its dictionaries take ~0.25 s)."""
    # Its dictionaries are ~190,000 container objects that live as long as the process: loading
    # them set off two full garbage collections (~0.09 s each), and every later one walked them
    # again. Loaded with the collector paused and then frozen, they are left out of all of them.
    paused = gc.isenabled()
    gc.disable()
    try:
        from pypinyin import Style, lazy_pinyin
    finally:
        if paused:
            gc.enable()
    gc.freeze()
    return partial(lazy_pinyin, style=Style.FIRST_LETTER, errors="default")


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Lower-case first letters of each character's pinyin; other characters kept as typed."""
    letters = _first_letters()(text)
    return "".join(letters).lower().replace(" ", "")
