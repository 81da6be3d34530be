"""Bad import files, generated at test time and small on disk: damaged, not a workbook, zip and
XML bombs, a million junk rows, password-protected (a hand-made OLE2 container), wrong sheet.

Zip bombs are written by hand (local headers, central directory) so that the deflate stream can
be made of one compressed block repeated (a full flush resets the compressor, so the same input
gives the same bytes): a 2 GiB sheet costs 2 MB and a few milliseconds to write.
"""

from __future__ import annotations

import random
import re
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

SHEET_PART = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"
HR_HEADER = ["姓名", "工号", "科室", "手机"]


def good_workbook(path: Path, rows: int = 3, sheet: str = "花名册") -> Path:
    """A plain HR sheet: header and `rows` volunteers (the template the bad files start from)."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(HR_HEADER)
    for i in range(rows):
        ws.append([f"职工{i}", f"B{i:04d}", "内科", f"139{i:08d}"])
    book.save(path)
    return path


def replace_part(path: Path, part: str, data: bytes) -> Path:
    """Rewrite one member of a zip (deflated as usual)."""
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item.filename, data if item.filename == part else source.read(item))
    shutil.move(temp, path)
    return path


# 1. damaged


def truncated(path: Path) -> Path:
    good_workbook(path, rows=50)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(8).randbytes(20_000))
    return path


def bad_member_crc(path: Path) -> Path:
    """A zip whose directory is intact but whose sheet data is damaged (a flipped byte)."""
    good_workbook(path, rows=200)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET_PART)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def many_members(path: Path) -> Path:
    """A zip whose end record claims 60,000 members: refused before zipfile lists them."""
    good_workbook(path)
    data = bytearray(path.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, at + 8, 60_000, 60_000)
    path.write_bytes(bytes(data))
    return path


# 2. not a workbook


def docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    return path


def text(path: Path) -> Path:
    path.write_text("姓名,工号,科室\n张三,1001,内科\n", encoding="utf-8")
    return path


def cfb(path: Path, streams: list[str]) -> Path:
    """A minimal OLE2 compound file (MS-CFB v3): header, one FAT sector, one directory sector
    holding the root entry and `streams` (empty streams; only the directory matters here)."""
    entries = ["Root Entry", *streams]
    assert len(entries) <= 4
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    directory = bytearray(512)
    for index, name in enumerate(entries):
        offset = index * 128
        raw = name.encode("utf-16-le") + b"\x00\x00"
        directory[offset : offset + len(raw)] = raw
        kind = 5 if index == 0 else (1 if name.startswith("\x06") else 2)
        right = index + 1 if 0 < index < len(entries) - 1 else 0xFFFFFFFF
        child = 1 if index == 0 and len(entries) > 1 else 0xFFFFFFFF
        struct.pack_into("<HBB", directory, offset + 64, len(raw), kind, 1)
        struct.pack_into("<III", directory, offset + 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", directory, offset + 116, 0xFFFFFFFE, 0)
    for index in range(len(entries), 4):  # unused entries: no name, siblings none
        struct.pack_into("<III", directory, index * 128 + 68, *([0xFFFFFFFF] * 3))
    path.write_bytes(bytes(header) + fat + bytes(directory))
    return path


def old_xls(path: Path) -> Path:
    return cfb(path, ["Workbook", "\x05SummaryInformation"])


def password_protected(path: Path) -> Path:
    """How Excel saves a workbook with an opening password: an OLE2 container, not a zip."""
    return cfb(path, ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])


# 3. zip bombs


def _segment(data: bytes) -> bytes:
    """`data` deflated by a fresh compressor, ended on a byte boundary: such segments can be
    concatenated (none refers back into another) and one segment repeated any number of times."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def _final() -> bytes:
    return zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block


def _write_raw_zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """members: (name, deflate data, declared size, crc, method)."""
    body = bytearray()
    central = bytearray()
    for name, data, size, crc, method in members:
        raw_name = name.encode()
        offset = len(body)
        body += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size,
            len(raw_name), 0,
        ) + raw_name + data  # fmt: skip
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size,
            len(raw_name), 0, 0, 0, 0, 0, offset,
        ) + raw_name  # fmt: skip
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(body), 0
    )
    path.write_bytes(bytes(body + central + end))


