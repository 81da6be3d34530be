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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.domain.file_names import name_problem
from wenming_desktop.exports.files import atomic_output
from wenming_desktop.exports.pdf.document import build_pdf
from wenming_desktop.exports.pdf.fonts import register_fonts, styles
from wenming_desktop.exports.pdf.glyphs import markup
from wenming_desktop.exports.pdf.linebreak import CJKParagraph as Paragraph

INDEX_NAME = "00_目录.pdf"
STAGING_PREFIX = ".归档生成中-"
LEFTOVER_AGE = 24 * 3600
MANIFEST_NAME = "清单_SHA256.txt"
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"}


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF by its page objects; exact for reportlab's output, a fair count for scans."""
    return len(_PAGE.findall(path.read_bytes()))


def page_count_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return str(pdf_page_count(path))
    if suffix in IMAGE_SUFFIXES:
        return "1"
    return "—"


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


def write_index(
    staging: Path,
    title: str,
    subtitle: str,
    figures: Sequence[tuple[str, str]] = (),
    missing: Sequence[str] = (),
) -> None:
    """The 目录 PDF: the period's key figures, every file of the packet with its folder and page
    count, and the attachments that could not be included because their file is missing."""
    font = register_fonts()
    s = styles()
    rows: list[list[object]] = [["序号", "文件夹", "文件名", "页数"]]
    for number, path in enumerate(files_in(staging), start=1):
        relative = path.relative_to(staging)
        folder = relative.parent.as_posix() if relative.parent != Path(".") else "—"
        rows.append(
            [number, Paragraph(markup(folder), s["cell"]),
             Paragraph(markup(relative.name), s["cell"]), page_count_text(path)]
        )  # fmt: skip
    rows.append(["", "—", Paragraph(markup(INDEX_NAME), s["cell"]), "本目录"])
    rows.append(
        ["", "—", Paragraph(markup(f"{MANIFEST_NAME}（各文件SHA-256校验值）"), s["cell"]), "—"]
    )
    table = Table(rows, colWidths=[14 * mm, 40 * mm, 106 * mm, 20 * mm], repeatRows=1)
    _grid(table, font)
    story: list[Flowable] = [
        Paragraph(markup(title), s["title"]),
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
        story.append(Paragraph(markup(f"缺失附件 {len(missing)} 个。" + MISSING_NOTE), s["body"]))
        gone = Table(
            [["序号", "缺失的附件"], *[[i, Paragraph(markup(m), s["cell"])] for i, m in
                                      enumerate(missing, start=1)]],
            colWidths=[14 * mm, 166 * mm],
            repeatRows=1,
        )  # fmt: skip
        _grid(gone, font)
        story += [gone, Spacer(1, 6)]
    story.append(table)
    build_pdf(staging / INDEX_NAME, story, title=title)


def write_manifest(staging: Path) -> None:
    """`sha256sum -c` compatible: one "<hash>  <path>" line per file, paths relative, UTF-8."""
    lines = [
        f"{sha256_of(path)}  {path.relative_to(staging).as_posix()}"
        for path in files_in(staging)
        if path.name != MANIFEST_NAME
    ]
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
