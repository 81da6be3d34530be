"""Rebuild the bundled fallback fonts (resources/fonts/HanaMin*-sub.ttf) from Hanazono Mincho.

Developer tool, run once when the fonts change; needs `pip install fonttools` and the Debian
package `fonts-hanazono`. Keeps only the characters the main font (WenQuanYi Micro Hei) lacks,
so the bundle carries CJK Extension A, B and the rest of Hanazono's rare characters without
repeating the common ones. The Hanazono Font License allows modified copies (see
resources/licenses/Hanazono.txt).

    python scripts/subset_fallback_fonts.py [/usr/share/fonts/truetype/hanazono]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"


def _cmap(path: Path, number: int = 0) -> set[int]:
    font = TTFont(str(path), fontNumber=number, lazy=True)
    return set(font.getBestCmap())


def main(source: Path) -> None:
    covered = _cmap(FONTS / "wqy-microhei.ttc")
    for name in ("HanaMinA", "HanaMinB"):
        src = source / f"{name}.ttf"
        wanted = sorted(_cmap(src) - covered)
        covered |= set(wanted)
        options = subset.Options()
        options.layout_features = []
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False
        font = subset.load_font(str(src), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        target = FONTS / f"{name}-sub.ttf"
        subset.save_font(font, str(target), options)
        print(f"{target.name}: {len(wanted)} characters, {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/truetype/hanazono"))
