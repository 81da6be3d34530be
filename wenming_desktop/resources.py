"""Finding the shipped resources (fonts, icons, style) in a checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    """WenQuanYi Micro Hei: embeds in PDFs and covers Chinese when the system has no CJK font."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def fallback_font_paths() -> tuple[Path, ...]:
    """Hanazono Mincho subsets for the characters the main font lacks (CJK Extension A, B, ...),
    in the order to try them; rebuilt by scripts/subset_fallback_fonts.py."""
    fonts = resources_dir() / "fonts"
    return (fonts / "HanaMinA-sub.ttf", fonts / "HanaMinB-sub.ttf")


def icon_path() -> Path:
    return resources_dir() / "icons" / "wenming.png"


def style_path() -> Path:
    return resources_dir() / "style.qss"


def guidance_path() -> Path:
    """The doctor-reviewed 中医药保健指导 text printed on the take-home constitution sheets."""
    return resources_dir() / "constitution_guidance.md"
