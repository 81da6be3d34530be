"""Text as it arrives from spreadsheets and forms: cleaning, placeholders, people's names.

One place for the rules every import applies to text before judging it:

- `clean_text`: OOXML `_xHHHH_` escapes decoded (ECMA-376 Part 1, 22.9.2.19 ST_Xstring: Excel
  writes a carriage return inside a cell as `_x000D_`), invisible format characters removed,
  full-width forms folded (NFKC), surrounding whitespace trimmed.
- `is_placeholder`: what Chinese offices write in an optional cell that has nothing to say
  (`无`, `/`, `-`, `—`, `——`, `暂无`, `N/A`, `空` …) means empty.
- `clean_person_name`: one separator (`·`) in minority and foreign names written with any of the
  look-alike dots, and no spaces inside a name written in Chinese characters of any CJK block
  (Extension A–H included: `王 䶮` → `王䶮`, `张  𠮷` → `张𠮷`).

Control characters other than tab and line breaks are not handled here (see the text-safety
rules where text enters the database). No Qt here.
"""

from __future__ import annotations

import re
import unicodedata

# OOXML ST_Xstring escape: _x followed by four hex digits and an underscore (_x005F_ escapes "_").
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Zero-width and direction marks, word joiner, BOM, soft hyphen: invisible, never meant as text.
# Also the invisible operators (U+2061–U+2064), the Mongolian vowel separator and the Hangul
# fillers some input methods leave behind.
INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
    "\u180e\u115f\u1160\u3164\uffa0"
)
_INVISIBLE_TABLE = str.maketrans("", "", INVISIBLE)
_DASHES = "-‐‑‒–—―−﹣－─━ー"
PLACEHOLDER_WORDS = frozenset(
    {
        *("无", "暂无", "空", "没有", "空白", "缺", "暂缺", "待补", "待补充", "不详", "未知"),
        *("未填", "未提供", "暂未提供", "未登记", "无号码", "无号", "无电话", "无手机", "无手机号"),
        *("暂无号码", "无联系电话", "n/a", "na", "#n/a", "null", "none", "nil", "nan"),
    }
)
# Brackets and end punctuation around a placeholder: （无） (无) 无。
_PLACEHOLDER_WRAPPING = "()（）[]【】<>《》\"'“”‘’。.!！"
_PLACEHOLDER_MARKS = re.compile(rf"^[{re.escape(_DASHES)}/\\／＼、.。·*]+$")
# Dots people put between the parts of a minority or foreign name (买买提·艾力).
NAME_SEPARATORS = "·•.・﹒‧∙⋅･\u0387\u2e31\ua78f\u16eb"
_NAME_SEPARATOR_RUN = re.compile(rf"\s*[{re.escape(NAME_SEPARATORS)}]+\s*")
# CJK ideographs by block: URO, Ext A, compatibility, Ext B–I, compatibility supplement.
_CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x323AF),
    (0x3007, 0x3007),  # 〇
)


def decode_ooxml_escapes(text: str) -> str:
    """`_x000D_` → carriage return, `_x005F_` → underscore, as Excel means them."""
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def clean_text(value: str) -> str:
    """Text as a clerk means it: escapes decoded, invisible characters gone, NFKC, trimmed."""
    text = decode_ooxml_escapes(value).translate(_INVISIBLE_TABLE)
    return unicodedata.normalize("NFKC", text).strip()


def is_placeholder(text: str) -> bool:
    """True for what stands for "nothing" in an optional cell (无, /, -, ——, 暂无, N/A, 空, 不详,
    未知, 待补, （无） …): `PLACEHOLDER_WORDS`, or a run of dashes, slashes and dots."""
    clean = clean_text(text).casefold().replace(" ", "")
    if _PLACEHOLDER_MARKS.match(clean):
        return True
    return clean.strip(_PLACEHOLDER_WRAPPING) in PLACEHOLDER_WORDS


def optional_text(value: str) -> str:
    """`clean_text`, with a placeholder read as empty."""
    text = clean_text(value)
    return "" if is_placeholder(text) else text


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph of any block (basic, Extension A–I, compatibility)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def clean_person_name(raw: str) -> str:
    """A person's name: `clean_text`, one `·` between name parts, no spaces in a Chinese name.

    A name of Chinese characters (any CJK block) loses all its spaces (HR sheets pad two-
    character names: `王  五`); a name with Latin letters keeps single spaces between words.
    """
    text = clean_text(raw)
    text = _NAME_SEPARATOR_RUN.sub("·", text).strip("·")
    letters = [c for c in text if not c.isspace() and c != "·"]
    if letters and all(is_cjk(c) for c in letters):
        return "".join(text.split())
    return " ".join(text.split())
