"""Reconciling the roster with the national volunteer system's own roster export.

Each row of the registry export is matched to a volunteer by ID number, else by mobile number,
else by a name that only one volunteer has. An export that masks IDs and mobiles
(`230402********2061`, `158****5659`) is matched on the name plus the visible digits; several
volunteers fitting one row are listed for the clerk to confirm, not called missing. Matched
volunteers are marked registered with the system's number, registration date and hours; the
report lists who is missing on either side and whose hours differ from ours. A cell that cannot
be read (a date, the hours) is reported and left empty; its row is still matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wenming_desktop.domain.counting import hours_cell
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import parse_hours_text
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.roster import clean_name
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
from wenming_desktop.services.roster.roster import list_volunteers
from wenming_desktop.services.workbooks.sheet_reader import (
    FieldSpec,
    Problem,
    SheetFacts,
    SheetRows,
    cell_date,
    cell_id_number,
    cell_optional_text,
    cell_phones,
    cell_text,
    read_sheet,
)
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Volunteer

REGISTRY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("姓名", "志愿者姓名", "真实姓名"), required=True),
    FieldSpec("phone", "手机号", ("手机号", "手机", "手机号码", "联系电话", "联系方式")),
    FieldSpec("id_number", "证件号码", ("证件号码", "身份证号", "身份证号码", "证件号")),
    FieldSpec("registry_no", "志愿者编号", ("志愿者编号", "志愿者号", "志愿者证号", "注册编号",
                                          "编号")),
    FieldSpec("registered_on", "注册时间", ("注册时间", "注册日期", "加入时间")),
    FieldSpec("hours", "服务时长", ("服务时长", "志愿服务时长", "累计服务时长", "时长",
                                   "服务时间")),
)  # fmt: skip
TOLERANCE_MINUTES = 6  # 0.1 hour: differences below this are rounding


@dataclass(frozen=True)
class RegistryMatch:
    row: int
    volunteer_id: int
    name: str
    staff_no: str
    department: str
    registry_no: str
    registered_on: date | None
    registry_minutes: int | None
    our_minutes: int


@dataclass(frozen=True)
class RegistryOnly:
    row: int
    name: str
    phone: str
    id_number: str | None
    registry_no: str


@dataclass(frozen=True)
class RegistryAmbiguous:
    """A row of a masked export that fits several volunteers: the clerk confirms which."""

    row: int
    name: str
    shown: str  # the masked ID or mobile as the export shows it
    candidates: tuple[tuple[int, str, str], ...]  # (volunteer id, staff no, department)


@dataclass
class RegistryReport:
    path: Path
    matched: list[RegistryMatch] = field(default_factory=list)
    not_on_roster: list[RegistryOnly] = field(default_factory=list)
    not_registered: list[tuple[int, str, str, str]] = field(default_factory=list)  # id, name…
    ambiguous: list[RegistryAmbiguous] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    facts: SheetFacts = field(default_factory=SheetFacts)
    rows_read: int = 0

    @property
    def hours_differ(self) -> list[RegistryMatch]:
        return [
            m
            for m in self.matched
            if m.registry_minutes is not None
            and abs(m.registry_minutes - m.our_minutes) >= TOLERANCE_MINUTES
        ]


# Characters exports use to hide digits (after NFKC: ＊ is *); x / X hide digits of a mobile,
# and of an ID number anywhere but its last place (where X is the check character).
_MASK_CHARS = re.compile(r"[*●•○#×?？]")
_LENGTHS = {"phone": (11,), "id_number": (15, 18), "name": ()}


def _masked(value: Any, key: str = "id_number") -> re.Pattern[str] | None:
    """The pattern of a masked ID, mobile or name (`230402********2061`, `158****5659`,
    `158xxxx5659`, `2304**2061`, `陈*`), None when not masked. A mask that keeps the length
    hides one character per mark; a shortened one (`2304**2061`) any number of them."""
    text = _MASK_CHARS.sub("*", cell_text(value).replace(" ", ""))
    if key == "phone":
        text = re.sub("[xX]", "*", text)
    elif key == "id_number":
        text = text.upper()
        text = re.sub("X(?=.)", "*", text)
    if "*" not in text:
        return None
    if key != "name" and not re.fullmatch(r"[\dX*]+", text):
        return None
    kept_length = key == "name" or len(text) in _LENGTHS[key]
    body = "".join(
        ("." * len(part) if kept_length else ".+") if part.startswith("*") else re.escape(part)
        for part in re.split(r"(\*+)", text)
    )
    return re.compile("^" + body + "$")


def _mobile(value: Any) -> str:
    phones = cell_phones(value)
    if phones.problem:
        raise UserError(phones.problem)
    return phones.mobile


def _read(
    sheet: SheetRows, row: int, raw: dict[str, Any], report: RegistryReport
) -> dict[str, Any]:
    """The row's values; a cell that cannot be read is reported and left None."""
    readers: dict[str, Callable[[Any], Any]] = {"phone": _mobile, "id_number": cell_id_number,
               "registered_on": cell_date, "hours": parse_hours_text}  # fmt: skip
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("phone", "id_number") and (mask := _masked(value, key)) is not None:
            values[key] = None
            values[f"{key}_masked"] = mask
            values[f"{key}_shown"] = cell_text(value)
            continue
        try:
            reader: Callable[[Any], Any] = readers.get(key, cell_optional_text)
            values[key] = reader(value)
        except UserError as exc:
            report.problems.append(sheet.problem(row, key, exc.message))
            values[key] = None
    return values


