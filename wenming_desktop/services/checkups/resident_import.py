"""Importing a village's resident list from Excel (`wenming import residents`, 村民名册 → 导入).

The sheet is read by the shared messy-sheet reader; every row is checked (name, ID check digit,
mobile, focus groups) and matched to an existing resident by ID number, else by the rule of
`domain/resident_match.py` (name and the birth date or 村民小组 that are known) among the village's
residents without an ID number; a row fitting several residents, or two rows fitting one, is
refused by row. The preview lists 新增/更新/有错误 and every
problem by sheet, row and column. Writing is all-or-nothing: with any problem nothing is written
unless the clerk chooses to import only the rows without errors.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from wenming_desktop.domain.birth import PRECISION_DAY, birth_text
from wenming_desktop.domain.dates import BIRTH_FROM_ID, birth_with_id, stated_birth
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id, mask_phone, normalize_gender, parse_id_number
from wenming_desktop.domain.name_pinyin import name_initials
from wenming_desktop.domain.resident_match import PersonFacts, same_person_without_id
from wenming_desktop.domain.residents import ResidentData, validate_resident
from wenming_desktop.domain.vocabulary import FocusGroup
from wenming_desktop.services.printable import unprintable_warnings
from wenming_desktop.services.progress import Progress
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
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Resident, Village
from wenming_desktop.storage.queries.residents import RegisteredKey, registered_keys

FOCUS_ALIASES: dict[FocusGroup, tuple[str, ...]] = {
    # 空巢老人: children living away, the rural case of 留守老人; 五保户: the old name of 特困供养.
    FocusGroup.LEFT_BEHIND_ELDERLY: ("留守老人", "空巢老人", "空巢"),
    FocusGroup.LIVING_ALONE: ("孤寡/独居老人", "孤寡老人", "独居老人", "孤寡", "独居"),
    FocusGroup.LEFT_BEHIND_CHILD: ("留守儿童",),
    FocusGroup.DISABLED: ("残疾人", "残疾"),
    FocusGroup.NEEDY: ("困难群众", "困难户", "低保", "特困", "五保"),
}

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("姓名", "村民姓名", "名字", "居民姓名"), required=True),
    FieldSpec("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码", "身份证")),
    FieldSpec("phone", "联系电话", ("联系电话", "手机号码", "手机号", "手机", "电话")),
    FieldSpec("group_name", "村民小组", ("村民小组", "小组", "组别", "所在组", "村组")),
    FieldSpec("address", "住址", ("家庭住址", "住址", "地址")),
    FieldSpec("gender", "性别", ("性别",)),
    FieldSpec("birth_date", "出生日期", ("出生日期", "出生年月", "生日")),
    FieldSpec("focus", "重点人群", ("重点人群", "人员类别", "特殊人群", "人群类别")),
    *(FieldSpec(group.value, group.label, aliases) for group, aliases in FOCUS_ALIASES.items()),
    FieldSpec("notes", "备注", ("备注", "说明")),
    FieldSpec("office_phone", "固定电话", ("固定电话", "座机", "固话", "家庭电话", "宅电")),
)
PREVIEW_COLUMNS = ("姓名", "身份证号", "出生日期", "联系电话", "村民小组", "重点人群")
_YES = {"是", "√", "✓", "1", "y", "yes", "有", "true"}
_PRINTED = ("name", "group_name", "address")  # checked for characters that print
_SPLIT = re.compile(r"[、,，;；/\s]+")


@dataclass
class ImportItem:
    row: int
    data: ResidentData
    resident_id: int | None  # None: a new resident


@dataclass
class ResidentImport:
    """What reading the sheet found: the preview, the rows ready to write, the problems."""

    path: Path
    village_id: int
    village: str
    preview: ImportPreview
    items: list[ImportItem] = field(default_factory=list)
    columns: frozenset[str] = frozenset()

    @property
    def problems(self) -> list[Problem]:
        return self.preview.problems


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped_rows: int


def _focus(record: dict[str, Any]) -> tuple[dict[str, bool], list[str]]:
    """Flags from a 重点人群 text column and/or one yes/no column per group, and the words that
    name no group (kept in the notes, with a warning)."""
    flags = {g.value: False for g in FocusGroup}
    text = cell_optional_text(record.get("focus"))
    unknown = []
    for token in filter(None, _SPLIT.split(text)):
        hits = [
            g
            for g, aliases in FOCUS_ALIASES.items()
            if any(a in token or token in a for a in aliases)
        ]
        if len(hits) != 1:
            unknown.append(token)
        else:
            flags[hits[0].value] = True
    for group in FocusGroup:
        if cell_text(record.get(group.value)).lower() in _YES:
            flags[group.value] = True
    return flags, unknown


def _row_data(
    sheet: SheetRows, row: int, record: dict[str, Any], village_id: int
) -> tuple[ResidentData | None, list[Problem], list[Problem]]:
    """(data or None, problems, warnings) of one row."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    notes: list[str] = []

    def take(key: str, read: Any) -> Any:
        try:
            return read(record.get(key))
        except UserError as exc:
            problems.append(sheet.problem(row, key, exc.message))
            return None

    name = cell_text(record.get("name"))
    if not name:
        problems.append(sheet.problem(row, "name", "姓名为空"))
    number = take("id_number", cell_id_number) or ""
    phones = cell_phones(record.get("phone"))
    second = cell_phones(record.get("office_phone"))
    numbers = [n for n in (phones.mobile, *phones.others, second.mobile, *second.others) if n]
    if len(numbers) > 1:
        notes.append("其他电话：" + "、".join(numbers[1:]))
    if phones.problem:
        warnings.append(sheet.problem(row, "phone", phones.problem + "，未导入该号码"))
        notes.append("原电话：" + "、".join(phones.broken))
    try:
        stated = cell_partial_date(record.get("birth_date"))
    except UserError as exc:  # the ID number, when there is one, gives the birth date anyway
        stated = None
        if number:
            warnings.append(sheet.problem(row, "birth_date", exc.message + BIRTH_FROM_ID))
        else:
            problems.append(sheet.problem(row, "birth_date", exc.message))
    birth, precision = None, PRECISION_DAY
    if number and stated is not None:
        try:
            birth_with_id(stated, parse_id_number(number).birth_date)
        except UserError as exc:
            problems.append(sheet.problem(row, "birth_date", exc.message))
    elif stated is not None and stated.ambiguous:
        warnings.append(
            sheet.problem(
                row, "birth_date", f"“{cell_text(record.get('birth_date'))}”的月份不确定，未导入"
            )
        )
    elif stated is not None:
        birth, precision = stated_birth(stated)
    focus, unknown = _focus(record)
    if unknown:
        labels = "、".join(g.label for g in FocusGroup)
        warnings.append(
            sheet.problem(
                row,
                "focus",
                f"无法识别的重点人群“{'、'.join(unknown)}”（可填：{labels}），已记入备注",
            )
        )
        notes.append("重点人群：" + "、".join(unknown))
    printed = {key: cell_optional_text(record.get(key)) for key in _PRINTED}
    warnings.extend(unprintable_warnings(sheet, row, printed, _PRINTED))
    gender = normalize_gender(cell_optional_text(record.get("gender")))
    if gender not in ("", "男", "女"):
        problems.append(sheet.problem(row, "gender", f"性别只能是“男”或“女”，实际为“{gender}”"))
        gender = ""
    if problems:
        return None, problems, warnings
    if number and gender and gender != parse_id_number(number).gender:
        from_id = parse_id_number(number).gender
        warnings.append(
            sheet.problem(
                row,
                "gender",
                f"性别“{gender}”与身份证号（{from_id}性）不一致，按身份证号记为{from_id}",
            )
        )
    data = ResidentData(
        village_id=village_id,
        name=name,
        id_number=number,
        phone=numbers[0] if numbers else "",
        group_name=cell_optional_text(record.get("group_name")),
        address=cell_optional_text(record.get("address")),
        birth_date=birth,
        birth_precision=precision,
        gender=gender,
        notes="；".join(filter(None, [cell_optional_text(record.get("notes")), *notes])),
        **focus,
    )
    try:
        return validate_resident(data), [], warnings
    except UserError as exc:
        return None, [sheet.problem(row, "", exc.message)], warnings


