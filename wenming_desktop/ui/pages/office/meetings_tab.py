"""领导小组与会议: the standing groups with their members, and the year's meetings with their
record, sign-in sheet and attachments; a line says which quarters lack a leadership meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.office import MEETING_ATTACHMENT_KINDS, QuarterState
from wenming_desktop.domain.office_records import GroupData, MeetingData
from wenming_desktop.domain.office_rows import GroupRow, MeetingRow
from wenming_desktop.services.office import groups, meetings, office_exports
from wenming_desktop.services.office.alerts import quarter_checks
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, edit_or_say
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.office.common import (
    PDF,
    AttachmentsDialog,
    button_row,
    export_file,
    export_year_ledger,
    selected_row,
    year_bar,
    year_box,
)
from wenming_desktop.ui.pages.office.group_dialog import GroupDialog
from wenming_desktop.ui.pages.office.meeting_dialog import MeetingDialog
from wenming_desktop.ui.table_model import Column, RowTableModel
from wenming_desktop.ui.widgets.empty_state import EmptyState

G = GroupRow._fields.index
M = MeetingRow._fields.index
GROUP_COLUMNS = [
    Column("小组名称", G("name"), width=200),
    Column("创建领导小组", G("is_leadership"), width=100),
    Column("成立日期", G("established_on"), width=100),
    Column("成员数", G("members"), align_right=True),
]
MEETING_COLUMNS = [
    Column("时间", M("starts_at"), width=130),
    Column("会议类型", M("kind"), width=100),
    Column("会议名称", M("title"), width=240),
    Column("所属小组", M("group"), width=120),
    Column("地点", M("place"), width=130),
    Column("主持人", M("chair"), width=70),
    Column("出席", M("present"), align_right=True, width=50),
    Column("缺席", M("absent"), align_right=True, width=50),
    Column("决定事项", M("decisions"), align_right=True, width=70),
    Column("附件", M("attachments"), align_right=True),
]


class MeetingsTab(QWidget):
    def __init__(
        self, context: PageContext, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.year = year_box(today())
        self.quarters = QLabel("")
        self.quarters.setWordWrap(True)
        groups_box = QGroupBox("常设小组与成员")
        self.add_group = QPushButton("新增小组")
        self.edit_group = QPushButton("编辑小组与成员")
        self.delete_group = QPushButton("删除小组")
        self.group_model = RowTableModel(GROUP_COLUMNS, self)
        self.group_table = make_table(self.group_model, self)
        self.group_table.setMaximumHeight(130)
        g = QVBoxLayout(groups_box)
        g.addLayout(button_row(self.add_group, self.edit_group, self.delete_group))
        g.addWidget(self.group_table)
        meetings_box = QGroupBox("会议")
        self.add_meeting = QPushButton("记录会议")
        self.add_meeting.setObjectName("add")  # Ctrl+N
        self.edit_meeting = QPushButton("编辑")
        self.delete_meeting = QPushButton("删除")
        self.attachments = QPushButton("附件（签到表扫描件、照片）…")
        self.record_pdf = QPushButton("导出会议记录")
        self.signin_pdf = QPushButton("导出会议签到表")
        self.ledger = QPushButton("导出会议台账")
        self.meeting_model = RowTableModel(MEETING_COLUMNS, self)
        self.meeting_table = make_table(self.meeting_model, self)
        self.count = QLabel("")
        m = QVBoxLayout(meetings_box)
        m.addLayout(
            button_row(
                self.add_meeting,
                self.edit_meeting,
                self.delete_meeting,
                self.attachments,
                self.record_pdf,
                self.signin_pdf,
                self.ledger,
            )
        )
        m.addWidget(self.meeting_table, 1)
        m.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(year_bar(self.year, self.quarters))
        self.empty = EmptyState(
            "还没有创建工作的常设小组和会议记录。先点“新增小组”登记创建领导小组（成员、职务）"
            "和创建工作办公室；领导小组每季度至少召开一次会议，开完会点“记录会议”"
            "记下议题、出席人员和决定事项。",
            [("新增小组…", self.add_group.click), ("记录会议…", self.add_meeting.click)],
        )
        layout.addWidget(self.empty)
        layout.addWidget(groups_box)
        layout.addWidget(meetings_box, 1)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.add_group.clicked.connect(self.new_group)
        self.edit_group.clicked.connect(self.change_group)
        self.delete_group.clicked.connect(self.remove_group)
        self.group_table.doubleClicked.connect(lambda _i: self.change_group())
        self.add_meeting.clicked.connect(self.new_meeting)
        self.edit_meeting.clicked.connect(self.change_meeting)
        self.delete_meeting.clicked.connect(self.remove_meeting)
        self.meeting_table.doubleClicked.connect(lambda _i: self.change_meeting())
        self.attachments.clicked.connect(self.open_attachments)
        self.record_pdf.clicked.connect(self.export_record)
        self.signin_pdf.clicked.connect(self.export_signin)
        self.ledger.clicked.connect(self.export_ledger)
        self.group_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.meeting_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self) -> None:
        year = self.year.value()
        self.group_model.set_rows(groups.list_groups(self.db))
        rows = meetings.list_meetings(self.db, date(year, 1, 1), date(year, 12, 31))
        self.meeting_model.set_rows(rows)
        self.count.setText(f"{year}年共 {len(rows)} 次会议")
        self.empty.setVisible(self.group_model.rowCount() == 0 and not rows)
        checks = quarter_checks(self.db, date(year, 1, 1), date(year, 12, 31), self.today())
        parts = [
            f"第{'一二三四'[q.quarter - 1]}季度{q.state.value}"
            for q in checks
            if q.state is not QuarterState.NOT_STARTED
        ]
        missing = [q for q in checks if q.state is QuarterState.MISSING]
        text = "创建领导小组会议（每季度至少一次）：" + ("，".join(parts) or "本年度尚无要求")
        self.quarters.setText(text)
        self.quarters.setObjectName("error" if missing else "hint")
        self.quarters.style().unpolish(self.quarters)
        self.quarters.style().polish(self.quarters)
        self._update_buttons()

    def selected_group(self) -> GroupRow | None:
        found: GroupRow | None = selected_row(self.group_table)
        return found

    def selected_meeting(self) -> MeetingRow | None:
        found: MeetingRow | None = selected_row(self.meeting_table)
        return found

    def _update_buttons(self) -> None:
        has_group = self.selected_group() is not None
        has_meeting = self.selected_meeting() is not None
        self.edit_group.setEnabled(has_group)
        self.delete_group.setEnabled(has_group)
        for button in (
            self.edit_meeting,
            self.delete_meeting,
            self.attachments,
            self.record_pdf,
            self.signin_pdf,
        ):
            button.setEnabled(has_meeting)

    def _volunteers(self) -> list[tuple[int, str, str]]:
        return groups.volunteer_choices(self.db)

    def new_group(self) -> None:
        dialog = GroupDialog(
            lambda data: groups.save_group(self.db, None, data), self._volunteers(), parent=self
        )
        if dialog.exec():
            self.refresh()

    def change_group(self) -> None:
        row = self.selected_group()
        if row is None:
            return

        def run(seen: Seen[GroupData]) -> int:
            def save(data: GroupData) -> None:
                groups.save_group(self.db, row.id, data, seen)

            return GroupDialog(save, self._volunteers(), seen.data, parent=self).exec()

        # reopened on the newest values after a refused save (重新载入)
        if edit_or_say(
            self, self.context.show_error, lambda: groups.open_group(self.db, row.id), run
        ):
            self.refresh()

    def remove_group(self) -> None:
        row = self.selected_group()
        if row is None or not confirm(
            self, "删除小组", f"确定删除“{row.name}”及其成员名单吗？该小组的会议记录会保留。"
        ):
            return
        groups.delete_group(self.db, row.id)
        self.refresh()

    def _meeting_dialog(
        self, save: Callable[[MeetingData], object], initial: MeetingData | None
    ) -> MeetingDialog:
        choices = [(g.id, g.name, g.is_leadership) for g in groups.list_groups(self.db)]
        return MeetingDialog(
            save,
            choices,
            lambda gid: groups.group_members(self.db, gid),
            self._volunteers(),
            initial,
            parent=self,
        )

    def new_meeting(self) -> None:
        dialog = self._meeting_dialog(lambda d: meetings.save_meeting(self.db, None, d), None)
        if dialog.exec():
            self.refresh()

    def change_meeting(self) -> None:
        row = self.selected_meeting()
        if row is None:
            return

        def run(seen: Seen[MeetingData]) -> int:
            return self._meeting_dialog(
                lambda d: meetings.save_meeting(self.db, row.id, d, seen), seen.data
            ).exec()

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self, self.context.show_error, lambda: meetings.open_meeting(self.db, row.id), run
        )
        if result is None or result:  # an error shown (perhaps deleted meanwhile) or saved
            self.refresh()

    def remove_meeting(self) -> None:
        row = self.selected_meeting()
        if row is None or not confirm(
            self, "删除会议", f"确定删除会议“{row.title}”及其附件吗？此操作不能撤销。"
        ):
            return
        meetings.delete_meeting(self.db, self.context.workspace.folder, row.id)
        self.refresh()

    def open_attachments(self) -> None:
        row = self.selected_meeting()
        if row is None:
            return
        AttachmentsDialog(
            self.context,
            "meeting",
            row.id,
            MEETING_ATTACHMENT_KINDS,
            f"会议附件：{row.title}",
            self,
        ).exec()
        self.refresh()

    def export_record(self) -> None:
        row = self.selected_meeting()
        if row is None:
            return
        ws = self.context.workspace
        export_file(
            self.context,
            self,
            "导出会议记录",
            f"会议记录_{row.starts_at:%Y-%m-%d}_{row.title}.pdf",
            PDF,
            lambda path: office_exports.export_meeting_record(ws, row.id, path),
        )

    def export_signin(self) -> None:
        row = self.selected_meeting()
        if row is None:
            return
        ws = self.context.workspace
        export_file(
            self.context,
            self,
            "导出会议签到表",
            f"会议签到表_{row.starts_at:%Y-%m-%d}_{row.title}.pdf",
            PDF,
            lambda path: office_exports.export_meeting_signin(ws, row.id, path),
        )

    def export_ledger(self) -> None:
        export_year_ledger(
            self.context,
            self,
            self.year.value(),
            self.today(),
            "导出会议台账",
            office_exports.MEETINGS_LEDGER,
            office_exports.export_meetings_ledger,
        )
