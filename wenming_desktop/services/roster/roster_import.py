"""Importing the HR sheet into the roster: a preview first, then all-or-nothing writing.

`plan_import` reads the sheet, judges every cell and matches each row to an existing volunteer
by staff number or ID number (an update, never a duplicate). `apply_import` writes the plan in one
transaction: refused as a whole when any row is wrong, unless the clerk chose to skip those rows.
An update only overwrites what the sheet holds; empty cells keep what the roster already has.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from wenming_desktop.domain.birth import PRECISION_DAY, birth_text
from wenming_desktop.domain.dates import (
    BIRTH_FROM_ID,
    PartialDate,
    birth_with_id,
    stated_birth,
)
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id, mask_phone, parse_id_number
from wenming_desktop.domain.roster import VolunteerData, clean_name, validate_volunteer
from wenming_desktop.services.printable import unprintable_warnings
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.roster import roster
from wenming_desktop.services.workbooks.sheet_reader import (
    ACTION_ERROR,
    ACTION_NEW,
    ACTION_UPDATE,
    FieldSpec,
    ImportPreview,
    PreviewRow,
    Problem,
    SheetRows,
    cell_id_number,
    cell_optional_text,
    cell_partial_date,
    cell_phones,
    cell_text,
    read_sheet,
)
from wenming_desktop.storage import audit
from wenming_desktop.storage.conflicts import lock_in_id_order, run_retrying
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Team, Volunteer, volunteer_team
from wenming_desktop.storage.queries.volunteers import volunteer_keys

# A second phone column (a landline): kept in the notes.
OFFICE_PHONE_ALIASES = ("办公电话", "座机", "固定电话", "固话", "办公室电话", "宅电", "家庭电话")
HR_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("姓名", "职工姓名", "员工姓名", "人员姓名"), required=True),
    FieldSpec("gender", "性别", ("性别",)),
    FieldSpec(
        "staff_no", "工号", ("工号", "职工号", "职工编号", "员工编号", "人员编号", "工作证号")
    ),
    FieldSpec(
        "department", "科室", ("科室", "部门", "科室/部门", "所在科室", "所在部门", "科室名称")
    ),
    FieldSpec("title", "职称", ("职称", "专业技术职称", "技术职称", "专业技术职务")),
    FieldSpec("position", "职务", ("职务", "行政职务")),
    FieldSpec("political_status", "政治面貌", ("政治面貌", "政治面目")),
    FieldSpec("phone", "手机", ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式")),
    FieldSpec(
        "id_number", "身份证号", ("身份证号", "身份证号码", "身份证", "公民身份号码", "证件号码")
    ),
    FieldSpec("birth_date", "出生日期", ("出生日期", "出生年月", "出生年月日", "生日")),
    FieldSpec("office_phone", "办公电话", OFFICE_PHONE_ALIASES),
)
PREVIEW_COLUMNS = (
    "工号",
    "姓名",
    "性别",
    "出生日期",
    "科室",
    "职称",
    "职务",
    "政治面貌",
    "手机",
    "身份证号",
)
_OPTIONAL = ("gender", "department", "title", "position", "political_status")
_PRINTED = ("name", "department", "title", "position")  # checked for characters that print


@dataclass
class RosterImportPlan:
    """What an import would do: the preview and, per valid row, the data and its target."""

    path: Path
    preview: ImportPreview
    records: list[tuple[int, VolunteerData, int | None]]  # (Excel row, data, existing id)

    @property
    def has_problems(self) -> bool:
        return bool(self.preview.problems)


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    refused: int


def _read_cells(
    sheet: SheetRows, row: int, raw: dict[str, Any]
) -> tuple[dict[str, Any], list[Problem], list[Problem]]:
    """(values, problems, warnings) of one row; an optional cell never refuses a person for a
    placeholder, a landline or a second number (kept in the notes)."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    warnings: list[Problem] = []
    notes: list[str] = []

    def take(key: str, read: Any) -> Any:
        try:
            return read(raw.get(key))
        except UserError as exc:
            problems.append(sheet.problem(row, key, exc.message))
            return None

    values["name"] = clean_name(cell_text(raw.get("name")))
    staff_no = cell_optional_text(raw.get("staff_no"))
    if staff_no:
        values["staff_no"] = staff_no
    for key in _OPTIONAL:
        if key in raw:
            values[key] = cell_optional_text(raw.get(key))
    if "id_number" in raw:
        values["id_number"] = take("id_number", cell_id_number)
    if "phone" in raw:
        phones = cell_phones(raw.get("phone"))
        values["phone"] = phones.mobile
        if phones.others:
            notes.append("其他电话：" + "、".join(phones.others))
        if phones.problem:
            warnings.append(sheet.problem(row, "phone", phones.problem + "，未导入该号码"))
            notes.append("原手机号：" + "、".join(phones.broken))
    office = cell_phones(raw.get("office_phone"))
    office_numbers = [n for n in (office.mobile, *office.others, *office.broken) if n]
    if office_numbers:
        notes.append(f"{sheet.columns['office_phone']}：" + "、".join(office_numbers))
    if "birth_date" in raw:
        id_number = values.get("id_number")
        stated = _stated_birth(sheet, row, raw, bool(id_number), problems, warnings)
        values["birth_date"] = None
        if id_number:
            try:
                values["birth_date"] = birth_with_id(stated, parse_id_number(id_number).birth_date)
                values["birth_precision"] = PRECISION_DAY
            except UserError as exc:
                problems.append(sheet.problem(row, "birth_date", exc.message))
        elif stated is not None and stated.ambiguous:
            warnings.append(
                sheet.problem(
                    row,
                    "birth_date",
                    f"“{cell_text(raw.get('birth_date'))}”可能是{stated.year}年{stated.month}月"
                    f"或{stated.other_month}月（Excel 会去掉 1985.10 末尾的 0），未导入出生年月",
                )
            )
        elif stated is not None:
            values["birth_date"], values["birth_precision"] = stated_birth(stated)
    if notes:
        values["notes"] = "；".join(notes)
    warnings.extend(unprintable_warnings(sheet, row, values, _PRINTED))
    if not values.get("name") and not any(p.column == sheet.columns["name"] for p in problems):
        problems.append(sheet.problem(row, "name", "姓名不能为空"))
    key_columns = {sheet.columns.get("staff_no"), sheet.columns.get("id_number")}
    key_problem = any(p.column in key_columns for p in problems)
    if not values.get("staff_no") and not values.get("id_number") and not key_problem:
        problems.append(
            sheet.problem(
                row, "staff_no", "工号和身份证号至少要有一项，否则无法判断是否已在花名册中"
            )
        )
    return values, problems, warnings


