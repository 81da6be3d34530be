"""首页: what needs the office's attention now, each item opening the record it talks about.

From the top: the basic figures, the roster's summary (its own widget: registration rate,
average hours against 48), then this month's activities, villages without an activity this
month, 已开展 activities with unmet guideline checks, sign-ins never signed out, open requests,
report deadlines due within 30 days, abnormal checkups waiting for a follow-up (health values
masked, domain.privacy; the 随访 tab can show them), quarters without a leadership-group meeting
and 整改 findings or meeting decisions overdue or due soon (创建工作), and the yearly figures.

Everything is read and shaped into row tuples on the background runner; the GUI thread only
hands the finished rows to the models (on the large data set the follow-up list alone is
~21,000 checkups; shaping them on the GUI thread blocked it for ~100 ms).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.privacy import mask_health
from wenming_desktop.domain.villages import short_village_names
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.filing.home import HomeData, load_home
from wenming_desktop.storage.queries.overview import YearFigures
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import Page, make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.widgets.roster_summary import RosterSummary

YEAR_COLUMNS = [
    Column("年度", YearFigures._fields.index("year"), width=70),
    Column("已开展活动", YearFigures._fields.index("activities_done"), align_right=True, width=90),
    Column("计划活动", YearFigures._fields.index("activities_planned"), align_right=True, width=80),
    Column("受益群众人次", YearFigures._fields.index("people_served"), align_right=True, width=100),
    Column(
        "志愿服务时长(小时)",
        YearFigures._fields.index("volunteer_minutes"),
        format_hours,
        align_right=True,
        width=130,
    ),
    Column("体检人次", YearFigures._fields.index("checkups"), align_right=True),
]


def _day(value: Any) -> str:
    return f"{value:%m-%d %H:%M}"


def _status(value: str) -> str:
    return ActivityStatus(value).label


# Rows of each section are tuples whose first field is what the item opens (an id or a name).
MONTH_COLUMNS = [
    Column("时间", 1, _day, width=90),
    Column("结对村", 2, width=120),
    Column("活动名称", 3, width=180),
    Column("状态", 4, _status),
]
UNCOVERED_COLUMNS = [Column("结对村", 1)]
UNMET_COLUMNS = [
    Column("时间", 1, _day, width=90),
    Column("活动名称", 2, width=170),
    Column("未符合的规范", 3),
]
OPEN_SIGN_IN_COLUMNS = [
    Column("活动时间", 1, _day, width=90),
    Column("活动名称", 2, width=160),
    Column("志愿者", 3, width=70),
    Column("签到", 4, lambda v: f"{v:%H:%M}"),
]
REQUEST_COLUMNS = [
    Column("登记日期", 1, width=90),
    Column("结对村", 2, width=120),
    Column("需求内容", 3),
]
FOLLOW_UP_COLUMNS = [
    Column("体检日期", 1, width=90),
    Column("结对村", 2, width=120),
    Column("姓名", 3, width=70),
    Column("血压", 4, width=70),
    Column("空腹血糖", 5),
]
DEADLINE_COLUMNS = [
    Column("报送事项", 1, width=130),
    Column("截止日期", 2, width=100),
    Column("剩余天数", 3, lambda d: "今天" if d == 0 else f"{d} 天", align_right=True),
]


def _days_text(days: int) -> str:
    if days < 0:
        return f"逾期 {-days} 天"
    return "今天到期" if days == 0 else f"剩 {days} 天"


QUARTER_COLUMNS = [
    Column("季度", 1, width=140),
    Column("情况", 2),
]
TRACKED_COLUMNS = [
    Column("来源", 1, width=70),
    Column("事项", 2, width=190),
    Column("责任", 3, width=100),
    Column("时限", 4, width=90),
    Column("剩余天数", 5, _days_text),
]


# The follow-up section opens the 随访 tab, which lists them all; home shows the newest ones.
FOLLOW_UP_ROWS = 500

Rows = list[tuple[Any, ...]]

NO_VILLAGES = "还没有结对村。请先在“结对村”页面添加结对村，再安排每月活动。"
NO_HELD_ACTIVITIES = "今年还没有已开展的活动，开展后在此列出规范检查未通过的活动。"
NO_GROUP = "尚未设立创建领导小组。请在“创建工作 → 领导小组与会议”中设立，并填写成立日期。"


@dataclass(frozen=True)
class HomeRows:
    """What each section shows, shaped on the worker thread."""

    data: HomeData
    month: Rows
    uncovered: Rows
    unmet: Rows
    open_sign_ins: Rows
    requests: Rows
    deadlines: Rows
    follow_ups: Rows
    follow_up_total: int
    quarters: Rows
    tracked: Rows


def shape_rows(data: HomeData) -> HomeRows:
    """The sections' row tuples (runs on the worker thread); villages by their short names
    (the administrative prefix they all share dropped) so the narrow columns stay readable."""
    short = short_village_names(
        sorted(
            {r.village for r in data.month_activities}
            | {name for _id, name in data.uncovered}
            | {r.village for r in data.open_requests}
            | {c.village for c in data.follow_ups}
        )
    )
    follow_ups = [
        (
            c.id,
            c.checkup_date,
            short.get(c.village, c.village),
            c.name,
            mask_health(f"{c.systolic or '—'}/{c.diastolic or '—'}"),
            mask_health("" if c.fasting_glucose is None else f"{c.fasting_glucose:g}"),
        )
        for c in data.follow_ups[:FOLLOW_UP_ROWS]
    ]
    return HomeRows(
        data=data,
        month=[
            (r.id, r.start_at, short.get(r.village, r.village), r.title, r.status)
            for r in data.month_activities
        ],
        uncovered=[(vid, short.get(name, name)) for vid, name in data.uncovered],
        unmet=[(u.activity_id, u.start_at, u.title, u.unmet) for u in data.unmet],
        open_sign_ins=[
            (o.activity_id, o.start_at, o.title, o.volunteer, o.sign_in) for o in data.open_sign_ins
        ],
        requests=[
            (r.id, r.received_on, short.get(r.village, r.village), r.content)
            for r in data.open_requests
        ],
        deadlines=[(d.name, d.name, d.due, d.days_left) for d in data.deadlines],
        follow_ups=follow_ups,
        follow_up_total=len(data.follow_ups),
        quarters=[
            (q.label, q.label, q.state.value)
            for q in (*data.office.missing, *filter(None, [data.office.pending]))
        ],
        tracked=[
            (i.source, i.source, i.what, i.responsible, i.deadline, i.days_left)
            for i in data.office.items
        ],
    )


class HomeSection(QGroupBox):
    """A titled small list; activating a row calls `open_item(row)`."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        empty_text: str,
        open_item: Callable[[tuple[Any, ...]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.base_title = title
        self.empty_text = empty_text
        self.model = RowTableModel(columns, self)
        self.table = make_table(self.model, self)
        self.table.setMinimumHeight(130)
        self.table.verticalHeader().setVisible(False)
        self.empty = QLabel("正在载入…")  # until the first rows arrive: the empty text is a fact
        self.empty.setObjectName("hint")
        self.table.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        # activated: Enter, or a double click (a single click where the desktop says so)
        self.table.activated.connect(lambda index: open_item(index.data(ROW_ROLE)))

    def set_rows(self, rows: Sequence[tuple[Any, ...]], total: int | None = None) -> None:
        """Show `rows`; `total` (when more exist than are shown) goes into the title."""
        self.model.set_rows(rows)
        if total is not None and total > len(rows):
            self.setTitle(f"{self.base_title}（{total}，显示最近 {len(rows)} 条）")
        else:
            self.setTitle(f"{self.base_title}（{len(rows)}）")
        self.empty.setText(self.empty_text)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def set_not_applicable(self, text: str) -> None:
        """Nothing to check yet (no villages, no group): the title without a count, and why."""
        self.model.set_rows([])
        self.setTitle(self.base_title)
        self.empty.setText(text)
        self.empty.setVisible(True)
        self.table.setVisible(False)


class HomePage(Page):
    title = "首页"
    activity_requested = Signal(int, str)  # activity id, detail tab to show ("" = default)
    page_requested = Signal(str, str)  # page title, tab title
    follow_up_requested = Signal(int)  # checkup id: its follow-up on 健康体检 → 随访

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        self.body_layout = QVBoxLayout(body)
        self.layout_.addWidget(scroll, 1)
        box = QGroupBox("基本情况")
        grid = QGridLayout(box)
        self.figures: dict[str, QLabel] = {}
        for i, (key, label) in enumerate(
            (
                ("villages", "结对村"),
                ("residents", "登记村民"),
                ("activities", "本年已开展活动"),
                ("checkups", "本年体检人次"),
            )
        ):
            caption = QLabel(label)
            value = QLabel("…")
            value.setObjectName("figure")
            grid.addWidget(caption, 0, i)
            grid.addWidget(value, 1, i)
            self.figures[key] = value
        self.body_layout.addWidget(box)
        self.roster = RosterSummary(context, with_departments=False)
        self.body_layout.addWidget(self.roster)
        self.month = HomeSection(
            "本月活动", MONTH_COLUMNS, "本月还没有安排活动。", self._open_activity
        )
        self.uncovered = HomeSection(
            "本月尚无活动的结对村",
            UNCOVERED_COLUMNS,
            "每个结对村本月都已安排活动。",
            lambda _row: self.page_requested.emit("活动", "月度覆盖"),
        )
        self.unmet = HomeSection(
            "已开展但规范检查未通过（今年）",
            UNMET_COLUMNS,
            "今年已开展的活动均符合规范。",
            lambda row: self.activity_requested.emit(row[0], "规范检查"),
        )
        self.open_sign_ins = HomeSection(
            "只签到未签退（未计入时长，待处理）",
            OPEN_SIGN_IN_COLUMNS,
            "没有未签退的记录。",
            lambda row: self.activity_requested.emit(row[0], "志愿者与时长"),
        )
        self.requests = HomeSection(
            "待派单的群众点单",
            REQUEST_COLUMNS,
            "没有待派单的点单。",
            lambda _row: self.page_requested.emit("活动", "点单派单"),
        )
        self.deadlines = HomeSection(
            "30天内到期的报送事项",
            DEADLINE_COLUMNS,
            "30天内没有到期的报送事项。",
            lambda _row: self.page_requested.emit("设置", "报送期限"),
        )
        self.follow_ups = HomeSection(
            "体检异常待随访",
            FOLLOW_UP_COLUMNS,
            "没有待随访的体检记录。",
            lambda row: self.follow_up_requested.emit(row[0]),
        )
        self.quarters = HomeSection(
            "创建领导小组会议（每季度至少一次）",
            QUARTER_COLUMNS,
            "每个季度都已召开创建领导小组会议。",
            lambda _row: self.page_requested.emit("创建工作", "领导小组与会议"),
        )
        self.tracked = HomeSection(
            "整改与会议决定：逾期和7天内到期",
            TRACKED_COLUMNS,
            "没有逾期或即将到期的整改事项。",
            lambda row: self.page_requested.emit(
                "创建工作", "检查与整改" if row[0] == "检查整改" else "领导小组与会议"
            ),
        )
        sections = QGridLayout()
        for i, section in enumerate(
            (
                self.month,
                self.uncovered,
                self.unmet,
                self.open_sign_ins,
                self.requests,
                self.deadlines,
                self.follow_ups,
                self.quarters,
                self.tracked,
            )
        ):
            sections.addWidget(section, i // 2, i % 2)
        self.body_layout.addLayout(sections)
        self.body_layout.addWidget(QLabel("各年度工作量"))
        self.model = RowTableModel(YEAR_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.table.setMinimumHeight(160)
        self.body_layout.addWidget(self.table)
        self.today = date.today  # replaceable in tests
        self.loaded: HomeData | None = None  # what is shown now

    def _open_activity(self, row: tuple[Any, ...]) -> None:
        self.activity_requested.emit(row[0], "")

    def refresh(self) -> None:
        today = self.today()
        db = self.context.workspace.db
        self.context.load(self, lambda: shape_rows(load_home(db, today)), self._show)

    def _show(self, rows: HomeRows) -> None:
        data = rows.data
        t = data.overview.totals
        year = next((y for y in data.overview.years if y.year == self.today().year), None)
        self.figures["villages"].setText(str(t.villages))
        self.figures["residents"].setText(str(t.residents))
        self.figures["activities"].setText(str(year.activities_done if year else 0))
        self.figures["checkups"].setText(str(year.checkups if year else 0))
        self.month.set_rows(rows.month)
        if t.villages:
            self.uncovered.set_rows(rows.uncovered)
        else:
            self.uncovered.set_not_applicable(NO_VILLAGES)
        if year and year.activities_done:
            self.unmet.set_rows(rows.unmet)
        else:
            self.unmet.set_not_applicable(NO_HELD_ACTIVITIES)
        self.open_sign_ins.set_rows(rows.open_sign_ins)
        self.requests.set_rows(rows.requests)
        self.deadlines.set_rows(rows.deadlines)
        self.follow_ups.set_rows(rows.follow_ups, rows.follow_up_total)
        if data.office.group_set_up:
            self.quarters.set_rows(rows.quarters)
        else:
            self.quarters.set_not_applicable(NO_GROUP)
        self.tracked.set_rows(rows.tracked)
        self.model.set_rows(data.overview.years)
        self.loaded = data
