"""Masking ID numbers and mobile numbers inside free text (audit values, log lines, exports).

Lists and sheets mask their own ID and phone columns with identity.mask_id / mask_phone; text
that merely contains such numbers (an audit entry's old and new values) goes through here.
"""

from __future__ import annotations

import re

from wenming_desktop.domain.identity import mask_id, mask_phone

# 18-digit (last may be X) or 15-digit ID numbers, and mainland mobiles, not inside longer digits.
_ID = re.compile(r"(?<![0-9])(\d{17}[0-9Xx]|\d{15})(?![0-9Xx])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d{9})(?![0-9])")


def mask_text(text: str) -> str:
    """`text` with every ID number and mobile number in it masked."""
    text = _ID.sub(lambda m: mask_id(m.group(1)), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group(1)), text)