def zip_bomb(path: Path, gigabytes: float = 2.0, declared: int | None = None) -> Path:
    """A workbook whose sheet XML inflates to `gigabytes` of rows; the zip states the true size,
    or `declared` bytes (a lying header)."""
    good_workbook(path)
    chunk = (b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000)[: 1 << 20]
    chunk = chunk[: chunk.rindex(b"</row>") + 6]
    head = SHEET_HEAD + _row(1, HR_HEADER)
    copies = int(gigabytes * 1024)
    sheet = _segment(head) + _segment(chunk) * copies + _segment(SHEET_TAIL) + _final()
    members = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename == SHEET_PART:
                true = len(head) + copies * len(chunk) + len(SHEET_TAIL)
                size = declared if declared is not None else true
                members.append((info.filename, sheet, size, 0, 8))
            else:
                data = archive.read(info)
                packed = zlib.compressobj(6, zlib.DEFLATED, -15)
                raw = packed.compress(data) + packed.flush()
                members.append((info.filename, raw, len(data), zlib.crc32(data), 8))
    _write_raw_zip(path, members)
    return path


# 4. XML entity bombs

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


SHARED_STRINGS = "xl/sharedStrings.xml"
_SST = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
_SST_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def entity_bomb(path: Path, part: str) -> Path:
    """Billion laughs: a DTD and a use of &lol9; in the sheet's first string, or in a shared
    strings part (which openpyxl parses while opening the workbook)."""
    good_workbook(path)
    if part == SHARED_STRINGS:
        with zipfile.ZipFile(path) as archive:
            types = archive.read("[Content_Types].xml").decode()
        replace_part(path, "[Content_Types].xml", types.replace("</Types>", _SST_TYPE).encode())
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr(SHARED_STRINGS, f'<?xml version="1.0"?>\n{LAUGHS}{_SST}')
        return path
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(part).decode()
    xml = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml)
    xml = re.sub(r"<t>[^<]*</t>", "<t>&lol9;</t>", xml, count=1)
    return replace_part(path, part, ('<?xml version="1.0"?>\n' + LAUGHS + xml).encode())


# 5. a million junk rows


def _sheet_zip(path: Path, rows: list[bytes], junk: bytes, last: int) -> Path:
    """A workbook whose sheet holds `rows`, then `junk` (with {r} for the row number) in every
    row up to `last`; streamed into the zip, so nothing large is held in memory."""
    good_workbook(path)
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != SHEET_PART:
                out.writestr(item.filename, source.read(item))
                continue
            info = zipfile.ZipInfo(SHEET_PART)
            info.compress_type = zipfile.ZIP_DEFLATED
            with out.open(info, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_HEAD + b"".join(rows))
                start = len(rows) + 1
                for first in range(start, last + 1, 10_000):
                    numbers = range(first, min(first + 10_000, last + 1))
                    sheet.write(b"".join(junk.replace(b"{r}", b"%d" % n) for n in numbers))
                sheet.write(SHEET_TAIL)
    shutil.move(temp, path)
    return path


def _row(number: int, values: list[str]) -> bytes:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'.encode()


def million_junk_rows(path: Path) -> Path:
    """Three volunteers, then a value (a stray 0 copied down) in every row to 1,048,576."""
    rows = [_row(1, HR_HEADER)] + [
        _row(n, [f"职工{n}", f"B{n:04d}", "内科", f"139{n:08d}"]) for n in range(2, 5)
    ]
    return _sheet_zip(path, rows, b'<row r="{r}"><c r="E{r}"><v>0</v></c></row>', 1_048_576)


def million_formatted_rows(path: Path) -> Path:
    """Three volunteers, then formatted but empty cells in every row to 1,048,576."""
    rows = [_row(1, HR_HEADER)] + [
        _row(n, [f"职工{n}", f"B{n:04d}", "内科", f"139{n:08d}"]) for n in range(2, 5)
    ]
    junk = b'<row r="{r}" spans="1:4"><c r="A{r}" s="1"/><c r="B{r}" s="1"/></row>'
    return _sheet_zip(path, rows, junk, 1_048_576)


# 7. the wrong sheet


def wrong_sheets(path: Path) -> Path:
    book = Workbook()
    book.active.title = "统计"
    book.active.append(["月份", "活动场次", "服务人次"])
    book.active.append(["1月", 3, 120])
    other = book.create_sheet("说明")
    other["A1"] = "本表由办公室填写"
    book.save(path)
    return path
