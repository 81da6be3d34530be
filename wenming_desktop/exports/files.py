"""Writing export files safely: Windows-valid names, nothing half-written under the final name."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wenming_desktop.domain.errors import UserError, os_reason
from wenming_desktop.domain.file_names import INVALID_CHARACTERS, RESERVED_NAMES, name_problem

_MAX_BYTES = 200  # UTF-8 bytes: well under the 255 that Linux and macOS allow per name


def safe_filename(name: str, max_length: int = 120) -> str:
    """A file name valid on Windows: no reserved characters or names, no trailing dot or space."""
    clean = INVALID_CHARACTERS.sub("_", name).strip().rstrip(". ")
    stem, dot, suffix = clean.rpartition(".")
    if not dot:
        stem, suffix = clean, ""
    if stem.upper() in RESERVED_NAMES or not stem:
        stem = f"_{stem}"
    if len(clean) > max_length:
        keep = max_length - len(suffix) - 1
        stem = stem[:keep]
    # Linux and macOS count bytes (255 at most): 120 Chinese characters are 360 UTF-8 bytes.
    while len(f"{stem}.{suffix}".encode()) > _MAX_BYTES and len(stem) > 1:
        stem = stem[:-1]
    return f"{stem}.{suffix}" if suffix else stem


def _describe(exc: OSError, target: Path) -> str:
    return f"无法写入“{target}”：{os_reason(exc)}"


def check_target(target: Path) -> None:
    """Refuse (UserError) an output path that is a folder or whose name Windows forbids."""
    problem = name_problem(target.name)
    if problem is not None:
        raise UserError(f"无法写入“{target}”：{problem}")
    try:
        is_folder = target.is_dir()
    except OSError as exc:
        raise UserError(_describe(exc, target)) from None
    if is_folder:
        raise UserError(f"“{target}”是一个文件夹；请在其中指定一个文件名")


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.

    On any failure the temporary file is removed, so no partial file is left under the final
    name; OS errors become a UserError that says where and why.
    """
    target = Path(target)
    check_target(target)
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
