"""What Windows allows as a file name (the program runs on Windows PCs; a name valid on the
build machine may not be on the clerk's).

Source: Microsoft, "Naming Files, Paths, and Namespaces" (reserved characters < > : " / \\ | ? *
and 0-31; reserved names CON, PRN, AUX, NUL, COM1-9, LPT1-9 with any extension; no trailing
dot or space; 255 characters per name component). We also keep a name to 255 UTF-8 bytes,
the limit of Linux and macOS file systems.
"""

from __future__ import annotations

import re

INVALID_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}
)
MAX_NAME_BYTES = 255


def name_problem(name: str) -> str | None:
    """A Chinese description of why `name` (one path component) is not a valid Windows file
    name, or None when it is."""
    if not name or name in (".", ".."):
        return "没有文件名"
    bad = sorted(set(INVALID_CHARACTERS.findall(name)))
    if bad:
        shown = " ".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in bad)
        return f"文件名含有 Windows 不允许的字符：{shown}"
    if name.split(".")[0].rstrip(" ").upper() in RESERVED_NAMES:
        return f"“{name.split('.')[0]}”是 Windows 保留的设备名，不能作文件名"
    if name[-1] in ". ":
        return "文件名不能以点或空格结尾"
    if len(name) > 255 or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return "文件名太长"
    return None
