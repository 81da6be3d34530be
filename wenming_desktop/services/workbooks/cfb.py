"""The stream names in an OLE2 compound file (MS-CFB): how a password-protected .xlsx, an old
.xls or a .doc is told apart without a third-party reader. Reads only the header, the FAT
sectors it needs and the directory chain, a bounded number of sectors. No Qt here.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE  # end of chain; larger values mark free and FAT sectors
_MAX_DIRECTORY_SECTORS = 2_000


def cfb_entry_names(handle: BinaryIO) -> set[str]:
    """Names in the directory of an OLE2 compound file (MS-CFB), reading a bounded number of
    sectors; an unreadable directory gives the names found so far."""
    handle.seek(0)
    header = handle.read(512)
    if len(header) < 512:
        return set()
    shift = struct.unpack_from("<H", header, 0x1E)[0]
    if shift not in (9, 12):
        return set()
    sector = 1 << shift
    fat_count, first_dir = struct.unpack_from("<II", header, 0x2C)
    first_difat, difat_count = struct.unpack_from("<II", header, 0x44)
    fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C)[:fat_count] if s < _END]
    next_difat, seen = first_difat, set()
    while next_difat < _END and len(fat_sectors) < fat_count and next_difat not in seen:
        seen.add(next_difat)  # DIFAT chain, for files of more than about 7 MB
        block = _sector(handle, sector, next_difat)
        if block is None or len(seen) > difat_count + 1:
            break
        entries = struct.unpack(f"<{sector // 4}I", block)
        fat_sectors += [s for s in entries[:-1] if s < _END]
        next_difat = entries[-1]
    names: set[str] = set()
    current, visited = first_dir, set[int]()
    while current < _END and current not in visited and len(visited) < _MAX_DIRECTORY_SECTORS:
        visited.add(current)
        block = _sector(handle, sector, current)
        if block is None:
            break
        for offset in range(0, sector, 128):
            length, kind = struct.unpack_from("<HB", block, offset + 64)
            if kind in (1, 2, 5) and 2 <= length <= 64:
                names.add(block[offset : offset + length - 2].decode("utf-16-le", "replace"))
        current = _fat_next(handle, sector, fat_sectors, current)
    return names


def _sector(handle: BinaryIO, size: int, number: int) -> bytes | None:
    handle.seek((number + 1) * size)
    block = handle.read(size)
    return block if len(block) == size else None


def _fat_next(handle: BinaryIO, size: int, fat_sectors: list[int], number: int) -> int:
    per_sector = size // 4
    index, slot = divmod(number, per_sector)
    if index >= len(fat_sectors):
        return _END
    block = _sector(handle, size, fat_sectors[index])
    return _END if block is None else struct.unpack_from("<I", block, slot * 4)[0]
