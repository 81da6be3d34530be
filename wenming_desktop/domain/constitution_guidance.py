"""The take-home 中医药保健指导 per constitution: the five aspects the standard names and the
reading of the doctor-reviewed text file (resources/constitution_guidance.md) that holds them.

Source: 国家基本公共卫生服务规范（第三版）, 老年人中医药健康管理服务规范 — 中医药保健指导 from
情志调摄, 饮食调养, 起居调摄, 运动保健, 穴位保健 according to the constitution. The wording is the
program's own and lives in the resource file, not here; this module only knows its shape.
"""

from __future__ import annotations

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import TCM_CONSTITUTIONS

GUIDANCE_ASPECTS: tuple[str, ...] = ("情志调摄", "饮食调养", "起居调摄", "运动保健", "穴位保健")

Guidance = dict[str, dict[str, str]]  # constitution → aspect → text


def parse_guidance(text: str, source: str = "保健指导文件") -> Guidance:
    """The guidance of a Markdown-like text: "## 体质" opens a constitution, "### 方面" one of
    its aspects, the lines below are the aspect's text (joined without line breaks); other lines
    starting with "#" and anything before the first "##" are notes. UserError, naming `source`
    and the line, on an unknown constitution or aspect, and naming what is missing when any of
    the nine constitutions × five aspects has no text."""
    guidance: Guidance = {}
    constitution: str | None = None
    aspect: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("### "):
            aspect = line[4:].strip()
            if constitution is None or aspect not in GUIDANCE_ASPECTS:
                raise UserError(
                    f"{source} 第 {number} 行：“{aspect}”不是“{'、'.join(GUIDANCE_ASPECTS)}”之一，"
                    "或写在了体质标题之前"
                )
            guidance[constitution][aspect] = ""
        elif line.startswith("## "):
            constitution = line[3:].strip()
            aspect = None
            if constitution not in TCM_CONSTITUTIONS:
                raise UserError(f"{source} 第 {number} 行：“{constitution}”不是九种体质之一")
            guidance[constitution] = {}
        elif line.startswith("#") or not line:
            continue
        elif constitution is not None and aspect is not None:
            guidance[constitution][aspect] += line
    missing = [
        f"{c}的{a}"
        for c in TCM_CONSTITUTIONS
        for a in GUIDANCE_ASPECTS
        if not guidance.get(c, {}).get(a)
    ]
    if missing:
        shown = "、".join(missing[:5]) + (f" 等 {len(missing)} 处" if len(missing) > 5 else "")
        raise UserError(f"{source} 缺少内容：{shown}")
    return guidance
