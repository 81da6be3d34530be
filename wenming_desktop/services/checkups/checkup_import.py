"""Importing a checkup day's results from Excel (`wenming import checkups`, 体检录入 → 导入).

One row per resident of the day's village, found by ID number (or, without one, by a name that
is unique in the village). The values are those of the entry form: measurements, 中医体质, the
constitution questionnaire — either one column of 33 digits (体质问卷) or 33 columns 第1题 …
第33题 — and its override reason, conclusion and advice. Every row goes through the same
validation as the form (domain.checkups.validate_checkup), so the questionnaire is judged and a
differing constitution needs its reason. A resident already checked that day is updated (only
the columns the sheet has). The preview lists 新增/更新/有错误 and every problem by sheet, row
and column; writing is all-or-nothing, in one transaction, and refused while any problem stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from wenming_desktop.domain.checkups import NUMERIC_FIELDS, CheckupData, validate_checkup
from wenming_desktop.domain.constitution import QUESTION_COUNT
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id
from wenming_desktop.services.checkups.checkups import checkup_columns, get_checkup, get_day
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
    cell_text,
    read_sheet,
)
from wenming_desktop.storage import audit
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.models import Checkup, Resident

QUESTION_KEYS = tuple(f"q{n}" for n in range(1, QUESTION_COUNT + 1))
VALUE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("height_cm", "身高", ("身高", "身高(cm)", "身高cm", "身高(厘米)")),
    FieldSpec("weight_kg", "体重", ("体重", "体重(kg)", "体重kg", "体重(公斤)")),
    FieldSpec("waist_cm", "腰围", ("腰围", "腰围(cm)", "腰围cm")),
    FieldSpec("systolic", "收缩压", ("收缩压", "收缩压(mmHg)", "高压")),
    FieldSpec("diastolic", "舒张压", ("舒张压", "舒张压(mmHg)", "低压")),
    FieldSpec("heart_rate", "心率", ("心率", "脉搏", "心率(次/分)")),
    FieldSpec("fasting_glucose", "空腹血糖", ("空腹血糖", "血糖", "空腹血糖(mmol/L)")),
    FieldSpec("constitution", "中医体质", ("中医体质", "体质")),
    FieldSpec("tcm_answers", "体质问卷", ("体质问卷", "体质问卷答案", "体质辨识答案", "问卷答案")),
    FieldSpec("constitution_override_reason", "改判理由", ("改判理由", "体质改判理由")),
    FieldSpec("conclusion", "体检结论", ("体检结论", "结论")),
    FieldSpec("advice", "健康建议", ("健康建议", "建议")),
)
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("姓名", "村民姓名", "居民姓名"), required=True),
    FieldSpec("id_number", "身份证号", ("身份证号", "身份证号码", "公民身份号码", "身份证")),
    *VALUE_FIELDS,
    *(
        FieldSpec(key, f"第{n}题", (f"第{n}题", f"题{n}", f"问题{n}", f"Q{n}", f"({n})"))
        for n, key in enumerate(QUESTION_KEYS, start=1)
    ),
)
PREVIEW_COLUMNS = ("姓名", "身份证号", "血压", "空腹血糖", "中医体质", "体质问卷")
_TEXT_KEYS = ("constitution", "constitution_override_reason", "conclusion", "advice")


@dataclass
class CheckupImportItem:
    row: int
    data: CheckupData
    checkup_id: int | None  # None: a new checkup


@dataclass
class CheckupImport:
    """What reading the sheet found for one checkup day: preview, rows ready, problems."""

    path: Path
    activity_id: int
    day: date
    title: str
    preview: ImportPreview
    items: list[CheckupImportItem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return self.preview.problems


@dataclass(frozen=True)
class CheckupImportResult:
    created: int
    updated: int


def _number(value: Any) -> float | None:
    text = cell_text(value)
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise UserError(f"“{text}”不是数字") from None


def _answers(sheet: SheetRows, row: int, record: dict[str, Any]) -> tuple[str, list[Problem]]:
    """The 33 answers of a row from 第1题…第33题 columns, or from one 体质问卷 column."""
    if not any(k in sheet.columns for k in QUESTION_KEYS):
        return cell_text(record.get("tcm_answers")), []
    problems: list[Problem] = []
    digits: list[str] = []
    for key in QUESTION_KEYS:
        text = cell_text(record.get(key))
        if text and text not in ("1", "2", "3", "4", "5"):
            problems.append(sheet.problem(row, key, f"答案“{text}”不是 1～5 的数字"))
        digits.append(text)
    answered = [d for d in digits if d]
    if answered and len(answered) < QUESTION_COUNT and not problems:
        empty = [f"第{n}题" for n, d in enumerate(digits, start=1) if not d]
        shown = "、".join(empty[:5]) + (f" 等 {len(empty)} 题" if len(empty) > 5 else "")
        problems.append(sheet.problem(row, "", f"体质问卷没有答完：{shown}为空"))
    return "".join(digits) if not problems else "", problems


def _values(
    sheet: SheetRows, row: int, record: dict[str, Any]
) -> tuple[dict[str, Any], list[Problem]]:
    """The checkup fields the sheet has, read from one row."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key in NUMERIC_FIELDS:
        if key in sheet.columns:
            try:
                values[key] = _number(record.get(key))
            except UserError as exc:
                problems.append(sheet.problem(row, key, exc.message))
    for key in _TEXT_KEYS:
        if key in sheet.columns:
            values[key] = cell_text(record.get(key))
    if "tcm_answers" in sheet.columns or any(k in sheet.columns for k in QUESTION_KEYS):
        answers, found = _answers(sheet, row, record)
        problems += found
        values["tcm_answers"] = answers
    return values, problems


