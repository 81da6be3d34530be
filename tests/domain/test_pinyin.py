"""Pinyin initials: loading pypinyin pauses the garbage collector only while it loads."""

from __future__ import annotations

import gc

from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.pinyin import initials


def test_initials_and_the_collector_left_on() -> None:
    assert gc.isenabled()
    assert initials("张三丰") == "zsf"
    assert initials("A组 2号") == "az2h"
    assert name_initials("单志强") == "szq|dzq"
    assert gc.isenabled()
