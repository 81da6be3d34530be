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
