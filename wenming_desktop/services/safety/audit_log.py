"""The audit log for people: Chinese labels, readable changes with sensitive values masked,
the filtered list of 设置 → 操作日志, and its print-ready export for a period.

Recording entries is storage/audit.record (inside each use case's transaction); this module only
reads. ID numbers and mobiles in old/new values are masked, and a checkup's health values are
not shown at all, as in every other list and export (DESIGN §3).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from wenming_desktop.domain.periods import Period
from wenming_desktop.domain.redaction import mask_text
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
from wenming_desktop.services.settings import settings
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.audit import AuditFilter, AuditRow, audit_kinds, audit_rows

ENTITY_LABELS = {
    "village": "结对村",
    "department": "科室",
    "party_branch": "党支部",
    "team": "志愿服务队",
    "volunteer": "志愿者",
    "category": "活动类别",
    "service_request": "服务需求",
    "activity": "活动",
    "participation": "志愿服务记录",
    "service_kind": "义诊服务项目类别",
    "clinic_service": "义诊服务项目",
    "resident": "村民",
    "checkup": "体检记录",
    "attachment": "附件",
    "deadline": "报送期限",
    "period_text": "总结文字",
    "certificate": "志愿服务证明",
    "setting": "设置",
    "user": "用户",
    "database": "数据库",
    "health_values": "健康数值",
    "checkup_ledger": "健康体检台账",
}
ACTION_LABELS = {
    "create": "新增",
    "update": "修改",
    "delete": "删除",
    "unmask": "显示完整信息",
    "import": "导入",
    "export": "导出",
    "restore": "恢复备份",
    "login": "登录",
    "lock": "锁定",
}
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
    "title": "标题",
    "status": "状态",
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
    "conclusion": "体检结论",
    "advice": "健康建议",
    "list": "列表",
    "scope": "范围",
    "rows": "行数",
    "year": "年度",
    "village": "结对村",
    "fields": "内容",
    "file": "文件",
}
HEALTH_ENTITIES = {"checkup"}  # values never shown in the log's list or export
HIDDEN = "（已隐藏）"
VIEW_LIMIT = 5000


class AuditView(NamedTuple):
    seq: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    changes: str


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def _value(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    return str(value)


def describe_changes(entity: str, old_values: str, new_values: str) -> str:
    """One line: 字段：旧 → 新; ID numbers and mobiles masked, health values hidden."""
    old, new = _load(old_values), _load(new_values)
    parts = []
    for key in [*old, *(k for k in new if k not in old)]:
        label = settings.LABELS.get(key) or FIELD_LABELS.get(key, key)
        if entity in HEALTH_ENTITIES:
            parts.append(f"{label}{HIDDEN}")
            continue
        if key in old and key in new:
            if old[key] == new[key]:
                continue
            parts.append(f"{label}：{_value(old[key])} → {_value(new[key])}")
        elif key in new:
            if new[key] not in (None, ""):  # a new record: only the fields it was given
                parts.append(f"{label}：{_value(new[key])}")
        else:
            parts.append(f"{label}：{_value(old[key])}（删除前）")
    return mask_text("；".join(parts))


def view(row: AuditRow) -> AuditView:
    return AuditView(
        seq=row.seq,
        at=row.at,
        user=row.user or "—",
        action=ACTION_LABELS.get(row.action, row.action),
        entity=ENTITY_LABELS.get(row.entity, row.entity),
        entity_id=row.entity_id,
        changes=describe_changes(row.entity, row.old_values, row.new_values),
    )


def list_entries(db: Database, where: AuditFilter, limit: int = VIEW_LIMIT) -> list[AuditView]:
    """The newest `limit` entries matching `where`, newest (highest sequence number) first."""
    with db.read() as session:
        return [view(r) for r in audit_rows(session, where, newest_first=True, limit=limit)]


def kinds(db: Database) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(code, label) of the entities and actions present, for the filter lists."""
    with db.read() as session:
        entities, actions = audit_kinds(session)
    return (
        [(e, ENTITY_LABELS.get(e, e)) for e in entities],
        [(a, ACTION_LABELS.get(a, a)) for a in actions],
    )


COLUMNS = [
    LedgerColumn("序号", 8),
    LedgerColumn("时间", 18, "yyyy-mm-dd hh:mm:ss"),
    LedgerColumn("操作人", 10),
    LedgerColumn("操作", 10),
    LedgerColumn("对象", 14),
    LedgerColumn("编号", 8),
    LedgerColumn("变更内容", 56),
]


def export_audit(
    db: Database, path: Path, date_from: date, date_to: date, period_label: str
) -> int:
    """The log of a date range as a print-ready ledger, oldest first; returns the row count."""
    where = AuditFilter(date_from=date_from, date_to=date_to)
    hospital = settings.get_setting(db, "hospital_name")
    span = f"{date_from:%Y-%m-%d} 至 {date_to:%Y-%m-%d}"
    subtitle = "　".join(part for part in (hospital, period_label, span) if part)
    with db.read() as session, Ledger(path) as book:
        sheet = book.sheet("操作日志", "操作日志", subtitle, COLUMNS)
        for row in audit_rows(session, where, newest_first=False):
            v = view(row)
            sheet.append([v.seq, v.at, v.user, v.action, v.entity, v.entity_id, v.changes])
        return sheet.rows


def export_audit_period(db: Database, path: Path, period: Period) -> int:
    return export_audit(db, path, period.start, period.end, period.label)