def _stated_birth(
    sheet: SheetRows,
    row: int,
    raw: dict[str, Any],
    has_id: bool,
    problems: list[Problem],
    warnings: list[Problem],
) -> PartialDate | None:
    """The birth date cell; one that cannot be read refuses the row, unless the row has an ID
    number, which gives the birth date anyway (then a warning)."""
    try:
        return cell_partial_date(raw.get("birth_date"))
    except UserError as exc:
        if has_id:
            warnings.append(sheet.problem(row, "birth_date", exc.message + BIRTH_FROM_ID))
        else:
            problems.append(sheet.problem(row, "birth_date", exc.message))
        return None


def _merge(existing: VolunteerData | None, values: dict[str, Any]) -> VolunteerData:
    """The sheet's non-empty values over the existing volunteer's (or a new one's); notes are
    added to the existing ones, not put in their place."""
    changes = {k: v for k, v in values.items() if v not in (None, "")}
    if existing is not None and changes.get("notes"):
        old = existing.notes
        changes["notes"] = (
            old if changes["notes"] in old else "；".join(filter(None, [old, changes["notes"]]))
        )
    if existing is None:
        return VolunteerData(**{"name": "", **changes})  # 3× faster than replace()
    return dataclasses.replace(existing, **changes)


def _preview_values(data: VolunteerData) -> tuple[str, ...]:
    return (
        data.staff_no or "",
        data.name,
        data.gender,
        birth_text(data.birth_date, data.birth_precision),
        data.department,
        data.title,
        data.position,
        data.political_status,
        mask_phone(data.phone),
        mask_id(data.id_number),
    )


