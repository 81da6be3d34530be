"""The guidance resource: its shape is checked, and the shipped file is complete."""

from __future__ import annotations

import pytest

from wenming_desktop.domain.constitution_guidance import GUIDANCE_ASPECTS, parse_guidance
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import TCM_CONSTITUTIONS
from wenming_desktop.resources import guidance_path


def _full(skip: tuple[str, str] | None = None) -> str:
    lines = ["# 说明", "说明文字不印出"]
    for c in TCM_CONSTITUTIONS:
        lines.append(f"## {c}")
        for a in GUIDANCE_ASPECTS:
            if (c, a) != skip:
                lines += [f"### {a}", f"{c}{a}第一行", f"{c}{a}第二行", ""]
    return "\n".join(lines)


def test_the_shipped_file_covers_nine_constitutions_five_aspects() -> None:
    guidance = parse_guidance(guidance_path().read_text(encoding="utf-8"))
    assert list(guidance) == list(TCM_CONSTITUTIONS)
    for aspects in guidance.values():
        assert list(aspects) == list(GUIDANCE_ASPECTS)
        assert all(10 <= len(text) <= 120 for text in aspects.values())  # fits one large page
    assert "涌泉" in guidance["平和质"]["穴位保健"]


def test_lines_are_joined_and_notes_left_out() -> None:
    guidance = parse_guidance(_full())
    assert guidance["气虚质"]["饮食调养"] == "气虚质饮食调养第一行气虚质饮食调养第二行"
    assert "说明" not in str(guidance)


def test_a_missing_aspect_is_named() -> None:
    with pytest.raises(UserError, match="缺少内容：血瘀质的运动保健"):
        parse_guidance(_full(skip=("血瘀质", "运动保健")), "保健指导文件")


def test_an_unknown_heading_names_the_line() -> None:
    text = _full().replace("## 特禀质", "## 特别质")
    with pytest.raises(UserError, match=r"第 \d+ 行：“特别质”不是九种体质之一"):
        parse_guidance(text)
    with pytest.raises(UserError, match=r"“饮食”不是"):
        parse_guidance(_full().replace("### 饮食调养", "### 饮食", 1))