def _residents(session: Any, village_id: int) -> tuple[dict[str, int], dict[str, list[int]]]:
    by_number: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for rid, name, number in session.execute(
        select(Resident.id, Resident.name, Resident.id_number).where(
            Resident.village_id == village_id
        )
    ):
        if number:
            by_number[number] = rid
        by_name.setdefault(name, []).append(rid)
    return by_number, by_name


def read_checkups(
    db: Database, path: Path, activity_id: int, progress: Progress | None = None
) -> CheckupImport:
    """Read and check the sheet against the day's village and its checkups; nothing is written."""
    day = get_day(db, activity_id)
    checkup_date = day.start_at.date()
    if checkup_date > date.today():
        raise UserError(f"“{day.title}”在 {checkup_date:%Y-%m-%d}，尚未举行，不能导入体检结果")
    sheet = read_sheet(path, FIELDS)
    with db.read() as session:
        by_number, by_name = _residents(session, day.village_id)
        existing = {
            rid: cid
            for rid, cid in session.execute(
                select(Checkup.resident_id, Checkup.id).where(Checkup.checkup_date == checkup_date)
            )
        }
    plan = CheckupImport(
        path=Path(path),
        activity_id=activity_id,
        day=checkup_date,
        title=day.title,
        preview=ImportPreview(PREVIEW_COLUMNS, [], list(sheet.problems)),
    )
    seen: dict[int, int] = {}
    total = len(sheet.rows)
    for done, (row, record) in enumerate(sheet.rows, start=1):
        if progress is not None and done % 200 == 0:
            progress.report(done, total, "正在检查表格…")
        name = cell_text(record.get("name"))
        problems: list[Problem] = []
        resident_id: int | None = None
        try:
            number = cell_id_number(record.get("id_number"))
        except UserError as exc:
            problems.append(sheet.problem(row, "id_number", exc.message))
            number = None
        if number:
            resident_id = by_number.get(number)
            if resident_id is None:
                problems.append(
                    sheet.problem(row, "id_number", f"{day.village}的村民名册中没有此身份证号")
                )
        elif not name:
            problems.append(sheet.problem(row, "name", "姓名为空"))
        elif len(by_name.get(name, [])) == 1:
            resident_id = by_name[name][0]
        else:
            many = len(by_name.get(name, [])) > 1
            problems.append(
                sheet.problem(
                    row, "name",
                    f"{day.village}有 {len(by_name[name])} 位“{name}”，请填写身份证号" if many
                    else f"{day.village}的村民名册中没有“{name}”，请先在村民名册中登记",
                )
            )  # fmt: skip
        if resident_id is not None and resident_id in seen:
            problems.append(sheet.problem(row, "name", f"与第{seen[resident_id]}行是同一位村民"))
        if resident_id is not None:
            seen.setdefault(resident_id, row)
        values, found = _values(sheet, row, record)
        problems += found
        data: CheckupData | None = None
        checkup_id = existing.get(resident_id) if resident_id is not None else None
        if resident_id is not None and not problems:
            base = (
                get_checkup(db, checkup_id)
                if checkup_id is not None
                else CheckupData(resident_id, checkup_date, activity_id)
            )
            try:
                data = validate_checkup(replace(base, **values))
            except UserError as exc:
                problems.append(sheet.problem(row, "", exc.message))
        plan.problems.extend(problems)
        systolic, diastolic = values.get("systolic"), values.get("diastolic")
        shown = (
            name,
            mask_id(number) if number else "",
            f"{systolic:g}/{diastolic:g}" if systolic and diastolic else "",
            f"{values['fasting_glucose']:g}" if values.get("fasting_glucose") else "",
            data.constitution if data else cell_text(record.get("constitution")),
            "已答" if data and data.tcm_answers else "",
        )
        if data is None or problems:
            plan.preview.rows.append(PreviewRow(row, ACTION_ERROR, shown))
            continue
        action = ACTION_NEW if checkup_id is None else ACTION_UPDATE
        plan.preview.rows.append(PreviewRow(row, action, shown))
        plan.items.append(CheckupImportItem(row=row, data=data, checkup_id=checkup_id))
    return plan


def apply_checkup_import(
    db: Database, plan: CheckupImport, progress: Progress | None = None
) -> CheckupImportResult:
    """Write every row in one transaction; refused (nothing written) while any problem stands."""
    if plan.problems:
        raise UserError(
            f"表格中有 {len(plan.problems)} 个问题（{plan.preview.error_count} 行有错误），"
            "未导入任何数据；请修改后重新导入"
        )
    if not plan.items:
        raise UserError("表格中没有可导入的体检记录")
    if progress is not None:
        progress.report(0, 1, "正在写入体检记录…")
    created = updated = 0
    with db.write() as session:
        for item in plan.items:
            values = checkup_columns(item.data)
            if item.checkup_id is None:
                session.add(Checkup(**values))
                created += 1
                continue
            existing = session.get(Checkup, item.checkup_id)
            if existing is None:
                raise UserError(f"第{item.row}行的体检记录已被删除，请重新导入")
            for key, value in values.items():
                setattr(existing, key, value)
            updated += 1
        audit.record(
            session, "import", "checkup", plan.activity_id, None,
            {"file": plan.path.name, "day": plan.day, "created": created, "updated": updated},
        )  # fmt: skip
    return CheckupImportResult(created=created, updated=updated)
