"""Which font file PDFs embed; kept apart from fonts.py so choosing needs no reportlab import.

The choice is process-wide (reportlab's font registry is); `wenming_desktop.runtime.apply_pdf_font`
is the one caller of `use_font_file`, at the entry points and after the setting changes.
"""

from __future__ import annotations

from pathlib import Path

# A TrueType-outlined Chinese font every Chinese Windows has (reportlab cannot embed CFF fonts).
WINDOWS_FONT_CANDIDATES = (
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simsun.ttc"),
)

_chosen: list[Path | None] = [None]


def use_font_file(path: Path | None) -> None:
    """Embed `path` (a .ttf/.ttc) in PDFs from now on; None means the bundled font."""
    _chosen[0] = path


def chosen_font_file() -> Path | None:
    return _chosen[0]


def system_font_file() -> Path | None:
    """The first Windows Chinese font present, or None (not Windows, or none installed)."""
    return next((p for p in WINDOWS_FONT_CANDIDATES if p.is_file()), None)
