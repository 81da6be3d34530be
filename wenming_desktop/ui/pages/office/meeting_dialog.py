"""Record or edit a meeting: kind, title, time, place, chair and recorder, the group, who attended
and who was absent (with the reason), agenda, minutes, and decisions with owner and due date."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.office import LEADERSHIP_MEETING, MEETING_KINDS
from wenming_desktop.domain.office_records import (
    AttendeeData,
    DecisionData,
    MeetingData,
    MemberData,
)
from wenming_desktop.ui.dialogs.common import error_label, save_cancel_buttons, try_save
from wenming_desktop.ui.pages.office.editing import RowsTable, parse_day
from wenming_desktop.ui.pages.office.group_dialog import RosterPicker

NAME, DEPARTMENT, PRESENT, REASON = range(4)
CONTENT, OWNER, DUE, DONE, PROGRESS = range(5)


class MeetingDialog(QDialog):
    """`save` is called with the entered data; a UserError it raises shows in the dialog."""

    def __init__(
        self,
        save: Callable[[MeetingData], object],
        groups: Sequence[tuple[int, str, bool]],
        members_of: Callable[[int], list[MemberData]],
        volunteers: Sequence[tuple[int, str, str]],
        initial: MeetingData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("编辑会议" if initial else "记录会议")
        self.resize(820, 640)
        self._save = save
        self._members_of = members_of
        self.kind = QComboBox()
        self.kind.addItems(list(MEETING_KINDS))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("例如：2026年第一季度创建领导小组会议")
        self.group = QComboBox()
        self.group.addItem("（不属于任何小组）", None)
        for gid, name, _leader in groups:
            self.group.addItem(name, gid)
        self.starts = QDateTimeEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ends = QTimeEdit()
        self.ends.setDisplayFormat("HH:mm")
        self.place = QLineEdit()
        self.chair = QLineEdit()
        self.recorder = QLineEdit()
        when = QHBoxLayout()
        when.addWidget(self.starts, 2)
        when.addWidget(self.ends, 1)
        people = QHBoxLayout()
        people.addWidget(self.chair)
        people.addWidget(self.recorder)
        self.chair.setPlaceholderText("主持人")
        self.recorder.setPlaceholderText("记录人")
        form = QFormLayout()
        form.addRow("会议类型 *", self.kind)
        form.addRow("会议名称 *", self.title_edit)
        form.addRow("所属小组", self.group)
        form.addRow("开始—结束 *", when)
        form.addRow("地点", self.place)
        form.addRow("主持人 / 记录人", people)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._attendance_tab(volunteers), "参会人员")
        self.agenda = QPlainTextEdit()
        self.minutes = QPlainTextEdit()
        record = QWidget()
        record_form = QFormLayout(record)
        self.agenda.setFixedHeight(80)
        record_form.addRow("会议议题", self.agenda)
        record_form.addRow("会议内容", self.minutes)
        self.tabs.addTab(record, "议题与内容")
        self.tabs.addTab(self._decisions_tab(), "决定事项")
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self))
        self.kind.currentTextChanged.connect(self._kind_changed)
        self._fill(initial, groups)

    def _attendance_tab(self, volunteers: Sequence[tuple[int, str, str]]) -> QWidget:
        tab = QWidget()
        self.attendees = RowsTable(
            ["姓名", "科室", "出席", "缺席原因"], [110, 140, 60, 200], checks=(PRESENT,)
        )
        self.load_members = QPushButton("载入小组成员")
        self.picker = RosterPicker(
            volunteers, lambda vid, name, dept: self.attendees.add_row([name, dept, True, ""], vid)
        )
        add_row = QPushButton("手工添加")
        remove = QPushButton("删除所选")
        add_row.clicked.connect(lambda: self.attendees.add_row(["", "", True, ""]))
        remove.clicked.connect(self.attendees.remove_selected)
        self.load_members.clicked.connect(self.fill_members)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_members)
        buttons.addWidget(self.picker, 1)
        buttons.addWidget(add_row)
        buttons.addWidget(remove)
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.attendees, 1)
        return tab

    def _decisions_tab(self) -> QWidget:
        tab = QWidget()
        self.decisions = RowsTable(
            ["决定事项", "责任人", "完成时限", "完成日期", "落实情况"], [260, 90, 95, 95, 160]
        )
        add_row = QPushButton("添加决定事项")
        remove = QPushButton("删除所选")
        add_row.clicked.connect(lambda: self.decisions.add_row(["", "", "", "", ""]))
        remove.clicked.connect(self.decisions.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add_row)
        buttons.addWidget(remove)
        hint = QLabel("日期写成 2026-03-15；填了完成日期即为已完成，逾期未完成的事项会列在首页。")
        hint.setObjectName("hint")
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.decisions, 1)
        return tab

    def _fill(self, initial: MeetingData | None, groups: Sequence[tuple[int, str, bool]]) -> None:
        now = datetime.now().replace(second=0, microsecond=0)
        leader = next((gid for gid, _n, is_leader in groups if is_leader), None)
        data = initial or MeetingData(
            kind=LEADERSHIP_MEETING,
            title="",
            starts_at=now.replace(hour=15, minute=0),
            ends_at=now.replace(hour=16, minute=30),
            group_id=leader,
        )
        self.kind.setCurrentText(data.kind)
        self.title_edit.setText(data.title)
        self.group.setCurrentIndex(max(0, self.group.findData(data.group_id)))
        s = data.starts_at
        self.starts.setDateTime(QDateTime(s.year, s.month, s.day, s.hour, s.minute, 0))
        e = data.ends_at or s
        self.ends.setTime(QTime(e.hour, e.minute))
        self.place.setText(data.place)
        self.chair.setText(data.chair)
        self.recorder.setText(data.recorder)
        self.agenda.setPlainText(data.agenda)
        self.minutes.setPlainText(data.minutes)
        for a in data.attendees:
            self.attendees.add_row(
                [a.name, a.department, a.present, a.absence_reason], a.volunteer_id
            )
        for d in data.decisions:
            self.decisions.add_row(
                [
                    d.content,
                    d.owner,
                    f"{d.due_on:%Y-%m-%d}" if d.due_on else "",
                    f"{d.done_on:%Y-%m-%d}" if d.done_on else "",
                    d.progress,
                ]
            )
        if initial is None and leader is not None:
            self.fill_members()

    def _kind_changed(self, kind: str) -> None:
        if kind == LEADERSHIP_MEETING and self.group.currentData() is None:
            for i in range(self.group.count()):
                if self.group.itemData(i) is not None:
                    self.group.setCurrentIndex(i)
                    break

    def fill_members(self) -> None:
        """Add the chosen group's members who are not listed yet, as present."""
        group_id = self.group.currentData()
        if group_id is None:
            self.error.setText("请先选择所属小组")
            return
        listed = {self.attendees.text(r, NAME) for r in range(self.attendees.rowCount())}
        for m in self._members_of(group_id):
            if m.name not in listed:
                self.attendees.add_row([m.name, m.department, True, ""], m.volunteer_id)

    def data(self) -> MeetingData:
        q = self.starts.dateTime()
        starts = datetime(
            q.date().year(), q.date().month(), q.date().day(), q.time().hour(), q.time().minute()
        )
        end_time = self.ends.time()
        ends = datetime.combine(starts.date(), time(end_time.hour(), end_time.minute()))
        a, d = self.attendees, self.decisions
        decisions = []
        for number, r in enumerate(d.filled_rows(), start=1):
            where = f"第 {number} 项决定事项的"
            decisions.append(
                DecisionData(
                    content=d.text(r, CONTENT),
                    owner=d.text(r, OWNER),
                    due_on=parse_day(d.text(r, DUE), f"{where}完成时限"),
                    done_on=parse_day(d.text(r, DONE), f"{where}完成日期"),
                    progress=d.text(r, PROGRESS),
                )
            )
        return MeetingData(
            kind=self.kind.currentText(),
            title=self.title_edit.text(),
            starts_at=starts,
            ends_at=ends if ends != starts else None,
            place=self.place.text(),
            chair=self.chair.text(),
            recorder=self.recorder.text(),
            group_id=self.group.currentData(),
            agenda=self.agenda.toPlainText(),
            minutes=self.minutes.toPlainText(),
            attendees=tuple(
                AttendeeData(
                    name=a.text(r, NAME),
                    department=a.text(r, DEPARTMENT),
                    present=a.checked(r, PRESENT),
                    absence_reason=a.text(r, REASON),
                    volunteer_id=a.key(r),
                )
                for r in a.filled_rows()
            ),
            decisions=tuple(decisions),
        )

    def accept(self) -> None:
        if try_save(self, self.error, lambda: self._save(self.data())):
            super().accept()