def plan_import(
    db: Database, path: Path | str, progress: Progress | None = None
) -> RosterImportPlan:
    """Read and judge the HR sheet; writes nothing."""
    path = Path(path)
    sheet = read_sheet(path, HR_FIELDS)
    with db.read() as session:
        keys = volunteer_keys(session)
        padded = _zero_padded(keys.by_staff_no)
        matched = [
            keys.by_staff_no.get(cell_text(raw.get("staff_no")))
            or padded.get(cell_text(raw.get("staff_no")))
            or keys.by_id_number.get(cell_text(raw.get("id_number")).upper())
            for _row, raw in sheet.rows
        ]
        existing_data = roster.data_by_id(session, [m for m in matched if m])
    problems = list(sheet.problems)
    warnings = list(sheet.warnings)
    rows: list[PreviewRow] = []
    records: list[tuple[int, VolunteerData, int | None]] = []
    seen_staff: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    total = len(sheet.rows)
    bad_rows = {p.row for p in problems}
    for done, (row, raw) in enumerate(sheet.rows):
        if progress is not None and done % 200 == 0:
            progress.report(done, total, f"正在检查第 {row} 行…")
        values, row_problems, row_warnings = _read_cells(sheet, row, raw)
        warnings.extend(row_warnings)
        _keep_leading_zeros(sheet, row, raw, values, keys, padded, existing_data, warnings)
        staff_no, id_number = values.get("staff_no") or None, values.get("id_number")
        for value, seen, key, label in (
            (staff_no, seen_staff, "staff_no", "工号"),
            (id_number, seen_id, "id_number", "身份证号"),
        ):
            if value and value in seen:
                row_problems.append(
                    sheet.problem(row, key, f"{label}“{value}”与第{seen[value]}行重复")
                )
            elif value:
                seen[value] = row
        by_staff = keys.by_staff_no.get(staff_no) if staff_no else None
        by_id = keys.by_id_number.get(id_number) if id_number else None
        if by_staff and by_id and by_staff != by_id:
            row_problems.append(
                sheet.problem(row, "id_number", "工号和身份证号分别属于花名册中的两位不同的志愿者")
            )
        existing_id = by_staff or by_id
        data = VolunteerData(name=values.get("name") or "")
        if not row_problems:
            existing = existing_data.get(existing_id) if existing_id else None
            try:
                data = validate_volunteer(_merge(existing, values))
            except UserError as exc:
                row_problems.append(sheet.problem(row, "", exc.message))
        else:
            data = _merge(None, {k: v for k, v in values.items() if k in ("name", "staff_no")})
        hidden = sheet.is_hidden(row)
        if row_problems or row in bad_rows:
            problems.extend(row_problems)
            rows.append(PreviewRow(row, ACTION_ERROR, _preview_values(data), hidden))
            continue
        action = ACTION_UPDATE if existing_id else ACTION_NEW
        rows.append(PreviewRow(row, action, _preview_values(data), hidden))
        records.append((row, data, existing_id))
    preview = ImportPreview(
        columns=PREVIEW_COLUMNS,
        rows=rows,
        problems=problems,
        warnings=warnings,
        facts=sheet.facts,
    )
    return RosterImportPlan(path, preview, records)


def _zero_padded(by_staff_no: dict[str, int]) -> dict[str, int]:
    """Existing staff numbers with leading zeros, by the number a number cell would show."""
    return {
        number.lstrip("0"): vid
        for number, vid in by_staff_no.items()
        if number.startswith("0") and number.lstrip("0").isdigit()
    }


