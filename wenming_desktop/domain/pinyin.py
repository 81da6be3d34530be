"""Pinyin initials of Chinese names, for search boxes (typing `zsf` finds 张三丰)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def initials(text: str) -> str:
    """Lower-case first letters of each character's pinyin; other characters kept as typed."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take ~0.3 s: load on first use

    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return "".join(letters).lower().replace(" ", "")
