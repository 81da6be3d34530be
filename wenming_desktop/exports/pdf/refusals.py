"""Refusing a PDF that would print a character blank, naming every such text at once.

What belongs here: the `Unprintable` error, the collection of what a document cannot print
while it is laid out, and the packet's deferral (one refusal for the whole packet). Which
characters print is decided in glyphs.py.

A writer decorated with `@refuses_unprintable` lays its document out in full; every text with a
character no font has is noted (glyphs.font_runs) instead of stopping at the first, and the
file is refused before it appears (document.build_pdf checks before the file is committed)
with one message listing every text and character, at most `LISTED` of them and then
"等 N 处". So the clerk fixes all of them in one pass, not one per run.

Inside `deferred_refusals()` (the packet) a refused document is left out and its texts are
kept; the block ends with one refusal for everything, before the packet is published.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from wenming_desktop.domain.errors import UserError

LISTED = 10  # texts named in one message; the rest counted as 等 N 处
CONTEXT = 8  # characters either side of a missing one, when the text is longer

P = ParamSpec("P")
R = TypeVar("R")

# (text, missing character): in the order found, without repeats
Found = dict[tuple[str, str], None]

_document: ContextVar[Found | None] = ContextVar("unprintable_document", default=None)
_deferred: ContextVar[Found | None] = ContextVar("unprintable_deferred", default=None)


def quoted(text: str, index: int) -> str:
    """The text around `text[index]` (the whole text when short, as a name is)."""
    start, end = max(0, index - CONTEXT), min(len(text), index + CONTEXT + 1)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class Unprintable(UserError):
    """A document not written: `found` lists (text, character) pairs no font can print."""

    def __init__(self, found: Iterable[tuple[str, str]]) -> None:
        self.found = tuple(dict.fromkeys(found))
        super().__init__(refusal_text(self.found))

    def __reduce__(self) -> tuple[type[Unprintable], tuple[tuple[tuple[str, str], ...]]]:
        return (Unprintable, (self.found,))  # raised in a worker process, read in the window


def refusal_text(found: Iterable[tuple[str, str]]) -> str:
    """The clerk's message: every text (up to LISTED, quoted around its first missing
    character when long) with its missing characters (U+XXXX)."""
    by_text: dict[str, list[str]] = {}
    for text, ch in found:
        by_text.setdefault(text, []).append(ch)
    items = [
        f"“{quoted(text, text.index(chars[0]))}”中的"
        + "、".join(f"“{ch}”（U+{ord(ch):04X}）" for ch in chars)
        for text, chars in by_text.items()
    ]
    listed = "；".join(items[:LISTED]) + (f"等 {len(items)} 处" if len(items) > LISTED else "")
    where = "这处文字" if len(items) == 1 else f"以下 {len(items)} 处文字"
    return (
        f"{where}中有字在打印所用的字体中都没有字形，打印出来会是空白，因此没有生成文件：{listed}。"
        "请核对这些字（可改用通用写法并在备注中说明）后重试。"
    )


def note_missing(text: str, index: int) -> bool:
    """Note `text[index]` as unprintable in the document being laid out; False when no
    document collects (the caller then raises at once)."""
    found = _document.get()
    if found is None:
        return False
    found[(text, text[index])] = None
    return True


def raise_if_unprintable() -> None:
    """Refuse the document being laid out if it noted anything (before its file is kept)."""
    found = _document.get()
    if found:
        raise Unprintable(found)


@contextmanager
def _collecting() -> Iterator[Found]:
    """A document's collection; a writer called by another (a meeting's sign-in sheet) adds
    to the caller's, since they write one document."""
    outer = _document.get()
    if outer is not None:
        yield outer
        return
    found: Found = {}
    token = _document.set(found)
    try:
        yield found
    finally:
        _document.reset(token)


def refuses_unprintable(write: Callable[P, None]) -> Callable[P, None]:
    """Decorate a PDF writer: lay out the whole document, then refuse it naming every
    unprintable text. Inside `deferred_refusals()` the refusal is kept and the writer returns
    without a file."""

    @functools.wraps(write)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            with _collecting():
                write(*args, **kwargs)
                raise_if_unprintable()  # a writer that does not go through build_pdf
        except Unprintable as exc:
            if not defer(exc):
                raise

    return wrapper


def defer(exc: Unprintable) -> bool:
    """Keep `exc`'s texts for the packet's one refusal; False when no packet collects."""
    kept = _deferred.get()
    if kept is None:
        return False
    kept.update(dict.fromkeys(exc.found))
    return True


@contextmanager
def deferred_refusals() -> Iterator[None]:
    """Every document refused inside is left out and noted; at the end, one `Unprintable`
    for all of them (nothing is raised when all printed)."""
    kept: Found = {}
    token = _deferred.set(kept)
    try:
        yield
    finally:
        _deferred.reset(token)
    if kept:
        raise Unprintable(kept)