def read_residents(
    db: Database, path: Path, village_id: int, progress: Progress | None = None
) -> ResidentImport:
    """Read and check the sheet against the registry; nothing is written."""
    sheet = read_sheet(path, FIELDS)
    with db.read() as session:
        village = session.get(Village, village_id)
        if village is None:
            raise UserError("所选结对村不存在，可能已被删除")
        existing = registered_keys(session)
    by_number = {r.id_number: r for r in existing if r.id_number}
    same_name: dict[str, list[RegisteredKey]] = {}
    for r in existing:
        if r.village_id == village_id:
            same_name.setdefault(r.name, []).append(r)
    matcher = _NamelessMatcher(sheet, same_name)
    plan = ResidentImport(
        Path(path),
        village_id,
        village.name,
        ImportPreview(
            columns=PREVIEW_COLUMNS,
            rows=[],
            problems=list(sheet.problems),
            warnings=list(sheet.warnings),
            facts=sheet.facts,
        ),
    )
    plan.columns = frozenset(sheet.columns)
    seen: dict[str, int] = {}
    flagged_rows = {p.row for p in sheet.problems}
    total = len(sheet.rows)
    for done, (row, record) in enumerate(sheet.rows, start=1):
        if progress is not None and done % 200 == 0:
            progress.report(done, total, "正在检查表格…")
        data, problems, warnings = _row_data(sheet, row, record, village_id)
        plan.preview.warnings.extend(warnings)
        hidden = sheet.is_hidden(row)
        resident_id: int | None = None
        if data is not None and data.id_number:
            if data.id_number in seen:
                problems.append(
                    sheet.problem(row, "id_number", f"与第{seen[data.id_number]}行的身份证号重复")
                )
            seen[data.id_number] = row
            found = by_number.get(data.id_number)
            if found is not None and found.village_id != village_id:
                problems.append(
                    sheet.problem(
                        row, "id_number", f"该身份证号已登记为{found.village}的村民“{found.name}”"
                    )
                )
            elif found is not None:
                resident_id = found.id
            else:  # the person may be registered without an ID number yet: the ID is added
                resident_id = matcher.match(row, data, problems, plan.preview.warnings)
        elif data is not None:
            resident_id = matcher.match(row, data, problems, plan.preview.warnings)
        plan.problems.extend(problems)
        shown = (
            cell_text(record.get("name")),
            mask_id(data.id_number) if data else cell_text(record.get("id_number"))[:6] + "…",
            birth_text(data.birth_date, data.birth_precision) if data else "",
            mask_phone(data.phone) if data else "",
            data.group_name if data else cell_text(record.get("group_name")),
            "、".join(data.focus_labels()) if data else "",
        )
        if data is None or problems or row in flagged_rows:
            plan.preview.rows.append(PreviewRow(row, ACTION_ERROR, shown, hidden))
            continue
        action = ACTION_NEW if resident_id is None else ACTION_UPDATE
        plan.preview.rows.append(PreviewRow(row, action, shown, hidden))
        plan.items.append(ImportItem(row, data, resident_id))
    return plan