def _keep_leading_zeros(
    sheet: SheetRows,
    row: int,
    raw: dict[str, Any],
    values: dict[str, Any],
    keys: Any,
    padded: dict[str, int],
    existing: dict[int, VolunteerData],
    warnings: list[Problem],
) -> None:
    """A staff number typed into a number cell loses its leading zeros (04160 → 4160): when it
    would change an existing volunteer's number, that number is kept and a warning says so."""
    cell = raw.get("staff_no")
    staff_no = values.get("staff_no")
    if not isinstance(cell, int | float) or not staff_no or staff_no in keys.by_staff_no:
        return
    target = padded.get(staff_no) or keys.by_id_number.get(values.get("id_number") or "")
    old = existing[target].staff_no if target in existing else None
    if old and old != staff_no and old.lstrip("0") == staff_no:
        values["staff_no"] = old
        warnings.append(
            sheet.problem(
                row,
                "staff_no",
                f"工号“{staff_no}”是数字格式，开头的 0 已丢失；花名册中该志愿者的工号为"
                f"“{old}”，已保留原工号",
            )
        )


def _insert_new(
    session: Session, records: list[VolunteerData], names: roster.NameCache
) -> list[int]:
    """Insert new volunteers with one executemany (ORM objects cost ~0.3 ms each); their ids,
    in order. The single `import` audit entry lists them."""
    if not records:
        return []
    values = [roster.new_volunteer_values(data, names) for data in records]
    session.connection().execute(insert(Volunteer.__table__), values)
    # Every record has a staff number or an ID number (plan_import refuses rows with neither).
    keys = volunteer_keys(session)
    ids = [
        keys.by_staff_no.get(data.staff_no or "") or keys.by_id_number[data.id_number or ""]
        for data in records
    ]
    team_rows = [
        {"volunteer_id": vid, "team_id": names.get(Team, team, "服务队").id}
        for vid, data in zip(ids, records, strict=True)
        for team in data.teams
    ]
    if team_rows:
        session.execute(insert(volunteer_team), team_rows)
    return ids


def apply_import(
    db: Database,
    plan: RosterImportPlan,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the plan in one transaction; with problems and not `skip_invalid`, write nothing."""
    refused = plan.preview.error_count
    if plan.has_problems and not skip_invalid:
        raise UserError(
            f"“{plan.path.name}”中有 {len(plan.preview.problems)} 个问题（{refused} 行），"
            "没有导入任何数据。请修改后重新导入，或选择只导入无误的行。"
        )

    def write(session: Session) -> ImportResult:
        """One attempt; run again from the start if another PC's import won a conflict."""
        new_rows: list[tuple[int, VolunteerData]] = []
        updated = 0
        # Matched again inside the transaction: the roster may have changed since the preview.
        keys = volunteer_keys(session)
        names = roster.NameCache(session, create=True)
        targets = {
            keys.by_staff_no.get(data.staff_no or "") or keys.by_id_number.get(data.id_number or "")
            for _row, data, _id in plan.records
        }
        existing = sorted(t for t in targets if t)
        lock_in_id_order(session, Volunteer, existing)  # two imports take the rows in one order
        loaded = roster.load_many(session, existing)
        for done, (row, data, _planned_id) in enumerate(plan.records):
            if progress is not None and done % 200 == 0:
                progress.report(done, len(plan.records), "正在写入…")
            existing_id = keys.by_staff_no.get(data.staff_no or "") or keys.by_id_number.get(
                data.id_number or ""
            )
            if existing_id:
                volunteer = loaded[existing_id]
                old, new = roster.apply_data(session, volunteer, data, names)
                if new:
                    updated += 1
                    audit.record(session, "update", "volunteer", existing_id, old, new)
                continue
            new_rows.append((row, data))
        ids = _insert_new(session, [data for _row, data in new_rows], names)
        added = [
            {"row": row, "id": vid, "staff_no": data.staff_no, "name": data.name}
            for (row, data), vid in zip(new_rows, ids, strict=True)
        ]
        audit.record(
            session,
            "import",
            "volunteer",
            None,
            None,
            {
                "file": plan.path.name,
                "added": len(added),
                "updated": updated,
                "refused": refused,
                "new": added,
            },
        )
        return ImportResult(len(added), updated, refused if skip_invalid else 0)

    return run_retrying(db, write)