def _by_mask(values: dict[str, Any], same_name: list[Any]) -> list[Any]:
    """Volunteers of the row's name whose ID or mobile fit the visible digits."""
    fits = []
    for person in same_name:
        id_mask, phone_mask = values.get("id_number_masked"), values.get("phone_masked")
        ok_id = id_mask is None or bool(person.id_number and id_mask.match(person.id_number))
        ok_phone = phone_mask is None or bool(person.phone and phone_mask.match(person.phone))
        if ok_id and ok_phone:
            fits.append(person)
    return fits


def _same_name(name: str, by_name: dict[str, list[Any]]) -> list[Any]:
    """Volunteers of this name; for a masked name (`陈*`, `欧阳**`) all whose name fits it."""
    pattern = _masked(name, "name")
    if pattern is None:
        return by_name.get(name, [])
    return [p for n, people in by_name.items() if pattern.match(n) for p in people]


def plan_registry(db: Database, path: Path | str) -> RegistryReport:
    """Read the registry export and match it to the roster; writes nothing."""
    path = Path(path)
    sheet = read_sheet(path, REGISTRY_FIELDS)
    if "id_number" not in sheet.columns and "phone" not in sheet.columns:
        raise UserError(f"“{path.name}”中既没有证件号码列，也没有手机号列，无法与花名册核对")
    report = RegistryReport(
        path, problems=list(sheet.problems), facts=sheet.facts, rows_read=len(sheet.rows)
    )
    roster = list_volunteers(db)
    by_id = {r.id_number: r for r in roster if r.id_number}
    by_phone = {r.phone: r for r in roster if r.phone}
    by_name: dict[str, list[Any]] = {}
    for r in roster:
        by_name.setdefault(r.name, []).append(r)
    matched_ids: set[int] = set()
    pending: set[int] = set()
    for row, raw in sheet.rows:
        values = _read(sheet, row, raw, report)
        name = clean_name(values.get("name") or "")
        person = by_id.get(values.get("id_number") or "") or by_phone.get(values.get("phone") or "")
        masked = "id_number_masked" in values or "phone_masked" in values
        if person is None and masked:
            fits = _by_mask(values, _same_name(name, by_name))
            if len(fits) > 1:
                shown = values.get("id_number_shown") or values.get("phone_shown") or ""
                report.ambiguous.append(
                    RegistryAmbiguous(row, name, shown, tuple(
                        (f.id, f.staff_no or "", f.department or "") for f in fits))
                )  # fmt: skip
                pending.update(f.id for f in fits)
                continue
            person = fits[0] if fits else None
        elif person is None and not values.get("id_number") and not values.get("phone"):
            same = by_name.get(name, [])
            person = same[0] if len(same) == 1 else None
        if person is None or person.id in matched_ids:
            report.not_on_roster.append(
                RegistryOnly(
                    row=row,
                    name=name,
                    phone=values.get("phone") or values.get("phone_shown") or "",
                    id_number=values.get("id_number") or values.get("id_number_shown"),
                    registry_no=values.get("registry_no") or "",
                )
            )
            continue
        matched_ids.add(person.id)
        report.matched.append(
            RegistryMatch(
                row=row,
                volunteer_id=person.id,
                name=person.name,
                staff_no=person.staff_no or "",
                department=person.department or "",
                registry_no=values.get("registry_no") or "",
                registered_on=values.get("registered_on"),
                registry_minutes=values.get("hours"),
                our_minutes=person.total_minutes,
            )
        )
    report.not_registered = [
        (r.id, r.name, r.staff_no or "", r.department or "")
        for r in roster
        if r.active and r.id not in matched_ids and r.id not in pending
    ]
    return report


