"""Control characters in text: removed where text enters, made harmless where text leaves.

A character pasted from Word (vertical tab `\\x0b`, a manual line break), a bell `\\x07` or a NUL
cannot be written into an .xlsx (the XML 1.0 character set excludes them; openpyxl refuses the
whole file) and means nothing to a clerk. Rule of this program:

- single-line text (names, titles, numbers — `String` columns): every control character goes;
  tabs and line breaks become one space;
- multi-line text (notes, summaries — `Text` columns): tab and line feed stay, a carriage return
  or CR LF becomes a line feed, a vertical tab or form feed (Word's manual line and page breaks)
  becomes a line feed, the rest goes;
- everywhere: DEL, the C1 controls U+0080–U+009F, U+FFFE/U+FFFF and lone surrogates go.

Source: XML 1.0 §2.2 "Characters" (what an .xlsx may hold); Word's use of U+000B for a manual
line break.
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\r\n?|[\x0b\x0c]")
_DROP_MULTI = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[\t\n\r\x0b\x0c]+")
_DROP_EXPORT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_ANY = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: str, multiline: bool = False) -> str:
    """`value` without control characters (see the module's rule); unchanged when it has none."""
    if _ANY.search(value) is None:
        return value
    if multiline:
        return _DROP_MULTI.sub("", _BREAKS.sub("\n", value))
    return _DROP_MULTI.sub("", _SPACES.sub(" ", value))


def export_safe(value: str) -> str:
    """`value` with what an .xlsx cannot hold removed (tab, line feed, CR kept), for exports of
    text stored before the entry rule existed."""
    return _DROP_EXPORT.sub("", value)
