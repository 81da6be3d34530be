"""A resident's (村民) fields and their validation: ID number, birth date and gender from it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from wenming_desktop.domain.birth import (
    PRECISION_DAY,
    PRECISION_MONTH,
    age_on,
    as_month,
    check_precision,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import (
    normalize_gender,
    normalize_mobile,
    normalize_text,
    parse_id_number,
)
from wenming_desktop.domain.phones import parse_phones
from wenming_desktop.domain.plausible_dates import check_birth_date
from wenming_desktop.domain.text import clean_person_name
from wenming_desktop.domain.vocabulary import FocusGroup


@dataclass(frozen=True)
class ResidentData:
    village_id: int
    name: str
    id_number: str = ""
    phone: str = ""
    group_name: str = ""  # 村民小组
    address: str = ""
    birth_date: date | None = None  # filled from the ID number when there is one
    birth_precision: str = PRECISION_DAY  # `month`: only 出生年月 known (domain/birth.py)
    gender: str = ""
    left_behind_elderly: bool = False
    living_alone: bool = False
    left_behind_child: bool = False
    disabled: bool = False
    needy: bool = False
    notes: str = ""

    def focus_labels(self) -> list[str]:
        return [g.label for g in FocusGroup if getattr(self, g.value)]


def validate_resident(data: ResidentData) -> ResidentData:
    """Normalised copy; the ID number is checked (GB 11643) and gives birth date and gender."""
    name = clean_person_name(data.name)
    if not name:
        raise UserError("村民姓名不能为空")
    if len(name) > 50:
        raise UserError(f"姓名“{name[:20]}…”过长（最多50字）")
    id_number = normalize_text(data.id_number).replace(" ", "").upper()
    birth, gender = data.birth_date, normalize_gender(data.gender)
    precision = check_precision(data.birth_precision)
    if id_number:
        info = parse_id_number(id_number)
        id_number, gender = info.number, info.gender
        # The ID decides (the import checks a stated date against it, see dates.birth_with_id).
        birth, precision = info.birth_date, PRECISION_DAY
    elif birth is None:
        precision = PRECISION_DAY
    elif precision == PRECISION_MONTH:
        birth = as_month(birth)
    if gender not in ("", "男", "女"):
        raise UserError(f"性别只能是“男”或“女”，实际为“{gender}”")
    check_birth_date(birth)
    phone = normalize_text(data.phone).replace(" ", "")
    if phone:
        found = parse_phones(phone)
        if found.broken or not (found.mobile or found.others):
            normalize_mobile(phone)  # raises, naming the value
        phone = found.mobile or found.others[0]
    return replace(
        data,
        name=name,
        id_number=id_number,
        birth_date=birth,
        birth_precision=precision,
        gender=gender,
        phone=phone,
        group_name=normalize_text(data.group_name),
        address=normalize_text(data.address),
        notes=data.notes.strip(),
    )


__all__ = ["ResidentData", "age_on", "validate_resident"]
