"""Fixed vocabularies of the office's work (docs/rules.md) and the seeds of the editable lists."""

from __future__ import annotations

from enum import StrEnum


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {"planned": "计划", "done": "已开展", "cancelled": "已取消"}[self.value]


# The eight content areas of the pairing plan, then those other plans add (docs/rules.md,
# "Content areas").
PAIRING_CATEGORIES: tuple[str, ...] = (
    "教育培训",
    "文化供给",
    "政策支持(医疗帮扶)",
    "健康生活(健康义诊/健康体检)",
    "移风易俗",
    "家庭教育",
    "安全防护",
    "关心关爱",
)
OTHER_CATEGORIES: tuple[str, ...] = (
    "理论宣讲",
    "法律援助",
    "科学普及",
    "智慧助老",
    "文明乡风",
    "创文巩卫",
)
# Categories whose activities carry free-clinic details (departments and services).
HEALTH_CATEGORIES: frozenset[str] = frozenset({"健康生活(健康义诊/健康体检)", "政策支持(医疗帮扶)"})

CLINIC_SERVICES: tuple[str, ...] = (
    "体格检查",
    "血压测量",
    "血糖测量",
    "常见病诊治",
    "健康宣教",
    "中医适宜技术",
    "发放药品/资料",
)

POLITICAL_STATUSES: tuple[str, ...] = (
    "中共党员",
    "中共预备党员",
    "共青团员",
    "民主党派",
    "群众",
)


class FocusGroup(StrEnum):
    """Focus groups among villagers; each is a flag on a resident."""

    LEFT_BEHIND_ELDERLY = "left_behind_elderly"
    LIVING_ALONE = "living_alone"
    LEFT_BEHIND_CHILD = "left_behind_child"
    DISABLED = "disabled"
    NEEDY = "needy"

    @property
    def label(self) -> str:
        return FOCUS_GROUP_LABELS[self]


FOCUS_GROUP_LABELS: dict[FocusGroup, str] = {
    FocusGroup.LEFT_BEHIND_ELDERLY: "留守老人",
    FocusGroup.LIVING_ALONE: "孤寡/独居老人",
    FocusGroup.LEFT_BEHIND_CHILD: "留守儿童",
    FocusGroup.DISABLED: "残疾人",
    FocusGroup.NEEDY: "困难群众",
}

TCM_CONSTITUTIONS: tuple[str, ...] = (
    "平和质",
    "气虚质",
    "阳虚质",
    "阴虚质",
    "痰湿质",
    "湿热质",
    "血瘀质",
    "气郁质",
    "特禀质",
)

CHRONIC_CONDITIONS: tuple[str, ...] = ("高血压", "糖尿病", "冠心病", "脑卒中", "慢阻肺")


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    SIGNIN_SCAN = "signin_scan"
    APPROVAL = "approval"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "photo": "活动照片",
            "signin_scan": "签到表扫描件",
            "approval": "审批文件",
            "other": "其他",
        }[self.value]


# Report deadlines (month-day; docs/rules.md, "Report deadlines"); editable in 设置.
DEFAULT_DEADLINES: tuple[tuple[str, str], ...] = (
    ("工作小结", "10-20"),
    ("全年工作总结", "02-20"),
)

# The clerk's own sections of a summary, in the order a 工作总结 uses them (policy document 004).
SUMMARY_SECTIONS: tuple[tuple[str, str], ...] = (
    ("achievements", "工作成效"),
    ("problems", "存在问题"),
    ("next_steps", "下一步打算"),
)
