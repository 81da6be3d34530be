"""The activity guideline checks (docs/rules.md, "Activity guideline checks"): 附件1 of the
district's pairing activity plan."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

LARGE_EVENT_ATTENDANCE = 1000


class CheckResult(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return {"met": "符合", "not_met": "不符合", "not_applicable": "不适用"}[self.value]


@dataclass(frozen=True)
class ActivityFacts:
    """What the checks need to know of an activity, independent of storage."""

    expected_attendance: int | None
    place_is_public: bool
    police_approval_ref: str | None
    city_approval_ref: str | None
    has_backdrop: bool
    medicine_kit_holder: str | None
    volunteer_count: int
    unregistered_volunteers: tuple[str, ...]
    volunteers_without_time: tuple[str, ...]
    # A free clinic (an activity of a health category) that has been held, and the people it
    # served (受益群众人次, the activity's actual attendance; None when not entered).
    free_clinic_held: bool = False
    people_served: int | None = None


@dataclass(frozen=True)
class GuidelineCheck:
    code: str
    title: str
    result: CheckResult
    reason: str


def check_activity(facts: ActivityFacts) -> list[GuidelineCheck]:
    """Every guideline, each met / not met / not applicable with its reason; none skipped."""
    return [
        _police_approval(facts),
        _city_approval(facts),
        _backdrop(facts),
        _medicine_kit(facts),
        _volunteers_registered(facts),
        _volunteer_time(facts),
        _people_served(facts),
    ]


def _police_approval(f: ActivityFacts) -> GuidelineCheck:
    title = "千人以上活动报公安部门审批"
    expected = f.expected_attendance or 0
    if expected < LARGE_EVENT_ATTENDANCE:
        return GuidelineCheck(
            "police", title, CheckResult.NOT_APPLICABLE, f"预计参加人数 {expected} 人，不足1000人"
        )
    if f.police_approval_ref and f.police_approval_ref.strip():
        return GuidelineCheck(
            "police", title, CheckResult.MET, f"审批文号：{f.police_approval_ref.strip()}"
        )
    return GuidelineCheck(
        "police", title, CheckResult.NOT_MET, f"预计 {expected} 人，未填写公安审批文号"
    )


def _city_approval(f: ActivityFacts) -> GuidelineCheck:
    title = "公共场所活动报城管部门审批"
    if not f.place_is_public:
        return GuidelineCheck("city", title, CheckResult.NOT_APPLICABLE, "活动地点不是公共场所")
    if f.city_approval_ref and f.city_approval_ref.strip():
        return GuidelineCheck(
            "city", title, CheckResult.MET, f"审批文号：{f.city_approval_ref.strip()}"
        )
    return GuidelineCheck("city", title, CheckResult.NOT_MET, "公共场所活动，未填写城管审批文号")


def _backdrop(f: ActivityFacts) -> GuidelineCheck:
    title = "背景板/横幅体现主题、主办单位和时间"
    if f.has_backdrop:
        return GuidelineCheck("backdrop", title, CheckResult.MET, "已设置背景板或横幅")
    return GuidelineCheck("backdrop", title, CheckResult.NOT_MET, "未记录背景板或横幅")


def _medicine_kit(f: ActivityFacts) -> GuidelineCheck:
    title = "专人携带应急药箱"
    if f.medicine_kit_holder and f.medicine_kit_holder.strip():
        return GuidelineCheck(
            "medicine_kit", title, CheckResult.MET, f"携带人：{f.medicine_kit_holder.strip()}"
        )
    return GuidelineCheck("medicine_kit", title, CheckResult.NOT_MET, "未指定应急药箱携带人")


def _volunteers_registered(f: ActivityFacts) -> GuidelineCheck:
    title = "参加志愿者均已在志愿服务信息系统注册"
    if f.volunteer_count == 0:
        return GuidelineCheck("registered", title, CheckResult.NOT_MET, "尚未登记参加的志愿者")
    if f.unregistered_volunteers:
        names = "、".join(f.unregistered_volunteers[:5])
        more = f"等{len(f.unregistered_volunteers)}人" if len(f.unregistered_volunteers) > 5 else ""
        return GuidelineCheck("registered", title, CheckResult.NOT_MET, f"未注册：{names}{more}")
    return GuidelineCheck(
        "registered", title, CheckResult.MET, f"{f.volunteer_count} 名志愿者均已注册"
    )


def _volunteer_time(f: ActivityFacts) -> GuidelineCheck:
    title = "志愿者服务时间已记录"
    if f.volunteer_count == 0:
        return GuidelineCheck("time", title, CheckResult.NOT_MET, "尚未登记参加的志愿者")
    if f.volunteers_without_time:
        names = "、".join(f.volunteers_without_time[:5])
        more = f"等{len(f.volunteers_without_time)}人" if len(f.volunteers_without_time) > 5 else ""
        return GuidelineCheck("time", title, CheckResult.NOT_MET, f"未记录时长：{names}{more}")
    return GuidelineCheck("time", title, CheckResult.MET, "全部志愿者已记录服务时长")


def _people_served(f: ActivityFacts) -> GuidelineCheck:
    """A free clinic's beneficiaries are part of its record (受益群众人次 in the activity ledger and
    the summary's 服务人次); a finished clinic without them is incomplete."""
    title = "义诊活动登记受益群众人次"
    if not f.free_clinic_held:
        return GuidelineCheck(
            "served", title, CheckResult.NOT_APPLICABLE, "不是已开展的健康义诊类活动"
        )
    if f.people_served:
        return GuidelineCheck("served", title, CheckResult.MET, f"受益群众 {f.people_served} 人次")
    return GuidelineCheck("served", title, CheckResult.NOT_MET, "义诊已开展，未填写受益群众人次")
