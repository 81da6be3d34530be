"""The form of a stored attachment's name: its SHA-256 in lowercase hex plus a short suffix.

Every attachment row names its file by content hash (`sha256`) and the original file's
extension (`suffix`); the bytes live at `attachments/<first two hex digits>/<sha256><suffix>`.
A name of any other form (a path, `..`, a drive letter, a separator) is never turned into a
path: a crafted backup could otherwise make the program read, copy or delete files outside
the data folder. The rule is this program's own storage convention (services.activities.
attachments writes names of exactly this form).
"""

from __future__ import annotations

import re

SHA256_FORM = re.compile(r"[0-9a-f]{64}")
# A dot and 1-15 characters; never a separator, a dot, a control character or a character
# Windows forbids in names, and no trailing space (Windows would drop it).
_SUFFIX_FORM = re.compile(r'(\.[^\\/:*?"<>|.\x00-\x1f\x7f]{0,14}[^\\/:*?"<>|.\s\x00-\x1f\x7f])?')
MAX_SUFFIX = 16


def is_valid_sha256(value: object) -> bool:
    """Whether `value` is 64 lowercase hexadecimal digits."""
    return isinstance(value, str) and SHA256_FORM.fullmatch(value) is not None


def is_valid_suffix(value: object) -> bool:
    """Whether `value` is "" or a dot and at most 15 plain characters (see _SUFFIX_FORM)."""
    return isinstance(value, str) and _SUFFIX_FORM.fullmatch(value) is not None


def is_valid_stored_name(sha256: object, suffix: object) -> bool:
    """Whether an attachment row's (sha256, suffix) has the content-hash form."""
    return is_valid_sha256(sha256) and is_valid_suffix(suffix)


def clean_suffix(suffix: str) -> str:
    """The suffix to store for an original file's extension: lowercased, "" if not plain."""
    lowered = suffix.lower()
    return lowered if len(lowered) <= MAX_SUFFIX and is_valid_suffix(lowered) else ""


def stored_name_problem(sha256: object, suffix: object) -> str | None:
    """A Chinese description of what is wrong with a stored name, or None when it is valid."""
    if not is_valid_sha256(sha256):
        return f"附件的内容编号“{str(sha256)[:80]}”不是64位十六进制数"
    if not is_valid_suffix(suffix):
        return f"附件的扩展名“{str(suffix)[:80]}”含有不允许的字符"
    return None
