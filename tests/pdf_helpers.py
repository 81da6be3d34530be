"""Reading PDFs back in tests: text extraction and rendering pages to PNG (pypdfium2)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def flat(text: str) -> str:
    """Extracted text without line breaks, so a wrapped title still matches."""
    return text.replace("\r", "").replace("\n", "")


def pdf_pages(path: Path) -> int:
    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def render_pages(path: Path, out_dir: Path, scale: float = 0.8) -> list[Path]:
    """Every page as a PNG; asserts each page has ink on it (not blank, not a failed render)."""
    document = pdfium.PdfDocument(str(path))
    out: list[Path] = []
    try:
        for number, page in enumerate(document, start=1):
            image = page.render(scale=scale).to_pil()
            target = out_dir / f"{path.stem}-{number}.png"
            image.save(target)
            extrema = image.convert("L").getextrema()
            assert extrema[0] < 128, f"page {number} of {path.name} looks blank"
            out.append(target)
    finally:
        document.close()
    return out
