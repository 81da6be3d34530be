"""The 活动 page: a month calendar and the filtered list, the selected activity's details
(volunteers, free clinic, attachments, guideline checks, evaluation), monthly coverage and
requests.

The village, category, status and date filters query the database; the 查找 text then narrows
the loaded rows in memory at each keystroke (services.activities.SearchableActivities)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.villages import short_village_names
from wenming_desktop.domain.vocabulary import ActivityStatus
from wenming_desktop.services.activities import activities
from wenming_desktop.services.activities.activities import ActivityData, ActivityFilter, ActivityRow
from wenming_desktop.services.activities.attachments import delete_activity_and_files
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.activity_dialog import ActivityDialog
from wenming_desktop.ui.dialogs.common import confirm, edit_or_say
from wenming_desktop.ui.pages.activities.activity_calendar import (
    ActivityCalendar,
    from_qdate,
    to_qdate,
)
from wenming_desktop.ui.pages.activities.activity_checks import (
    ActivityChecksPanel,
    ActivityEvaluationPanel,
)
from wenming_desktop.ui.pages.activities.activity_coverage import CoverageView
from wenming_desktop.ui.pages.activities.activity_exports import (
    export_ledger,
    export_record,
    export_signin,
    print_signin,
)
from wenming_desktop.ui.pages.activities.activity_requests import RequestsView
from wenming_desktop.ui.pages.activities.activity_volunteers import ActivityVolunteersPanel
from wenming_desktop.ui.pages.base import Page, make_table
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.widgets.date_fields import DateEdit
from wenming_desktop.ui.widgets.empty_state import EmptyState

F = ActivityRow._fields


def _status(value: str) -> str:
    return ActivityStatus(value).label


COLUMNS = [
    Column("时间", F.index("start_at"), width=110),
    Column("结对村", F.index("village"), width=75),
    Column("类别", F.index("category"), width=100),
    Column("活动名称", F.index("title"), width=180),
    Column("地点", F.index("place"), width=120, hidden=True),
    Column("状态", F.index("status"), _status, width=50),
    Column("志愿者", F.index("volunteer_count"), align_right=True, width=50),
    Column("服务时长(小时)", F.index("total_minutes"), format_hours, align_right=True, width=90),
    Column("受益群众人次", F.index("actual_attendance"), align_right=True),
]
VILLAGE = 1  # shown by its short name (the county and town all villages share left out)


ADD_ACTIVITY = "新增活动…"
OPEN_VILLAGES = "打开结对村页"


class ActivitiesPage(Page):
    title = "活动"
    page_requested = Signal(str, str)  # page title, tab title: the empty state's 打开结对村页

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget()
        self.layout_.addWidget(self.tabs, 1)
        schedule = QWidget()
        self.tabs.addTab(schedule, "活动安排")
        self.coverage = CoverageView(context)
        self.tabs.addTab(self.coverage, "月度覆盖")
        self.requests = RequestsView(context)
        self.requests.activity_created.connect(self.open_activity)
        self.tabs.addTab(self.requests, "点单派单")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        self._loading = False
        self.loaded = activities.SearchableActivities([], {})
        self._build_schedule(schedule)

    # ----- layout -----------------------------------------------------------------------------
    def _build_schedule(self, schedule: QWidget) -> None:
        left = QVBoxLayout()
        self.calendar = ActivityCalendar()
        self.calendar.setFixedWidth(300)
        left.addWidget(self.calendar)
        self.month_button = QPushButton("显示整月")
        left.addWidget(self.month_button)
        filters = QFormLayout()
        self.village = QComboBox()
        self.category = QComboBox()
        self.status = QComboBox()
        self.status.addItem("全部", None)
        for status in ActivityStatus:
            self.status.addItem(status.label, status.value)
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        self.text = QLineEdit()
        self.text.setObjectName("search")
        self.text.setPlaceholderText("名称、地点、负责人、小结")
        self.text.setClearButtonEnabled(True)
        filters.addRow("结对村", self.village)
        filters.addRow("类别", self.category)
        filters.addRow("状态", self.status)
        filters.addRow("开始日期", self.date_from)
        filters.addRow("结束日期", self.date_to)
        filters.addRow("查找", self.text)
        left.addLayout(filters)
        left.addStretch(1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("新增活动")
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton("编辑")
        self.copy_button = QPushButton("复制到下月")
        self.delete_button = QPushButton("删除")
        self.export_button = QPushButton("导出活动台账…")
        self.record_button = QPushButton("活动记录表(PDF)…")
        self.signin_button = QPushButton("签到表(PDF)…")
        self.print_button = QPushButton("打印签到表…")
        for button in (self.add_button, self.edit_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # The sheets and ledgers on a second line: one line does not fit a 1280-pixel screen.
        outputs = QHBoxLayout()
        outputs.addStretch(1)
        outputs.addWidget(self.signin_button)
        outputs.addWidget(self.print_button)
        outputs.addWidget(self.record_button)
        outputs.addWidget(self.export_button)
        self._short_villages: dict[str, str] = {}
        columns = list(COLUMNS)
        columns[VILLAGE] = replace(
            COLUMNS[VILLAGE], text=lambda name: self._short_villages.get(name, name or "")
        )
        self.model = RowTableModel(columns, self)
        self.table = make_table(self.model, self)
        self.count = QLabel("")
        self.detail_title = QLabel("")
        self.detail_title.setObjectName("hint")
        self.details = QTabWidget()
        self.volunteers = ActivityVolunteersPanel(self.context)
        self.checks = ActivityChecksPanel(self.context)
        self.evaluation = ActivityEvaluationPanel(self.context)
        self.details.addTab(self.volunteers, "志愿者与时长")
        self._add_optional_panels()
        self.details.addTab(self.checks, "规范检查")
        self.details.addTab(self.evaluation, "评单")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addLayout(outputs)
        self.empty = EmptyState(
            "",
            [
                (ADD_ACTIVITY, self.add_button.click),
                (OPEN_VILLAGES, lambda: self.page_requested.emit("结对村", "")),
            ],
        )
        top_layout.addWidget(self.empty)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.detail_title)
        bottom_layout.addWidget(self.details, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([380, 320])
        row = QHBoxLayout(schedule)
        row.addLayout(left)
        row.addWidget(split, 1)
        self.calendar.currentPageChanged.connect(self._month_shown)
        self.calendar.clicked.connect(self._day_clicked)
        self.calendar.activated.connect(self._day_clicked)  # Enter on a day
        self.month_button.clicked.connect(self._show_whole_month)
        for combo in (self.village, self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.text.textChanged.connect(lambda _t: self._show_rows(self.selected_id()))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.copy_button.clicked.connect(self.copy_to_next_month)
        self.delete_button.clicked.connect(self.delete)
        self.export_button.clicked.connect(self.export)
        self.record_button.clicked.connect(self.export_record)
        self.signin_button.clicked.connect(self.export_signin)
        self.print_button.clicked.connect(self.print_signin)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.volunteers.changed.connect(self._details_changed)
        self._set_month(date.today().year, date.today().month)
        self._update_buttons()

    def _add_optional_panels(self) -> None:
        """Free clinic and attachment tabs (their own modules)."""
        from wenming_desktop.ui.pages.activities.activity_attachments import (
            ActivityAttachmentsPanel,
        )
        from wenming_desktop.ui.pages.activities.activity_clinic import ActivityClinicPanel

        self.clinic = ActivityClinicPanel(self.context)
        self.attachments = ActivityAttachmentsPanel(self.context)
        self.details.addTab(self.clinic, "义诊服务")
        self.details.addTab(self.attachments, "照片与附件")

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    # ----- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        categories, villages = activities.form_choices(self.db)
        self._loading = True
        for combo, items in ((self.village, villages), (self.category, categories)):
            current = combo.currentData()
            combo.clear()
            combo.addItem("全部", None)
            for item in items:
                combo.addItem(item.name, item.id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        self._loading = False
        self._show_how_to_start(bool(villages))
        self._mark_calendar()
        self.reload()
        self._refresh_tab()

    def _show_how_to_start(self, has_villages: bool) -> None:
        """A new office: say how to start (villages first, then the first activity)."""
        if not has_villages:
            self.empty.offer(
                "还没有结对村。活动按结对村记录：请先在“结对村”页点“新增结对村”登记，"
                "再回到这里点“新增活动”。",
                [OPEN_VILLAGES],
            )
        elif not activities.any_activities(self.db):
            self.empty.offer(
                "还没有活动。点“新增活动”登记一场活动（类别、结对村、时间、地点），"
                "再在下方添加参加的志愿者、义诊服务和照片；也可以在日历上选好日期后新增。",
                [ADD_ACTIVITY],
            )
        else:
            self.empty.hide()

    def _refresh_tab(self) -> None:
        if self.tabs.currentWidget() is self.coverage:
            self.coverage.refresh()
        elif self.tabs.currentWidget() is self.requests:
            self.requests.refresh()

    def current_filter(self) -> ActivityFilter:
        return ActivityFilter(
            village_id=self.village.currentData(),
            category_id=self.category.currentData(),
            status=self.status.currentData(),
            date_from=from_qdate(self.date_from.date()),
            date_to=from_qdate(self.date_to.date()),
            text=self.text.text(),
        )

    def reload(self, select_id: int | None = None) -> None:
        if self._loading:
            return
        keep = select_id if select_id is not None else self.selected_id()
        self.loaded = activities.searchable_activities(self.db, self.current_filter())
        villages = [self.village.itemText(i) for i in range(1, self.village.count())]
        self._short_villages = short_village_names(villages)
        self._show_rows(keep)

    def _show_rows(self, keep: int | None) -> None:
        """The loaded rows narrowed by the 查找 text (in memory: each keystroke, no query)."""
        rows = self.loaded.search(self.text.text())
        self.model.set_rows(rows)
        self.count.setText(f"共 {len(rows)} 场活动")
        position = next((i for i, r in enumerate(rows) if r.id == keep), None)
        if position is not None:
            self.table.selectRow(position)
        self._selection_changed()

    def _mark_calendar(self) -> None:
        self.calendar.mark(
            activities.days_with_activities(
                self.db, self.calendar.yearShown(), self.calendar.monthShown()
            )
        )

    # ----- calendar ---------------------------------------------------------------------------
    def _set_range(self, first: date, last: date) -> None:
        self._loading = True
        self.date_from.setDate(to_qdate(first))
        self.date_to.setDate(to_qdate(last))
        self._loading = False
        self.reload()

    def _set_month(self, year: int, month: int) -> None:
        first = date(year, month, 1)
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        self._set_range(first, last)

    def _month_shown(self, year: int, month: int) -> None:
        self._mark_calendar()
        self._set_month(year, month)

    def _day_clicked(self, day: QDate) -> None:
        self._set_range(from_qdate(day), from_qdate(day))

    def _show_whole_month(self) -> None:
        self._set_month(self.calendar.yearShown(), self.calendar.monthShown())

    # ----- selection and details --------------------------------------------------------------
    def selected(self) -> ActivityRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (
            self.edit_button,
            self.copy_button,
            self.delete_button,
            self.record_button,
            self.signin_button,
            self.print_button,
        ):
            button.setEnabled(has)

    def _selection_changed(self) -> None:
        self._update_buttons()
        row = self.selected()
        activity_id = row.id if row is not None else None
        if row is None:
            self.detail_title.setText("选择一场活动，查看和录入它的志愿者、义诊、照片和规范检查。")
        else:
            self.detail_title.setText(f"{row.start_at:%Y-%m-%d %H:%M}　{row.village}　{row.title}")
        self.volunteers.set_activity(activity_id, row.start_at.date() if row else None)
        self.clinic.set_activity(activity_id)
        self.attachments.set_activity(activity_id)
        self.checks.set_activity(activity_id)
        self.evaluation.set_activity(activity_id)

    def _details_changed(self) -> None:
        """Hours or people changed: update the checks and the row's figures in place."""
        row = self.selected()
        if row is None:
            return
        self.checks.set_activity(row.id)
        fresh = [
            r for r in activities.list_activities(self.db, self.current_filter()) if r.id == row.id
        ]
        if fresh:
            position = self.table.selectionModel().selectedRows()[0].row()
            self.model._rows[position] = fresh[0]  # one row's figures, no reset
            self.model.dataChanged.emit(
                self.model.index(position, 0), self.model.index(position, len(COLUMNS) - 1)
            )

    def unsaved_work(self) -> list[str]:
        clinic = getattr(self, "clinic", None)  # built with the details tabs
        return ["活动的“义诊服务”"] if clinic is not None and clinic.has_unsaved() else []

    def open_activity(self, activity_id: int, detail_tab: str = "") -> None:
        """Show one activity: its month, no other filter, the row selected, details below."""
        try:
            data = activities.get_activity(self.db, activity_id)
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.tabs.setCurrentIndex(0)
        self._loading = True
        for combo in (self.village, self.category, self.status):
            combo.setCurrentIndex(0)
        self.text.clear()
        self._loading = False
        day = data.start_at.date()
        self.calendar.setSelectedDate(to_qdate(day))  # may switch the page (marks, month range)
        self._mark_calendar()
        self._set_month(day.year, day.month)
        self.reload(select_id=activity_id)
        for i in range(self.details.count()):
            if self.details.tabText(i) == detail_tab:
                self.details.setCurrentIndex(i)

    # ----- actions ----------------------------------------------------------------------------
    def _dialog(self, initial: ActivityData, editing: bool, save) -> int:
        """The dialog's result: Accepted, Rejected or RELOAD (reopen on the newest values)."""
        categories, villages = activities.form_choices(self.db)
        if not villages:
            self.context.show_error(self, UserError("还没有结对村，请先在“结对村”页添加"))
            return 0
        return ActivityDialog(save, categories, villages, initial, editing, self).exec()

    def add(self) -> None:
        categories, villages = activities.form_choices(self.db)
        day = from_qdate(self.calendar.selectedDate())
        start = datetime.combine(day, time(9, 0))
        initial = ActivityData(
            title="",
            category_id=categories[0].id if categories else 0,
            village_id=self.village.currentData() or (villages[0].id if villages else 0),
            start_at=start,
            end_at=start + timedelta(hours=2),
            organizer=activities.default_organizer(self.db),
        )
        created: list[int] = []
        if self._dialog(
            initial, False, lambda data: created.append(activities.add_activity(self.db, data))
        ):
            self.empty.hide()
            self._mark_calendar()
            self.open_activity(created[0])

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return

        def run(seen: Seen[ActivityData]) -> int:
            return self._dialog(
                seen.data,
                True,
                lambda data: activities.update_activity(self.db, row.id, data, seen),
            )

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self, self.context.show_error, lambda: activities.open_activity(self.db, row.id), run
        )
        if result is None:
            self.reload()
            return
        if result:
            self._mark_calendar()
            self.reload(select_id=row.id)

    def copy_to_next_month(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            new_id = activities.copy_to_next_month(self.db, row.id)
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.open_activity(new_id)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(
            self,
            "删除活动",
            f"确定删除活动“{row.title}”吗？它的志愿者时长、义诊记录和附件将一并删除，"
            "此操作不能撤销。",
        ):
            return
        try:
            delete_activity_and_files(self.db, self.context.workspace.folder, row.id)
        except UserError as exc:
            self.context.show_error(self, exc)
        self._mark_calendar()
        self.reload()

    def export(self) -> None:
        """The ledger of the year shown in the calendar, for the village filtered to (or all)."""
        village_id = self.village.currentData()
        village_name = self.village.currentText() if village_id is not None else None
        export_ledger(self.context, self, self.calendar.yearShown(), village_id, village_name)

    def export_signin(self) -> None:
        row = self.selected()
        if row is not None:
            name = f"志愿者签到表_{row.start_at:%Y-%m-%d}_{row.title}.pdf"
            export_signin(self.context, self, row.id, name)

    def print_signin(self) -> None:
        row = self.selected()
        if row is not None:
            print_signin(self.context, self, row.id, row.title)

    def export_record(self) -> None:
        row = self.selected()
        if row is not None:
            name = f"活动记录表_{row.start_at:%Y-%m-%d}_{row.title}.pdf"
            export_record(self.context, self, row.id, name)
