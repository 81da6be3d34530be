"""The 志愿者 page: the roster with filters and instant search, hours of a year, add / edit /
deactivate, HR import with preview, ledgers and certificates.

The whole roster (a few thousand rows) is loaded once per refresh as plain tuples; filtering and
the search box work over those tuples in memory, so each keystroke filters instantly.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QWidget,
)

from wenming_desktop.domain.counting import TARGET_HOURS, total_hours
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.domain.identity import mask_phone
from wenming_desktop.domain.search import normalize_query
from wenming_desktop.domain.vocabulary import POLITICAL_STATUSES
from wenming_desktop.services.office.commendations import volunteer_commendation_lines
from wenming_desktop.services.roster import roster, roster_lists
from wenming_desktop.services.roster.hours import YearHours, year_hours
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import RELOAD, confirm
from wenming_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog
from wenming_desktop.ui.pages.base import Page, make_table
from wenming_desktop.ui.pages.roster.roster_lines import RosterLine, line_matches, lines_of
from wenming_desktop.ui.pages.roster.volunteer_actions import VolunteerActions
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.widgets.empty_state import EmptyState
from wenming_desktop.ui.widgets.roster_summary import RosterSummary

ALL = "全部"


COLUMNS = [
    Column("工号", "staff_no", width=70),
    Column("姓名", "name", width=75),
    Column("性别", "gender", width=45, hidden=True),
    Column("科室", "department", width=80),
    Column("职称", "title", width=85, hidden=True),
    Column("政治面貌", "political_status", width=85),
    Column("党支部", "party_branch", width=95, hidden=True),
    Column("服务队", "teams", width=120, hidden=True),
    Column("手机", "phone", mask_phone, width=100),
    Column("注册", "registered", lambda v: "已注册" if v else "未注册", width=60),
    Column("志愿者编号", "registry_no", width=115, hidden=True),
    Column("状态", "active", lambda v: "在册" if v else "已停用", width=55),
    Column(
        "本年时长(小时)",
        "year_minutes",
        lambda m: f"{total_hours(m):.1f}",  # never the target when it is not met
        align_right=True,
        width=100,
    ),
    Column("本年活动", "activities", align_right=True, width=65),
    Column(f"{TARGET_HOURS}小时", "target_met", lambda v: "达标" if v else "未达标", width=60),
    Column("累计(小时)", "cumulative_minutes", format_hours, align_right=True, width=80),
    Column("星级", "stars"),
]


class VolunteersPage(Page):
    title = "志愿者"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._lines: list[RosterLine] = []
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        # Short enough to show whole in the filter row at 1280 wide; the example is the tooltip.
        hint = "姓名、工号、手机尾号、拼音首字母"
        self.search.setPlaceholderText(hint)
        self.search.setToolTip("搜索姓名、工号、手机尾号或拼音首字母（如 zsf 找张三丰）")
        self.search.setClearButtonEnabled(True)
        # the text, the frame and the clear button shown while typing
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(hint) + 48)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(" 年")
        self.department = self._filter_combo()
        self.political = self._filter_combo(POLITICAL_STATUSES)
        self.branch = self._filter_combo()
        self.team = self._filter_combo()
        self.registered = self._filter_combo(("已注册", "未注册"))
        self.state = self._filter_combo(("在册", "已停用"))
        self.state.setCurrentText("在册")
        filters.addWidget(self.search, 2)
        for label, widget in (
            ("年度", self.year), ("科室", self.department), ("政治面貌", self.political),
            ("党支部", self.branch), ("服务队", self.team), ("注册", self.registered),
            ("状态", self.state),
        ):  # fmt: skip
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        self.layout_.addLayout(filters)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("新增志愿者")
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton("编辑")
        self.remove_button = QPushButton("停用/删除")
        self.import_button = QPushButton("导入人事花名册…")
        self.registry_button = QPushButton("核对注册系统名单…")
        self.export_roster_button = QPushButton("导出花名册…")
        self.unmasked = QCheckBox("含完整身份证号和电话")
        self.export_hours_button = QPushButton("导出时长台账…")
        self.certificate_button = QPushButton("开具服务证明…")
        self.check_button = QPushButton("查验证明…")
        for control in (
            self.add_button, self.edit_button, self.remove_button, self.import_button,
            self.registry_button,
            self.export_roster_button, self.unmasked, self.export_hours_button,
            self.certificate_button, self.check_button,
        ):  # fmt: skip
            buttons.addWidget(control)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.summary = RosterSummary(None)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.empty = EmptyState(
            "还没有志愿者。点“导入人事花名册…”导入人事科提供的 Excel 名单；"
            "没有现成的名单时，先保存空白模板，填好后再导入。也可以点“新增志愿者”逐个添加。",
            [("导入人事花名册…", self.actions_import), ("保存空白模板…", self.save_template)],
        )
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(splitter, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.count = QLabel("")
        self.layout_.addWidget(self.count)
        self.roster_actions = VolunteerActions(self, self)
        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.department, self.political, self.branch, self.team,
                      self.registered, self.state):  # fmt: skip
            combo.currentIndexChanged.connect(self.apply_filter)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.import_button.clicked.connect(self.roster_actions.choose_and_import)
        self.registry_button.clicked.connect(self.roster_actions.choose_registry_file)
        self.export_roster_button.clicked.connect(self.roster_actions.choose_roster_file)
        self.export_hours_button.clicked.connect(self.roster_actions.choose_hours_file)
        self.certificate_button.clicked.connect(self.roster_actions.choose_certificate)
        self.check_button.clicked.connect(self.roster_actions.check_certificate)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @staticmethod
    def _filter_combo(items: Any = ()) -> QComboBox:
        box = QComboBox()
        box.addItem(ALL)
        box.addItems(list(items))
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    @property
    def db(self):  # the workspace's Database
        return self.context.workspace.db

    # loading and filtering

    def refresh(self) -> None:
        year, db = self.year.value(), self.db
        self.context.load(self, lambda: (year_hours(db, year), self._list_names()), self._show)

    def _list_names(self) -> dict[str, list[str]]:
        return {key: roster_lists.names(self.db, key) for key in roster_lists.KINDS}

    def _show(self, loaded: tuple[YearHours, dict[str, list[str]]]) -> None:
        data, names = loaded
        for combo, key in ((self.department, "department"), (self.branch, "party_branch"),
                           (self.team, "team")):  # fmt: skip
            self._refill(combo, names[key])
        self._lines = lines_of(data)
        self.summary.show_figures(data.hospital)
        self.apply_filter()

    @staticmethod
    def _refill(combo: QComboBox, names: list[str]) -> None:
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL)
        combo.addItems(names)
        combo.setCurrentText(current if current in names else ALL)
        combo.blockSignals(False)

    def visible_lines(self) -> list[RosterLine]:
        query = normalize_query(self.search.text())
        department, political = self.department.currentText(), self.political.currentText()
        branch, team = self.branch.currentText(), self.team.currentText()
        registered, state = self.registered.currentText(), self.state.currentText()
        out = []
        for line in self._lines:
            if department != ALL and line.department != department:
                continue
            if political != ALL and line.political_status != political:
                continue
            if branch != ALL and line.party_branch != branch:
                continue
            if team != ALL and team not in line.teams.split("、"):
                continue
            if registered != ALL and line.registered != (registered == "已注册"):
                continue
            if state != ALL and line.active != (state == "在册"):
                continue
            if query and not line_matches(query, line):
                continue
            out.append(line)
        return out

    def apply_filter(self) -> None:
        lines = self.visible_lines()
        self.model.set_rows(lines)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.count.setText(f"显示 {len(lines)} 人，共 {len(self._lines)} 人")
        self.empty.setVisible(not self._lines)
        self._update_buttons()

    # starting from nothing

    def actions_import(self) -> None:
        self.roster_actions.choose_and_import()

    def save_template(self) -> None:
        # openpyxl costs the page's first opening ~0.4 s: loaded when a template is asked for
        from wenming_desktop.services.roster.templates import (
            TEMPLATE_FILENAME,
            write_hr_template,
        )

        suggested = self.context.workspace.folder.exports / TEMPLATE_FILENAME
        name, _ = QFileDialog.getSaveFileName(
            self, "保存志愿者名单模板", str(suggested), "Excel 工作簿 (*.xlsx)"
        )
        if not name:
            return
        try:
            path = write_hr_template(Path(name))
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        self.status.setText(f"已保存空白模板：{path}。填好后点“导入人事花名册…”导入。")

    # selection and editing

    def selected(self) -> RosterLine | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _update_buttons(self) -> None:
        line = self.selected()
        for button in (self.edit_button, self.remove_button, self.certificate_button):
            button.setEnabled(line is not None)
        if line is not None:
            self.remove_button.setText("停用/删除" if line.active else "恢复在册")

    def add(self) -> None:
        dialog = VolunteerDialog(
            lambda data: roster.add_volunteer(self.db, data), self._list_names(), parent=self
        )
        if dialog.exec():
            self.refresh()

    def edit(self) -> None:
        line = self.selected()
        if line is None:
            return
        result = RELOAD
        while result == RELOAD:  # reopened on the newest values after a refused save
            try:
                seen = roster.open_volunteer(self.db, line.id)
            except UserError as exc:
                self.context.show_error(self, exc)
                self.refresh()
                return
            actor = self.db.actor
            dialog = VolunteerDialog(
                partial(roster.update_volunteer, self.db, line.id, seen=seen),
                self._list_names(),
                seen.data,
                parent=self,
                view_only=actor is not None and not actor.can_unmask,
                commendations=volunteer_commendation_lines(self.db, line.id),
            )
            result = dialog.exec()
        if result:
            self.refresh()

    def remove(self) -> None:
        line = self.selected()
        if line is None:
            return
        if not line.active:
            roster.set_active(self.db, line.id, True)
            self.status.setText(f"已恢复“{line.name}”为在册志愿者")
            self.refresh()
            return
        history = roster.has_history(self.db, line.id)
        question = (
            f"“{line.name}”已有志愿服务等记录，不能删除。是否停用？停用后历史记录保留，可随时恢复。"
            if history
            else f"确定删除志愿者“{line.name}”吗？该志愿者没有任何服务记录，删除后不能恢复。"
        )
        if not confirm(self, "停用/删除志愿者", question):
            return
        try:
            outcome = roster.remove_volunteer(self.db, line.id)
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        done = "停用" if outcome == roster.REMOVED_DEACTIVATED else "删除"
        self.status.setText(f"已{done}志愿者“{line.name}”")
        self.refresh()
