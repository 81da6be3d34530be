"""Assembling a filing packet on disk: staging folder, index PDF, SHA-256 manifest, final move.

The packet is built in a hidden staging folder beside the target and moved into place (or zipped
to a temporary file and renamed) only when complete, so a cancelled, failed or killed run leaves
nothing half-made under the final name; a killed run's hidden leftovers are removed by a later
packet once they are a day old.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.domain.file_names import name_problem
from wenming_desktop.exports.excel.print_layout import PRINTED_PAGES
from wenming_desktop.exports.files import atomic_output
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph
from wenming_desktop.exports.pdf.refusals import refuses_unprintable
from wenming_desktop.exports.pdf.titles import title_paragraph

INDEX_NAME = "00_目录.pdf"
STAGING_PREFIX = ".归档生成中-"
LEFTOVER_AGE = 24 * 3600
MANIFEST_NAME = "清单_SHA256.txt"
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PRINTED = re.compile(rf'name="{PRINTED_PAGES}"\s*>\s*<vt:i4>(\d+)</vt:i4>')
_PASS_WEIGHT = 200  # a build of the index, in files counted (for progress)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF by its page objects; exact for reportlab's output, a fair count for scans."""
    return len(_PAGE.findall(path.read_bytes()))


def workbook_pages(path: Path) -> int | None:
    """The printed page count a workbook of this program states (exports/excel/ledger.py
    computes it from the layout and keeps it in a custom document property); None for a
    workbook without one or one that cannot be read."""
    try:
        with zipfile.ZipFile(path) as book:
            xml = book.read("docProps/custom.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    found = _PRINTED.search(xml)
    return int(found.group(1)) if found else None


def page_count(path: Path) -> int | None:
    """Pages `path` prints on: a PDF's pages, 1 for a photo, a workbook's printed pages as
    laid out; None when unknown (another kind of file)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_page_count(path)
    if suffix in IMAGE_SUFFIXES:
        return 1
    if suffix == ".xlsx":
        return workbook_pages(path)
    return None


def page_count_text(path: Path) -> str:
    pages = page_count(path)
    return "—" if pages is None else str(pages)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside `target`, removed if the block fails or is cancelled.

    A killed run (power cut, task manager) cannot remove it: the next packet written to the
    same folder removes such leftovers once they are a day old."""
    problem = name_problem(target.name)
    if problem is not None:
        raise UserError(f"无法写入归档材料包“{target}”：{problem}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(target.parent)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    except OSError as exc:
        raise UserError(f"无法在“{target.parent}”中创建归档材料包：{os_reason(exc)}") from None
    _hide(staging)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Staging folders and temporary zips of packets cut off by a crash, once a day old (a
    younger one may belong to a packet being made in another window right now)."""
    cutoff = (now or time.time()) - LEFTOVER_AGE
    removed = []
    for path in folder.glob(".*"):
        staging = path.name.startswith(STAGING_PREFIX) and path.is_dir()
        part_zip = path.name.endswith(".part.zip") and path.is_file()
        if (staging or part_zip) and path.lstat().st_mtime < cutoff:
            if staging:
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _hide(path: Path) -> None:
    """On Windows a leading dot does not hide a folder: set the hidden attribute."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)  # FILE_ATTRIBUTE_HIDDEN


def files_in(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


MISSING_NOTE = "以下附件在数据文件夹中找不到文件，未能放入本材料包，请补齐后重新生成："


def _grid(table: Table, font: str) -> None:
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2dcdb")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )


def _text_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(ch, font, size) or size for ch in text)


def wrap_cell(text: str, width: float, font: str, size: float = 9) -> str:
    """`text` broken into lines (joined by newlines) of at most `width` points: a plain string
    cell, which reportlab lays out far faster than a Paragraph (the index of a year's packet
    has thousands of rows). Rare characters are measured in the main font; the page canvas
    draws them from the fallback fonts."""
    lines, line, used = [], "", 0.0
    for ch in text:
        w = pdfmetrics.stringWidth(ch, font, size) or size
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    lines.append(line)
    return "\n".join(lines)


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def name_pieces(name: str) -> list[str]:
    """Where a file or folder name may break: after each `_` and before its extension
    ("001_2026-07-12_" "胜利村…演出" ".pdf"); the extension is never cut."""
    found = _EXTENSION.search(name)
    stem, extension = (name[: found.start()], found.group()) if found else (name, "")
    pieces = [piece for piece in re.split(r"(?<=_)", stem) if piece]
    return [*pieces, extension] if extension else pieces


def wrap_name(name: str, width: float, font: str, size: float = 9) -> str:
    """A file or folder name in lines of at most `width` points, broken only between its
    pieces (name_pieces) — each line as many whole pieces as fit; a piece longer than a line
    (not the extension) is broken where it must, the rest of its line filled."""
    lines: list[str] = []
    line, used = "", 0.0
    for piece in name_pieces(name):
        wide = _text_width(piece, font, size)
        if used + wide <= width:
            line, used = line + piece, used + wide
            continue
        if line:
            lines.append(line)
        line, used = piece, wide
        if wide > width and not _EXTENSION.fullmatch(piece):
            *full, line = wrap_cell(piece, width, font, size).split("\n")
            lines.extend(full)
            used = _text_width(line, font, size)
    lines.append(line)
    return "\n".join(lines)


CELL_PADDING = 6  # points: reportlab's cell padding on each side
INDEX_WIDTH = 180 * mm
FOLDER_WIDTH = (22 * mm, 48 * mm)  # the folder column: at least, at most


def _index_widths(listed: Sequence[tuple[str, str, str, str]], font: str) -> list[float]:
    """Column widths of the index (序号, 文件夹, 文件名, 页数, 页码): the numbers and the
    folders as wide as their longest text (folders within FOLDER_WIDTH, so a usual folder such
    as 05_会议记录与签到表 takes one line), the file names the rest."""

    def widest(texts: Sequence[str], least: float) -> float:
        longest = max((_text_width(t, font, 9) for t in set(texts)), default=0.0)
        return max(least, longest + 2 * CELL_PADDING + 1)

    number = widest([str(len(listed))], 10 * mm)
    pages = widest([p for _, _, p, _ in listed], 12 * mm)
    span = widest([s for _, _, _, s in listed], 16 * mm)
    folder = min(widest([f for f, _, _, _ in listed], FOLDER_WIDTH[0]), FOLDER_WIDTH[1])
    return [number, folder, INDEX_WIDTH - number - folder - pages - span, pages, span]


def _pages_text(first: int, pages: int) -> str:
    return str(first) if pages == 1 else f"{first}–{first + pages - 1}"


@refuses_unprintable
def write_index(
    staging: Path,
    title: str,
    subtitle: str,
    figures: Sequence[tuple[str, str]] = (),
    missing: Sequence[str] = (),
    tick: Callable[[int, int], None] | None = None,
    title_parts: Sequence[str] = (),
) -> None:
    """The 目录 PDF: the period's key figures, every file of the packet with its folder, its
        page count (workbooks as printed) and its pages in the packet's running page numbers (the
        index first, then the files in their order), and the attachments that could not be
        included because their file is missing. `title_parts`: the title's parts (hospital, period,
    名称), where it may break into lines; `tick(done, total)` reports progress."""
    report = tick or (lambda _done, _total: None)
    paths = files_in(staging)
    total = len(paths) + 4 * _PASS_WEIGHT
    files = []
    for number, path in enumerate(paths, start=1):
        files.append((path, page_count(path)))
        if number % 50 == 0:
            report(number, total)
    index_pages = 1 + (len(files) + 12) // 40  # about 40 rows a page; corrected below
    for attempt in range(4):  # the index's own length moves every running number
        base = len(paths) + attempt * _PASS_WEIGHT

        def on_page(page: int, base: int = base) -> None:
            report(base + min(page * 5, _PASS_WEIGHT - 1), total)

        report(base, total)
        _write_index(
            staging,
            (title, *title_parts),
            subtitle,
            figures,
            missing,
            files,
            index_pages,
            on_page,
        )
        written = pdf_page_count(staging / INDEX_NAME)
        if written == index_pages:
            return
        index_pages = written


def _write_index(
    staging: Path,
    titles: tuple[str, ...],
    subtitle: str,
    figures: Sequence[tuple[str, str]],
    missing: Sequence[str],
    files: Sequence[tuple[Path, int | None]],
    index_pages: int,
    on_page: Callable[[int], None],
) -> None:
    font = register_fonts()
    s = styles()
    title, *parts = titles
    rows: list[list[object]] = [["序号", "文件夹", "文件名", "页数", "页码"]]
    listed: list[tuple[str, str, str, str]] = [("—", INDEX_NAME, str(index_pages),
                                                _pages_text(1, index_pages))]  # fmt: skip
    first = index_pages + 1
    for path, pages in files:
        relative = path.relative_to(staging)
        folder = relative.parent.as_posix() if relative.parent != Path(".") else "—"
        span = "—"
        if pages:
            span, first = _pages_text(first, pages), first + pages
        listed.append((folder, relative.name, "—" if pages is None else str(pages), span))
    widths = _index_widths(listed, font)
    folder_room, name_room = widths[1] - 2 * CELL_PADDING, widths[2] - 2 * CELL_PADDING
    for number, (folder, name, pages_text, span) in enumerate(listed):
        rows.append(
            [number or "", wrap_name(folder, folder_room, font),
             wrap_name(name, name_room, font), pages_text, span]
        )  # fmt: skip
    rows.append(
        ["", "—", wrap_cell(f"{MANIFEST_NAME}（各文件SHA-256校验值）", name_room, font), "—", "—"]
    )
    table = Table(rows, colWidths=widths, repeatRows=1)
    _grid(table, font)
    story: list[Flowable] = [
        title_paragraph(parts or (title,), s["title"]),
        Paragraph(markup(subtitle), s["subtitle"]),
        Spacer(1, 6),
    ]
    if figures:
        key = Table(
            [["主要数据", "数值"], *[list(f) for f in figures]], colWidths=[120 * mm, 60 * mm]
        )
        _grid(key, font)
        story += [key, Spacer(1, 6)]
    if missing:
        note = Paragraph(markup(f"缺失附件 {len(missing)} 个。" + MISSING_NOTE), s["body"])
        note.keepWithNext = 1  # kept with the list's first rows
        story.append(note)
        gone = Table(
            [["序号", "缺失的附件"], *[[i, Paragraph(markup(m), s["cell"])] for i, m in
                                      enumerate(missing, start=1)]],
            colWidths=[14 * mm, 166 * mm],
            repeatRows=1,
        )  # fmt: skip
        _grid(gone, font)
        story += [gone, Spacer(1, 6)]
    total = index_pages + sum(pages or 0 for _, pages in files)
    story.append(
        Paragraph(
            markup(
                f"全包共 {total} 页（页码：本目录在前，各文件依次连续编排；台账按A4打印的页数计）"
            ),
            s["caption"],
        )
    )
    story.append(Spacer(1, 4))
    story.append(table)
    build_pdf(staging / INDEX_NAME, story, title=title, running_head=(title,), on_page=on_page)


def write_manifest(staging: Path, tick: Callable[[int, int], None] | None = None) -> None:
    """`sha256sum -c` compatible: one "<hash>  <path>" line per file, paths relative, UTF-8.
    `tick(done, total)` reports progress."""
    paths = [path for path in files_in(staging) if path.name != MANIFEST_NAME]
    lines = []
    for number, path in enumerate(paths, start=1):
        lines.append(f"{sha256_of(path)}  {path.relative_to(staging).as_posix()}")
        if tick is not None and number % 50 == 0:
            tick(number, len(paths))
    (staging / MANIFEST_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")


def publish(staging: Path, target: Path, as_zip: bool) -> Path:
    """Move the finished packet into place in one step."""
    try:
        if as_zip:
            with (
                atomic_output(target) as temp,
                zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive,
            ):
                for path in files_in(staging):
                    relative = path.relative_to(staging).as_posix()
                    archive.write(path, f"{target.stem}/{relative}")
            return target
        if target.exists():
            if any(target.iterdir()):
                raise UserError(f"目标文件夹“{target}”已存在且不为空；请另选位置或先移走它")
            target.rmdir()
        os.replace(staging, target)
        staging.mkdir()  # the staging context removes it again
        return target
    except OSError as exc:
        raise UserError(f"无法写入归档材料包“{target}”：{os_reason(exc)}") from None
