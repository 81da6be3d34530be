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


def glyphs_drawn(path: Path, ch: str, font_prefix: str = "") -> list[tuple[str, int]]:
    """(font name, dark pixels in its box) for every occurrence of `ch` in the PDF's text, or,
    with `font_prefix`, for every other character drawn in a font whose name holds it.

    The font name tells which font of the chain drew it; the dark pixels that a glyph (not a
    blank) was drawn there. (reportlab 5.1 writes characters beyond U+FFFF into the PDF's text
    map wrongly, so such a character is found by the font that drew it, not by its text.)
    """
    import ctypes

    import pypdfium2.raw as raw

    code = ord(ch)
    if code > 0xFFFF:  # pdfium reports characters outside the BMP as UTF-16 surrogate pairs
        code = 0xD800 + ((code - 0x10000) >> 10)
    found: list[tuple[str, int]] = []
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            textpage = page.get_textpage()
            scale = 3.0
            image = page.render(scale=scale).to_pil().convert("L")
            height = page.get_height()
            for index in range(textpage.count_chars()):
                buffer = ctypes.create_string_buffer(256)
                flags = ctypes.c_int()
                raw.FPDFText_GetFontInfo(textpage, index, buffer, 256, ctypes.byref(flags))
                if font_prefix:
                    if font_prefix not in buffer.value.decode("utf-8", "replace"):
                        continue
                    if raw.FPDFText_GetUnicode(textpage, index) == code:
                        continue  # `ch` is then what the font drew besides
                elif raw.FPDFText_GetUnicode(textpage, index) != code:
                    continue
                left, bottom, right, top = textpage.get_charbox(index)
                box = (
                    int(left * scale),
                    int((height - top) * scale),
                    int(right * scale) + 1,
                    int((height - bottom) * scale) + 1,
                )
                dark = sum(image.crop(box).point(lambda v: 255 if v < 128 else 0).histogram()[255:])
                found.append((buffer.value.decode("utf-8", "replace"), dark))
    finally:
        document.close()
    return found


MM = 72 / 25.4


def printed_measure(pdf: Path) -> tuple[int, str, float, bool]:
    """(pages, "W×H" in mm of page 1, smallest text size in pt, whether "###" shows)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        smallest, hashes = 99.0, False
        for page in document:
            textpage = page.get_textpage()
            hashes |= "###" in textpage.get_text_range()
            for index in range(textpage.count_chars()):
                if chr(pdfium.raw.FPDFText_GetUnicode(textpage, index)).isspace():
                    continue
                smallest = min(smallest, pdfium.raw.FPDFText_GetFontSize(textpage, index))
        width, height = document[0].get_size()
        size = f"{width / MM:.0f}×{height / MM:.0f}"
        return len(document), size, smallest, hashes
    finally:
        document.close()