def apply_registry(db: Database, report: RegistryReport) -> int:
    """Mark matched volunteers registered with the system's number, date and hours, in one
    transaction; returns how many volunteers changed."""
    changed = 0
    with db.write() as session:
        for m in report.matched:
            volunteer = session.get(Volunteer, m.volunteer_id)
            if volunteer is None:
                continue
            new = {"registered": True, "registry_no": m.registry_no or volunteer.registry_no,
                   "registered_on": m.registered_on or volunteer.registered_on,
                   "registry_minutes": m.registry_minutes}  # fmt: skip
            old = {k: getattr(volunteer, k) for k in new}
            diff = {k: v for k, v in new.items() if old[k] != v}
            if diff:
                for key, value in diff.items():
                    setattr(volunteer, key, value)
                audit.record(
                    session, "update", "volunteer", m.volunteer_id,
                    {k: old[k] for k in diff}, diff,
                )  # fmt: skip
                changed += 1
        audit.record(
            session, "import", "registry", None, None,
            {"file": report.path.name, "matched": len(report.matched), "changed": changed},
        )  # fmt: skip
    return changed


DIFF_COLUMNS = (
    LedgerColumn("序号", 6),
    LedgerColumn("差异类型", 18),
    LedgerColumn("姓名", 10),
    LedgerColumn("工号", 10),
    LedgerColumn("科室", 12),
    LedgerColumn("手机号", 14),
    LedgerColumn("证件号码", 21),
    LedgerColumn("志愿者编号", 16),
    LedgerColumn("系统时长(小时)", 12, "0.0"),
    LedgerColumn("本院记录(小时)", 12, "0.0"),
    LedgerColumn("差额(小时)", 10, "0.0"),
    LedgerColumn("导入表行号", 10),
)

NOT_REGISTERED = "花名册有、系统中未找到"
NOT_ON_ROSTER = "系统中有、花名册中没有"
AMBIGUOUS = "待确认（多人符合）"
HOURS_DIFFER = "时长不一致"


def _h(minutes: int | None) -> float | None:
    return None if minutes is None else hours_cell(minutes)


def difference_rows(report: RegistryReport) -> list[tuple[Any, ...]]:
    """(type, name, staff no, department, phone, ID, registry no, system h, ours h, diff h,
    registry row) for each difference, masked; the sheet and the page's dialog both show these."""
    rows: list[tuple[Any, ...]] = []
    for _vid, name, staff_no, department in report.not_registered:
        rows.append((NOT_REGISTERED, name, staff_no, department, "", "", "", None, None, None,
                     None))  # fmt: skip
    for o in report.not_on_roster:
        rows.append((NOT_ON_ROSTER, o.name, "", "", mask_phone(o.phone), mask_id(o.id_number),
                     o.registry_no, None, None, None, o.row))  # fmt: skip
    for a in report.ambiguous:
        for _vid, staff_no, department in a.candidates:
            rows.append((AMBIGUOUS, a.name, staff_no, department, "", a.shown, "", None, None,
                         None, a.row))  # fmt: skip
    for m in report.hours_differ:
        assert m.registry_minutes is not None
        rows.append((HOURS_DIFFER, m.name, m.staff_no, m.department, "", "", m.registry_no,
                     _h(m.registry_minutes), _h(m.our_minutes),
                     _h(m.registry_minutes - m.our_minutes), m.row))  # fmt: skip
    return rows


def summary_text(report: RegistryReport) -> str:
    return (
        f"匹配 {len(report.matched)} 人；{NOT_REGISTERED} {len(report.not_registered)} 人，"
        f"{NOT_ON_ROSTER} {len(report.not_on_roster)} 人，{HOURS_DIFFER} "
        f"{len(report.hours_differ)} 人"
        + (f"；{AMBIGUOUS} {len(report.ambiguous)} 行，请人工核对" if report.ambiguous else "")
    )


def export_differences(report: RegistryReport, path: Path, hospital: str) -> int:
    """The differences as a print-ready sheet; returns the number of rows."""
    rows = difference_rows(report)
    subtitle = f"核对文件：{report.path.name}　{summary_text(report)}"
    with Ledger(path) as book:
        sheet = book.sheet("核对差异", (hospital, "志愿者注册核对差异表"), subtitle, DIFF_COLUMNS)
        for i, row in enumerate(rows, start=1):
            sheet.append([i, *row])
    return len(rows)
