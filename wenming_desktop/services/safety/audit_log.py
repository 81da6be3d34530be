"""The audit log for people: Chinese labels, readable changes with sensitive values masked,
the filtered list of 设置 → 操作日志, and its print-ready export for a period.

Recording entries is storage/audit.record (inside each use case's transaction); this module only
reads. ID numbers and mobiles in old/new values are masked, and a checkup's health values are
not shown at all, as in every other list and export (docs/rules.md,
"Personal information").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from wenming_desktop.domain.periods import Period
from wenming_desktop.exports.excel.ledger import Ledger, LedgerColumn
from wenming_desktop.services.safety.audit_describe import (
    NameLookup,
    describe_changes,
    load_values,
    no_names,
    session_names,
)
from wenming_desktop.services.settings import settings
from wenming_desktop.storage.database import Database
from wenming_desktop.storage.queries.audit import (
    AuditFilter,
    AuditRow,
    audit_kinds,
    audit_rows,
)

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
    "constitution_guidance": "中医体质保健指导",
    "attachment": "附件",
    "deadline": "报送期限",
    "period_text": "总结文字",
    "certificate": "志愿服务证明",
    "setting": "设置",
    "user": "用户",
    "database": "数据库",
    "health_values": "健康数值",
    "checkup_ledger": "健康体检台账",
    "clinic": "义诊情况",
    "office_group": "创建工作小组",
    "meeting": "会议",
    "inspection": "检查",
    "finding": "整改事项",
    "commendation": "评选表彰",
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
VIEW_LIMIT = 5000


class AuditView(NamedTuple):
    seq: int
    at: datetime
    user: str
    host: str
    action: str
    entity: str
    entity_id: int | str | None  # a certificate shows its number
    changes: str


def _reference(row: AuditRow) -> int | str | None:
    """What the 编号 column shows: a certificate's number, else the record's id."""
    if row.entity == "certificate":
        new, old = load_values(row.new_values), load_values(row.old_values)
        number = new.get("number") or old.get("number")
        if number:
            return str(number)
    return row.entity_id


def view(row: AuditRow, names: NameLookup = no_names) -> AuditView:
    return AuditView(
        seq=row.seq,
        at=row.at,
        user=row.user or "—",
        host=row.host or "—",
        action=ACTION_LABELS.get(row.action, row.action),
        entity=ENTITY_LABELS.get(row.entity, row.entity),
        entity_id=_reference(row),
        changes=describe_changes(row.entity, row.old_values, row.new_values, names),
    )


def _shown_text(v: AuditView) -> str:
    return " ".join((v.user, v.action, v.entity, v.changes))


def list_entries(db: Database, where: AuditFilter, limit: int = VIEW_LIMIT) -> list[AuditView]:
    """The newest `limit` entries matching `where`, newest (highest sequence number) first.

    The search text is matched against what the list shows (masked), never against the stored
    values: searching for digits must not confirm a full ID number or mobile the user cannot see.
    """
    text = where.text.strip()
    with db.read() as session:
        names = session_names(session)
        if not text:
            return [
                view(r, names) for r in audit_rows(session, where, newest_first=True, limit=limit)
            ]
        found: list[AuditView] = []
        for row in audit_rows(session, replace(where, text=""), newest_first=True):
            shown = view(row, names)
            if text in _shown_text(shown):
                found.append(shown)
                if len(found) >= limit:
                    break
        return found


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
    LedgerColumn("电脑", 14),
    LedgerColumn("操作", 10),
    LedgerColumn("对象", 14),
    LedgerColumn("编号", 16),
    LedgerColumn("变更内容", 48),
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
        names = session_names(session)
        for row in audit_rows(session, where, newest_first=False):
            v = view(row, names)
            sheet.append([v.seq, v.at, v.user, v.host, v.action, v.entity, v.entity_id, v.changes])
        return sheet.rows


def export_audit_period(db: Database, path: Path, period: Period) -> int:
    return export_audit(db, path, period.start, period.end, period.label)