def _describe(known: RegisteredKey | PersonFacts) -> str:
    """`出生1948-01-01，一组` for the messages naming a registered resident."""
    birth = birth_text(known.birth_date, known.birth_precision) if known.birth_date else ""
    parts = [f"出生{birth}" if birth else "未登记出生日期", known.group_name or ""]
    return "，".join(filter(None, parts))


def _known_facts(known: RegisteredKey) -> PersonFacts:
    return PersonFacts(known.name, known.birth_date, known.birth_precision, known.group_name or "")


class _NamelessMatcher:
    """Matches the rows without an ID number (`domain/resident_match.py`) and remembers which
    registered resident each row took and which new people the file adds, so that neither two
    rows take one resident nor one person is added twice without the clerk being told."""

    _HINT = "请填写身份证号，或填写出生日期、村民小组以区分"

    def __init__(self, sheet: SheetRows, same_name: dict[str, list[RegisteredKey]]) -> None:
        self.sheet = sheet
        self.same_name = same_name
        self.claimed: dict[int, int] = {}
        self.added: list[tuple[int, PersonFacts]] = []

    def match(
        self, row: int, data: ResidentData, problems: list[Problem], warnings: list[Problem]
    ) -> int | None:
        """The registered resident without an ID number `data` is, or None for a new one; a
        refusal goes to `problems`, a same-name notice to `warnings`. A row with an ID number
        not registered comes here too (its birth date is the ID's): it may be a person
        registered before without one."""
        facts = PersonFacts(data.name, data.birth_date, data.birth_precision, data.group_name)
        namesakes = self.same_name.get(data.name, [])
        fits = [
            r
            for r in namesakes
            # a row without an ID may be anyone registered; one with an ID not registered
            # may only complete a resident registered without one
            if (not r.id_number or not data.id_number)
            and same_person_without_id(facts, _known_facts(r))
        ]
        if len(fits) > 1:
            listed = "；".join(_describe(r) for r in fits)
            problems.append(
                self.sheet.problem(
                    row,
                    "name",
                    f"“{data.name}”没有身份证号，与已登记的{len(fits)}位同名村民（{listed}）"
                    f"都对得上，无法确定是哪一位，{self._HINT}",
                )
            )
            return None
        if fits:
            found = fits[0]
            if found.id in self.claimed and data.id_number:
                # another row already completes that resident: this ID is another person
                self.added.append((row, facts))
                warnings.append(
                    self.sheet.problem(
                        row,
                        "name",
                        f"与第{self.claimed[found.id]}行都像已登记的村民“{found.name}”"
                        f"（{_describe(found)}），本行身份证号不同，按另一人新增",
                    )
                )
                return None
            if found.id in self.claimed:
                problems.append(
                    self.sheet.problem(
                        row,
                        "name",
                        f"与第{self.claimed[found.id]}行都对应已登记的村民“{found.name}”"
                        f"（{_describe(found)}），无法确定是哪一行，{self._HINT}",
                    )
                )
                return None
            self.claimed[found.id] = row
            return found.id
        if data.id_number:  # new, with its own ID number: nobody else's, not a duplicate
            return None
        for other_row, other in self.added:
            if same_person_without_id(facts, other):
                problems.append(
                    self.sheet.problem(
                        row,
                        "name",
                        f"与第{other_row}行的“{data.name}”都没有身份证号，按出生日期（未填时按村民小组）"
                        f"无法区分，可能是同一人登记了两次，{self._HINT}",
                    )
                )
                return None
        self.added.append((row, facts))
        if namesakes:
            listed = "；".join(_describe(r) for r in namesakes)
            warnings.append(
                self.sheet.problem(
                    row,
                    "name",
                    f"本村已登记同名村民“{data.name}”（{listed}），本行按另一人新增；"
                    "如是同一人，请填写身份证号",
                )
            )
        return None


