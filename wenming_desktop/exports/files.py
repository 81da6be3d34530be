"""Writing export files safely: Windows-valid names, nothing half-written under the final name."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wenming_desktop.domain.errors import UserError

_INVALID = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_MAX_BYTES = 200  # UTF-8 bytes: well under the 255 that Linux and macOS allow per name
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}


def safe_filename(name: str, max_length: int = 120) -> str:
    """A file name valid on Windows: no reserved characters or names, no trailing dot or space."""
    clean = _INVALID.sub("_", name).strip().rstrip(". ")
    stem, dot, suffix = clean.rpartition(".")
    if not dot:
        stem, suffix = clean, ""
    if stem.upper() in _RESERVED or not stem:
        stem = f"_{stem}"
    if len(clean) > max_length:
        keep = max_length - len(suffix) - 1
        stem = stem[:keep]
    # Linux and macOS count bytes (255 at most): 120 Chinese characters are 360 UTF-8 bytes.
    while len(f"{stem}.{suffix}".encode()) > _MAX_BYTES and len(stem) > 1:
        stem = stem[:-1]
    return f"{stem}.{suffix}" if suffix else stem


def _describe(exc: OSError, target: Path) -> str:
    if isinstance(exc, PermissionError):
        return f"无法写入“{target}”：文件被占用（可能正在 Excel 或其他程序中打开）或没有写入权限"
    if exc.errno == 28:
        return f"无法写入“{target}”：磁盘空间不足"
    return f"无法写入“{target}”：{exc.strerror or exc}"


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.

    On any failure the temporary file is removed, so no partial file is left under the final
    name; OS errors become a UserError that says where and why.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.stem[:40]}.", suffix=".part" + target.suffix, dir=target.parent
        )
        os.close(fd)
    except OSError as exc:
        raise UserError(_describe(exc, target)) from None
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserError(_describe(exc, target)) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
