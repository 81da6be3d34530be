"""Pinyin initials of names, surname readings included."""

from __future__ import annotations

from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.pinyin import initials


def test_initials() -> None:
    assert initials("张三丰") == "zsf"
    assert initials("A组 2号") == "az2h"
    assert name_initials("单志强") == "szq|dzq"
