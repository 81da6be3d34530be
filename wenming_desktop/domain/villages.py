"""A paired village's fields and their validation; the village row the list and the ledger read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import is_valid_mobile, normalize_text

_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


@dataclass(frozen=True)
class VillageData:
    name: str
    station_name: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    pairing_start: date | None = None
    pairing_end: date | None = None
    notes: str = ""


def validate_village(data: VillageData) -> VillageData:
    """Normalised copy of the data, or UserError naming the field at fault."""
    name = normalize_text(data.name)
    if not name:
        raise UserError("村名不能为空")
    if len(name) > 100:
        raise UserError("村名过长（最多100字）")
    phone = normalize_text(data.contact_phone).replace(" ", "")
    if phone and not (is_valid_mobile(phone) or _LANDLINE.match(phone)):
        raise UserError(f"联系电话“{phone}”格式不正确，应为11位手机号或带区号的固定电话")
    if data.pairing_start and data.pairing_end and data.pairing_end < data.pairing_start:
        raise UserError("结对结束日期不能早于开始日期")
    return replace(
        data,
        name=name,
        station_name=normalize_text(data.station_name),
        contact_person=normalize_text(data.contact_person),
        contact_phone=phone,
        notes=data.notes.strip(),
    )


# Where a place name's administrative prefix ends (县, 市, 区, 旗, 镇, 乡, 街道 …).
_ADMIN_SUFFIXES = ("自治县", "街道", "县", "市", "区", "旗", "镇", "乡")


def short_village_names(names: list[str]) -> dict[str, str]:
    """Each village's name without the administrative prefix that all of them share, for narrow
    lists: "萝北县肇兴镇新胜村" → "新胜村" when every village is in 萝北县肇兴镇.

    Only a prefix ending at an administrative unit is dropped, and never the whole name; with one
    village the prefix is its own county/town part. Returns {full name: short name}.
    """
    if not names:
        return {}
    common = names[0]
    for name in names[1:]:
        while not name.startswith(common):
            common = common[:-1]
    cut = 0
    for end in range(len(common), 0, -1):
        if any(common[:end].endswith(suffix) for suffix in _ADMIN_SUFFIXES):
            cut = end
            break
    return {name: (name[cut:] if len(name) > cut else name) for name in names}


class VillageRow(NamedTuple):
    """A paired village with how many activities and residents refer to it: a row of the 结对村
    list and of the 结对村名册 ledger."""

    id: int
    name: str
    station_name: str
    contact_person: str
    contact_phone: str
    pairing_start: date | None
    pairing_end: date | None
    activity_count: int
    resident_count: int
    notes: str
