"""Add or edit a standing group: name, whether it is the 创建领导小组, set-up date, duties, and
its members (from the roster or typed in) with their roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.office import GROUP_ROLES, LEADERSHIP_GROUP
from wenming_desktop.domain.office_records import GroupData, MemberData
from wenming_desktop.ui.dialogs.common import error_label, save_cancel_buttons, try_save
from wenming_desktop.ui.pages.office.editing import OptionalDay, RowsTable

NAME, ROLE, DEPARTMENT, POSITION = range(4)


class RosterPicker(QWidget):
    """A searchable list of the roster and an 添加 button: `picked(id, name, department)`."""

    def __init__(
        self,
        volunteers: Sequence[tuple[int, str, str]],
        picked: Callable[[int, str, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumWidth(200)
        for vid, name, dept in volunteers:
            self.combo.addItem(f"{name}（{dept}）" if dept else name, (vid, name, dept))
        self.combo.setCurrentIndex(-1)
        search = self.combo.lineEdit()
        if search is not None:  # the combo is editable
            search.setPlaceholderText("输入姓名查找")
        self.button = QPushButton("从花名册添加")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(lambda: self._pick(picked))

    def _pick(self, picked: Callable[[int, str, str], object]) -> None:
        data = self.combo.currentData()
        if data is not None:
            picked(*data)


class GroupDialog(QDialog):
    """`save` is called with the entered data; a UserError it raises shows in the dialog."""

    def __init__(
        self,
        save: Callable[[GroupData], object],
        volunteers: Sequence[tuple[int, str, str]],
        initial: GroupData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("编辑小组" if initial else "新增小组")
        self.resize(720, 600)
        self._save = save
        self.name = QLineEdit()
        self.name.setPlaceholderText(f"例如：{LEADERSHIP_GROUP}")
        self.leadership = QCheckBox("这是创建领导小组（其会议计入“每季度至少一次”的要求）")
        self.established = OptionalDay("已填写")
        self.duties = QPlainTextEdit()
        self.duties.setFixedHeight(70)
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow("小组名称 *", self.name)
        form.addRow("", self.leadership)
        form.addRow("成立日期", self.established)
        form.addRow("工作职责", self.duties)
        form.addRow("备注", self.notes)
        self.members = RowsTable(
            ["姓名", "小组职务", "科室", "职务"], [110, 110, 130, 120], choices={ROLE: GROUP_ROLES}
        )
        self.picker = RosterPicker(volunteers, self._add_from_roster)
        add_row = QPushButton("手工添加一行")
        remove = QPushButton("删除所选成员")
        add_row.clicked.connect(lambda: self.members.add_row(["", "成员", "", ""]))
        remove.clicked.connect(self.members.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.picker, 1)
        buttons.addWidget(add_row)
        buttons.addWidget(remove)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("小组成员（按打印顺序）"))
        layout.addLayout(buttons)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self))
        data = initial or GroupData(name="")
        self.name.setText(data.name)
        self.leadership.setChecked(data.is_leadership)
        self.established.set_value(data.established_on)
        self.duties.setPlainText(data.duties)
        self.notes.setText(data.notes)
        for m in data.members:
            self.members.add_row([m.name, m.role, m.department, m.position], m.volunteer_id)

    def _add_from_roster(self, volunteer_id: int, name: str, department: str) -> None:
        self.members.add_row([name, "成员", department, ""], volunteer_id)

    def data(self) -> GroupData:
        t = self.members
        return GroupData(
            name=self.name.text(),
            is_leadership=self.leadership.isChecked(),
            established_on=self.established.value(),
            duties=self.duties.toPlainText(),
            notes=self.notes.text(),
            members=tuple(
                MemberData(
                    name=t.text(r, NAME),
                    role=t.text(r, ROLE),
                    department=t.text(r, DEPARTMENT),
                    position=t.text(r, POSITION),
                    volunteer_id=t.key(r),
                )
                for r in t.filled_rows()
            ),
        )

    def accept(self) -> None:
        if try_save(self, self.error, lambda: self._save(self.data())):
            super().accept()
