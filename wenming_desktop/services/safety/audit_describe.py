"""How the audit log describes a change: each field by its Chinese label (the model column's
info={"label": …}, else a name known here), names for ids, codes and flags in words, ID numbers
and mobiles masked, a checkup's health values hidden. services/safety/audit_log.py lists and
exports the entries with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from wenming_desktop.domain.access import ROLE_LABELS
from wenming_desktop.domain.birth import PRECISION_LABELS
from wenming_desktop.domain.counting import hours_text
from wenming_desktop.domain.redaction import mask_text
from wenming_desktop.domain.vocabulary import SUMMARY_SECTIONS, ActivityStatus, AttachmentKind
from wenming_desktop.services.activities.requests import REQUEST_STATUS_LABELS
from wenming_desktop.services.settings import settings
from wenming_desktop.storage.queries.audit import column_labels, names_by_id

# Entities recorded under a name other than their table's.
ENTITY_TABLES = {"user": "app_user", "clinic": "activity"}

# Names of keys that are no model column (settings, imports, exports), or of a column the entity's
# own table does not have.
FIELD_LABELS = {
    "name": "名称",
    "station_name": "实践站",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "pairing_start": "结对开始",
    "pairing_end": "结对结束",
    "notes": "备注",
    "hospital_name": "医院名称",
    "office_name": "科室/部门名称",
    "phone": "电话",
    "mobile": "手机",
    "id_number": "身份证号",
    "title": "名称",
    "status": "状态",
    "department": "科室",
    "party_branch": "党支部",
    "teams": "志愿服务队",
    "departments": "参加科室",
    "services": "义诊服务项目",
    "number": "证明编号",
    "volunteer": "志愿者",
    "from": "开始日期",
    "to": "结束日期",
    "minutes": "服务时长",
    "activity_id": "活动",
    "content": "内容",
    "matched": "匹配",
    "changed": "变更",
    "export": "导出内容",
    "added": "新增",
    "created": "新增",
    "updated": "更新",
    "refused": "未导入",
    "skipped_rows": "跳过的行",
    "row": "行号",
    "staff_no": "工号",
    "new": "新值",
    "id": "编号",
    "seq": "序号",
    "resident_id": "村民",
    "volunteer_id": "志愿者",
    **dict(SUMMARY_SECTIONS),
    "username": "用户名",
    "display_name": "姓名",
    "role": "角色",
    "password": "密码",
    "sign_in_required": "需要登录",
    "checkup_date": "体检日期",
    "height_cm": "身高",
    "weight_kg": "体重",
    "waist_cm": "腰围",
    "systolic": "收缩压",
    "diastolic": "舒张压",
    "heart_rate": "心率",
    "fasting_glucose": "空腹血糖",
    "chronic_conditions": "慢性病",
    "constitution": "中医体质",
    "tcm_answers": "体质辨识问卷答案",
    "constitution_override_reason": "体质改判理由",
    "conclusion": "体检结论",
    "advice": "健康建议",
    "list": "列表",
    "scope": "范围",
    "rows": "行数",
    "year": "年度",
    "village": "结对村",
    "fields": "内容",
    "file": "文件",
    "members": "成员",
    "attendees": "参会人员",
    "decisions": "决定事项",
}
HEALTH_ENTITIES = {"checkup"}  # values never shown in the log's list or export
HIDDEN = "（已隐藏）"


def load_values(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


# Stored codes shown as the clerk knows them.
CODE_LABELS: dict[str, dict[str, str]] = {
    "status": {
        **{s.value: s.label for s in ActivityStatus},
        **REQUEST_STATUS_LABELS,
    },
    "kind": {k.value: k.label for k in AttachmentKind},
    "role": ROLE_LABELS,
    "birth_precision": PRECISION_LABELS,
}
# Keys holding lists of ids of a table.
ID_LISTS = {"departments": "department", "teams": "team"}
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$")

# (table, ids) → {id: name}: how a describer looks names up (a session's query, or nothing).
NameLookup = Callable[[str, set[int]], dict[int, str]]


def no_names(_table: str, _ids: set[int]) -> dict[int, str]:
    return {}


def _value(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_value(v) for v in value) or "（空）"
    if isinstance(value, str) and (match := _ISO_TIME.match(value)):
        return f"{match.group(1)} {match.group(2)}"
    return str(value)


class _Describer:
    """Labels and values of one entity's changes, names looked up for ids."""

    def __init__(self, entity: str, names: NameLookup) -> None:
        self.entity = entity
        self.columns = column_labels(ENTITY_TABLES.get(entity, entity))
        self.names = names

    def label(self, key: str) -> str:
        column = self.columns.get(key)
        if key in settings.LABELS:
            return settings.LABELS[key]
        if column is not None:
            return column[0]
        return FIELD_LABELS.get(key, key)

    def _name(self, table: str, value: Any) -> str:
        if not isinstance(value, int) or isinstance(value, bool):
            return _value(value)
        return self.names(table, {value}).get(value, f"编号{value}（已删除）")

    def value(self, key: str, value: Any) -> str:
        column = self.columns.get(key)
        if value is None or value == "":
            return "（空）"
        if column is not None and column[1] is not None:
            return self._name(column[1], value)
        if key in ID_LISTS and isinstance(value, list):
            return "、".join(self._name(ID_LISTS[key], v) for v in value) or "（空）"
        if key == "services" and isinstance(value, list):
            return "、".join(self._service(v) for v in value) or "（空）"
        if key in CODE_LABELS and isinstance(value, str):
            return CODE_LABELS[key].get(value, value)
        if (key == "minutes" or key.endswith("_minutes")) and isinstance(value, int):
            return f"{hours_text(value)} 小时"
        if isinstance(value, dict):
            return self._record(value)
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            return "、".join(self._record(v) if isinstance(v, dict) else _value(v) for v in value)
        return _value(value)

    def _record(self, record: dict[str, Any]) -> str:
        """A record inside a value (an imported row): its fields by their labels, in brackets."""
        fields = "，".join(f"{self.label(k)} {self.value(k, v)}" for k, v in record.items())
        return f"（{fields}）"

    def _service(self, line: Any) -> str:
        if isinstance(line, list) and len(line) in (3, 4):
            kind, people, materials = line[:3]
            text = f"{self._name('service_kind', kind)} {people}人次"
            if materials:
                text += f"（发放{materials}）"
            if len(line) == 4 and line[3] is not None:
                text = f"{self._name('department', line[3])} {text}"
            return text
        return _value(line)


