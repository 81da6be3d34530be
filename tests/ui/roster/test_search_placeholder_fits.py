"""The 志愿者 page's search box shows its whole hint on the small screens offices have."""

from __future__ import annotations

import os

import pytest


@pytest.mark.parametrize("width", [1366, 1280])
def test_the_search_hint_is_shown_whole(window, qtbot, width: int) -> None:
    window.resize(width, 768 if width == 1366 else 720)
    page = window.show_page("志愿者")
    window.context.runner.wait(30_000)
    qtbot.wait(30)
    search = page.search
    text = search.placeholderText()
    assert "拼音" in text
    needed = search.fontMetrics().horizontalAdvance(text)
    margins = search.textMargins()
    # the frame (a few pixels each side) and the clear button (shown while typing) take the rest
    room = search.width() - margins.left() - margins.right() - 2 * 8 - 24
    shots = os.environ.get("WENMING_SHOTS", "")
    if shots:
        window.grab().save(os.path.join(shots, f"volunteers_{width}.png"))
    assert room >= needed, (room, needed)
