"""A volunteer's fields and their validation (志愿者花名册)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from wenming_desktop.domain.birth import (
    PRECISION_DAY,
    PRECISION_MONTH,
    as_month,
    check_precision,
    with_id_birth,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import (
    normalize_gender,
    normalize_mobile,
    normalize_text,
    parse_id_number,
)
from wenming_desktop.domain.plausible_dates import check_birth_date
from wenming_desktop.domain.text import clean_person_name
from wenming_desktop.domain.vocabulary import POLITICAL_STATUSES

_STAFF_NO = re.compile(r"^[0-9A-Za-z\-_]{1,30}$")
GENDERS = ("男", "女")


@dataclass(frozen=True)
class VolunteerData:
    """What the add/edit dialog and the HR import carry; lists are referred to by name."""

    name: str
    staff_no: str | None = None
    gender: str = ""
    birth_date: date | None = None
    birth_precision: str = PRECISION_DAY  # `month`: only 出生年月 known (domain/birth.py)
    id_number: str | None = None
    phone: str = ""
    department: str = ""
    title: str = ""
    position: str = ""
    political_status: str = ""
    party_branch: str = ""
    registered: bool = False
    registry_no: str = ""
    registered_on: date | None = None
    specialty: str = ""
    teams: tuple[str, ...] = ()
    active: bool = True
    notes: str = ""


def clean_name(raw: str) -> str:
    """A person's name as domain.text.clean_person_name makes it (no padding spaces in a
    Chinese name of any CJK block, one `·` between the parts of a minority name)."""
    return clean_person_name(raw)


def validate_volunteer(data: VolunteerData) -> VolunteerData:
    """Normalised copy, or UserError naming the field at fault; an ID fills birth and gender."""
    name = clean_name(data.name)
    if not name:
        raise UserError("姓名不能为空")
    if len(name) > 50:
        raise UserError("姓名过长（最多50字）")
    staff_no = normalize_text(data.staff_no or "").replace(" ", "") or None
    if staff_no is not None and not _STAFF_NO.match(staff_no):
        raise UserError(f"工号“{staff_no}”只能由字母、数字和短横线组成（最多30位）")
    gender = normalize_gender(data.gender)
    if gender not in ("", *GENDERS):
        raise UserError(f"性别“{gender}”应为“男”或“女”")
    id_number = None
    birth, gender_from_id = data.birth_date, ""
    precision = check_precision(data.birth_precision) if birth else PRECISION_DAY
    if data.id_number and normalize_text(data.id_number):
        info = parse_id_number(data.id_number)
        id_number = info.number
        gender_from_id = info.gender
        if gender and gender != info.gender:
            raise UserError(f"性别“{gender}”与身份证号（{info.gender}性）不一致")
        # The ID gives the full date; a stated year-month only has to agree on year and month.
        birth, precision = with_id_birth(birth, precision, info.birth_date), PRECISION_DAY
    elif birth is not None and precision == PRECISION_MONTH:
        birth = as_month(birth)
    check_birth_date(birth)
    phone = normalize_mobile(data.phone) if normalize_text(data.phone) else ""
    status = normalize_text(data.political_status)
    if status and status not in POLITICAL_STATUSES:
        status = {"党员": "中共党员", "预备党员": "中共预备党员", "团员": "共青团员"}.get(
            status, status
        )
        if status not in POLITICAL_STATUSES:
            raise UserError(f"政治面貌“{status}”应为：{'、'.join(POLITICAL_STATUSES)}")
    registry_no = normalize_text(data.registry_no).replace(" ", "")
    return replace(
        data,
        name=name,
        staff_no=staff_no,
        gender=gender or gender_from_id,
        birth_date=birth,
        birth_precision=precision,
        id_number=id_number,
        phone=phone,
        department=normalize_text(data.department),
        title=normalize_text(data.title),
        position=normalize_text(data.position),
        political_status=status,
        party_branch=normalize_text(data.party_branch),
        registry_no=registry_no,
        registered=data.registered or bool(registry_no),
        specialty=normalize_text(data.specialty),
        teams=tuple(dict.fromkeys(normalize_text(t) for t in data.teams if normalize_text(t))),
        notes=data.notes.strip(),
    )
