"""The 志愿者, 活动 and 健康体检 pages in their read-only form (their issues complete them)."""

from __future__ import annotations

from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.activities import list_activities
from wenming_desktop.services.checkups import list_checkups
from wenming_desktop.services.roster import list_volunteers

from ..table_model import Column
from .base import ReadOnlyListPage


def _status(value: str) -> str:
    return ActivityStatus(value).label


def _registered(value: bool) -> str:
    return "已注册" if value else "未注册"


def _active(value: bool) -> str:
    return "在册" if value else "已停用"


class VolunteersPage(ReadOnlyListPage):
    title = "志愿者"
    columns = (
        Column("工号", 1, width=70),
        Column("姓名", 2, width=80),
        Column("性别", 4, width=50),
        Column("科室", 5, width=80),
        Column("职称", 6, width=90),
        Column("政治面貌", 7, width=90),
        Column("党支部", 8, width=100),
        Column("联系电话", 9, mask_phone, width=110),
        Column("注册状态", 10, _registered, width=80),
        Column("志愿者编号", 11, width=120),
        Column("状态", 12, _active, width=60),
        Column("累计时长(小时)", 13, format_hours, align_right=True),
    )

    def fetch(self) -> list:
        return list_volunteers(self.context.workspace.db)


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
