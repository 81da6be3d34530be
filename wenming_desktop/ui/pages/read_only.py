"""The 活动 and 健康体检 pages in their read-only form (their issues complete them)."""

from __future__ import annotations

from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.identity import mask_id
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.activities import list_activities
from wenming_desktop.services.checkups import list_checkups

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


class CheckupsPage(ReadOnlyListPage):
    title = "健康体检"
    columns = (
        Column("体检日期", 1, width=90),
        Column("结对村", 2, width=150),
        Column("姓名", 3, width=70),
        Column("性别", 4, width=45),
        Column("身份证号", 6, mask_id, width=160),
        Column("收缩压", 7, align_right=True, width=60),
        Column("舒张压", 8, align_right=True, width=60),
        Column("空腹血糖", 9, align_right=True, width=70),
        Column("身高", 10, align_right=True, width=55),
        Column("体重", 11, align_right=True, width=55),
        Column("中医体质", 12, width=70),
        Column("结论", 13),
    )

    def fetch(self) -> list:
        return list_checkups(self.context.workspace.db)
