"""The 活动 page in its read-only form (its issue completes it)."""

from __future__ import annotations

from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.activities import list_activities

from ..table_model import Column
from .base import ReadOnlyListPage


def _status(value: str) -> str:
    return ActivityStatus(value).label


class ActivitiesPage(ReadOnlyListPage):
    title = "活动"
    columns = (
        Column("时间", 1, width=130),
        Column("结对村", 2, width=150),
        Column("类别", 3, width=170),
        Column("活动名称", 4, width=230),
        Column("地点", 5, width=140),
        Column("状态", 6, _status, width=60),
        Column("志愿者", 7, align_right=True, width=60),
        Column("服务时长(小时)", 8, format_hours, align_right=True, width=110),
        Column("受益群众人次", 9, align_right=True),
    )

    def fetch(self) -> list:
        return list_activities(self.context.workspace.db)