def describe_changes(
    entity: str, old_values: str, new_values: str, names: NameLookup = no_names
) -> str:
    """One line: 字段：旧 → 新, by the columns' Chinese labels, names for ids, 是/否, codes as
    the clerk knows them; ID numbers and mobiles masked, health values hidden."""
    old, new = load_values(old_values), load_values(new_values)
    parts = []
    describer = _Describer(entity, names)
    value = describer.value
    for key in [*old, *(k for k in new if k not in old)]:
        label = describer.label(key)
        if entity in HEALTH_ENTITIES:
            parts.append(f"{label}{HIDDEN}")
            continue
        if key in old and key in new:
            if old[key] == new[key]:
                continue
            parts.append(f"{label}：{value(key, old[key])} → {value(key, new[key])}")
        elif key in new:
            if new[key] not in (None, ""):  # a new record: only the fields it was given
                parts.append(f"{label}：{value(key, new[key])}")
        else:
            parts.append(f"{label}：{value(key, old[key])}（删除前）")
    return mask_text("；".join(parts))


def session_names(session: Session) -> NameLookup:
    """A cached name lookup over one session (each table's ids asked once)."""
    cache: dict[tuple[str, int], str] = {}

    def lookup(table: str, ids: set[int]) -> dict[int, str]:
        missing = {i for i in ids if (table, i) not in cache}
        if missing:
            found = names_by_id(session, table, missing)
            for i in missing:
                cache[(table, i)] = found.get(i, f"编号{i}（已删除）")
        return {i: cache[(table, i)] for i in ids}

    return lookup
