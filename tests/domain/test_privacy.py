"""The health-value masking rule (domain.privacy) and its audit entry as the log shows it."""

from __future__ import annotations

from datetime import date

from tests.checkup_support import make_world
from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.privacy import (
    HEALTH_FIELDS,
    MASK,
    health_value,
    mask_health,
    mask_health_row,
)
from wenming_desktop.services.checkups.privacy import record_health_shown
from wenming_desktop.services.safety.audit_log import list_entries
from wenming_desktop.storage.models import Checkup
from wenming_desktop.storage.queries.audit import AuditFilter


def test_mask_keeps_empty_values_empty() -> None:
    assert mask_health(150) == MASK == "***"
    assert mask_health(0) == MASK and mask_health("高血压") == MASK
    assert mask_health(None) is None and mask_health("") == ""
    assert health_value(6.4, shown=True) == 6.4 and health_value(6.4, shown=False) == MASK


def test_every_checkup_value_is_a_health_field_and_who_and_when_are_not() -> None:
    measured = {c.name for c in Checkup.__table__.columns} - {
        "id", "resident_id", "activity_id", "checkup_date", "doctor_id", "followed_up_on",
        "followed_up_by", "version",
    }  # fmt: skip
    assert measured == HEALTH_FIELDS
    row = CheckupRow(*(None,) * len(CheckupRow._fields))._replace(
        name="张三", checkup_date=date(2026, 5, 1), systolic=150, conclusion="", doctor="李医生"
    )
    masked = mask_health_row(row)
    assert (masked.name, masked.checkup_date, masked.doctor) == ("张三", date(2026, 5, 1), "李医生")
    assert (masked.systolic, masked.conclusion, masked.fasting_glucose) == (MASK, "", None)


def test_unmask_entry_reads_well_in_the_log(workspace) -> None:
    make_world(workspace.db)
    record_health_shown(workspace.db, "体检记录", "东兴村 2026年", 12)
    entry = list_entries(workspace.db, AuditFilter())[0]
    assert (entry.action, entry.entity) == ("显示完整信息", "健康数值")
    assert entry.changes == "列表：体检记录；范围：东兴村 2026年；行数：12"