def _values(data: ResidentData) -> dict[str, Any]:
    values = dataclasses.asdict(data)
    values["id_number"] = data.id_number or None
    values["pinyin_initials"] = name_initials(data.name)
    return values


def _update_keys(columns: frozenset[str]) -> list[str]:
    """Fields an update overwrites: name and ID always; the rest only if the sheet has them."""
    keys = ["name", "pinyin_initials", "id_number", "birth_date", "birth_precision", "gender"]
    keys += [k for k in ("phone", "group_name", "address", "notes") if k in columns]
    if "focus" in columns or any(g.value in columns for g in FocusGroup):
        keys += [g.value for g in FocusGroup]
    return keys


def _keep_known_birth(session: Session, changed: list[dict[str, Any]]) -> None:
    """A row without ID, birth date or gender keeps the ID number, birth date (with its
    precision) and gender already registered."""
    ids = [
        c["rid"]
        for c in changed
        if c.get("birth_date") is None or not c.get("gender") or not c.get("id_number")
    ]
    known = {
        rid: (id_number, birth, precision, gender)
        for rid, id_number, birth, precision, gender in session.execute(
            select(
                Resident.id,
                Resident.id_number,
                Resident.birth_date,
                Resident.birth_precision,
                Resident.gender,
            ).where(Resident.id.in_(ids))
        )
    }
    for values in changed:
        id_number, birth, precision, gender = known.get(
            values["rid"], (None, None, PRECISION_DAY, "")
        )
        if not values.get("id_number"):
            values["id_number"] = id_number
        if values.get("birth_date") is None:
            values["birth_date"] = birth
            values["birth_precision"] = precision
        if not values.get("gender"):
            values["gender"] = gender


def apply_import(
    db: Database, plan: ResidentImport, skip_invalid: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Write the checked rows in one transaction; refused when there are problems unless
    `skip_invalid` (then rows with errors are left out and reported as skipped)."""
    errors = sum(1 for r in plan.preview.rows if r.action == ACTION_ERROR)
    if plan.problems and not skip_invalid:
        raise UserError(
            f"表格中有 {len(plan.problems)} 个问题（{errors} 行有错误），未导入任何数据；"
            "请修改后重新导入，或选择只导入无误的行"
        )
    new = [_values(i.data) for i in plan.items if i.resident_id is None]
    keys = _update_keys(plan.columns)
    changed = [
        {
            "rid": i.resident_id,
            **{k: v for k, v in _values(i.data).items() if k in keys},
        }
        for i in plan.items
        if i.resident_id is not None
    ]
    if progress is not None:
        progress.report(0, 1, "正在写入村民名册…")
    with db.write() as session:
        if new:
            session.execute(insert(Resident), new)
        if changed:
            _keep_known_birth(session, changed)
            stmt = (
                update(Resident.__table__)
                .where(Resident.__table__.c.id == bindparam("rid"))
                # The version moves on as with an edit: a dialog opened before cannot save
                # over what the import wrote (domain/edits.py).
                .values(
                    {
                        **{k: bindparam(k) for k in keys},
                        "version": Resident.__table__.c.version + 1,
                    }
                )
            )
            session.connection().execute(stmt, changed)
        audit.record(
            session,
            "import",
            "resident",
            None,
            None,
            {
                "file": plan.path.name,
                "village": plan.village,
                "created": len(new),
                "updated": len(changed),
                "skipped_rows": errors,
            },
        )
    return ImportResult(len(new), len(changed), errors)
