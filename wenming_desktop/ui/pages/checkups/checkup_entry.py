"""体检录入: the keyboard-only form for typing a stack of paper checkup forms.

Pick the checkup day once; for each form find the resident (or add one inline), type the values
pressing Enter after each; Enter on the last field saves, clears the form and keeps the day and
the doctor. A resident already checked that day opens the existing record instead.

The 本次已录入 list masks the health values (domain.privacy) unless its 显示健康数值 switch is on
(recorded in the audit log); opening one record in the form shows its values, unrecorded, since
entering and correcting them is the clerk's work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import (
    ELDERLY_AGE,
    CheckupData,
)
from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.domain.privacy import mask_health_row
from wenming_desktop.domain.residents import ResidentData, age_on
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.checkups.checkup_exports import export_resident_signin
from wenming_desktop.services.checkups.constitution_guidance import (
    export_day_guidance,
    guidance_file_name,
)
from wenming_desktop.services.villages.villages import list_villages
from wenming_desktop.storage.queries.checkups import CheckupDayRow, DoctorRow
from wenming_desktop.storage.queries.residents import ResidentRow
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import offer_reload
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.checkups.checkup_common import run_export
from wenming_desktop.ui.pages.checkups.checkup_fields import EnterChain
from wenming_desktop.ui.pages.checkups.checkup_form import CheckupForm
from wenming_desktop.ui.pages.checkups.checkup_picker import ResidentPicker, describe
from wenming_desktop.ui.table_model import Column, RowTableModel
from wenming_desktop.ui.tasks import LatestOnly
from wenming_desktop.ui.widgets.empty_state import EmptyState
from wenming_desktop.ui.widgets.health_toggle import HealthToggle

if TYPE_CHECKING:  # the import (openpyxl) loads when the clerk imports, not at start-up
    from wenming_desktop.services.checkups.checkup_import import (
        CheckupImport,
        CheckupImportResult,
    )

C = CheckupRow._fields.index
SIGNIN_BLANK_ROWS = 10  # for villagers who come without being on the list
SAVED_COLUMNS = [
    Column("姓名", C("name"), width=70),
    Column("收缩压", C("systolic"), lambda v: "" if v is None else str(v), width=55),
    Column("舒张压", C("diastolic"), lambda v: "" if v is None else str(v), width=55),
    Column("血糖", C("fasting_glucose"), align_right=True, width=50),
    Column("体质", C("constitution"), width=60),
    Column("结论", C("conclusion")),
]


def day_label(day: CheckupDayRow) -> str:
    return f"{day.start_at:%Y-%m-%d}　{day.village}　{day.title}（已录 {day.checkup_count} 人）"


NO_CHECKUP_DAYS = (
    "还没有体检活动。体检按活动逐人录入：先在左侧“活动”页新增一场“健康生活”类的体检活动"
    "（选好结对村和日期），在“村民名册”登记或从Excel导入该村村民，再回到这里录入。"
)
NO_VILLAGES = (
    "还没有结对村。体检活动在结对村开展、村民按结对村登记：请先在“结对村”页点“新增结对村”，"
    "再新增体检活动、登记村民。"
)
OPEN_ACTIVITIES, OPEN_REGISTRY, OPEN_VILLAGES = "打开活动页", "打开村民名册", "打开结对村页"


class CheckupEntry(QWidget):
    """The entry tab; `refresh()` reloads the days, the doctors and the village's residents."""

    registry_wanted = Signal()  # the empty state's "打开村民名册"
    activities_wanted = Signal()  # and its "打开活动页"
    villages_wanted = Signal()  # and its "打开结对村页" (no village yet)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day: CheckupDayRow | None = None
        self.resident: ResidentRow | None = None
        self.checkup_id: int | None = None  # set when an existing record is open
        self.seen: Seen[CheckupData] | None = None  # what was loaded, to save against
        self._saved_rows: list[CheckupRow] = []
        self._wanted: tuple[int, int | None] | None = None  # set_day() before the days arrived
        self._then_resident: int | None = None  # opened once its day has loaded
        failed = lambda exc: context.show_error(self, exc)  # noqa: E731
        self._day_list = LatestOnly(context.runner, failed)
        self._day_data = LatestOnly(context.runner, failed)
        self._saved = LatestOnly(context.runner, failed)
        self._build()

    @property
    def db(self):  # the workspace's Database
        return self.context.workspace.db

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        top = QHBoxLayout()
        self.day_box = QComboBox()
        self.day_box.setMinimumWidth(460)
        top.addWidget(QLabel("体检活动"))
        top.addWidget(self.day_box, 1)
        self.day_hint = QLabel("")
        self.day_hint.setObjectName("hint")
        top.addWidget(self.day_hint)
        self.signin_button = QPushButton("打印村民签到表…")
        top.addWidget(self.signin_button)
        self.guidance_button = QPushButton("打印本次保健指导…")
        self.guidance_button.setToolTip("本次体检中已记录中医体质的村民，每人一页中医体质保健指导")
        top.addWidget(self.guidance_button)
        self.import_button = QPushButton("导入体检结果…")
        self.import_button.setToolTip(
            "从Excel导入本次体检的结果（可含中医体质问卷33题），先预览，无误后一次写入"
        )
        top.addWidget(self.import_button)

        self.picker = ResidentPicker()
        self.add_resident_button = QPushButton("新增村民（F2）")
        left = QWidget()
        left.setMinimumWidth(420)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.picker, 1)
        left_layout.addWidget(self.add_resident_button)
        self.health = HealthToggle(self.context, "本次已录入", self._health_scope)
        self.health.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the form keeps the keyboard
        saved_line = QHBoxLayout()
        saved_line.addWidget(QLabel("本次已录入（双击打开）"))
        saved_line.addStretch(1)
        saved_line.addWidget(self.health)
        left_layout.addLayout(saved_line)
        self.saved_model = RowTableModel(SAVED_COLUMNS, self)
        self.saved_table = make_table(self.saved_model, self)
        self.saved_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_layout.addWidget(self.saved_table, 1)

        self.card = QLabel("请先在左侧查找并选定村民")
        self.card.setObjectName("residentCard")
        self.card.setWordWrap(True)
        self.card.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.mode = QLabel("")
        self.mode.setObjectName("hint")

        self.form = CheckupForm()
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.save_button = QPushButton("保存（Ctrl+S）")
        self.clear_button = QPushButton("清空（Esc）")

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        # The form scrolls (a 1366×768 screen does not hold it with the questionnaire); the
        # field with the focus is kept in view, the error and the buttons stay below.
        values = QWidget()
        form = QVBoxLayout(values)
        form.addWidget(self.card)
        form.addWidget(self.mode)
        form.addWidget(self.form)
        form.addStretch(1)
        self.values_scroll = QScrollArea()
        self.values_scroll.setWidget(values)
        self.values_scroll.setWidgetResizable(True)
        self.values_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.values_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.values_scroll, 1)
        column.addWidget(self.error)
        column.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        self.empty = EmptyState(
            NO_CHECKUP_DAYS,
            [
                (OPEN_ACTIVITIES, self.activities_wanted.emit),
                (OPEN_REGISTRY, self.registry_wanted.emit),
                (OPEN_VILLAGES, self.villages_wanted.emit),
            ],
        )
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)

        self.chain = EnterChain(self.form.fields, self.save, self.show_error, self)
        for field in self.form.fields:
            field.installEventFilter(self)
        self.day_box.currentIndexChanged.connect(self._day_changed)
        self.picker.chosen.connect(self.choose)
        self.picker.add_requested.connect(self.add_resident)
        self.add_resident_button.clicked.connect(lambda: self.add_resident(""))
        self.save_button.clicked.connect(self.save)
        self.signin_button.clicked.connect(self.choose_and_print_signin)
        self.guidance_button.clicked.connect(self.choose_and_print_guidance)
        self.import_button.clicked.connect(self.choose_and_import)
        self.clear_button.clicked.connect(self.clear)
        self.saved_table.doubleClicked.connect(self._open_saved)
        self.health.changed.connect(lambda _shown: self._show_saved(self._saved_rows))
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("F2"), self, lambda: self.add_resident(""))
        QShortcut(QKeySequence("Escape"), self, self.clear)
        self._set_form_enabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A form field taking the focus is scrolled into view (the questionnaire section
        brings the sums and the current question along)."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            shown = (
                self.form.questionnaire if watched is self.form.questionnaire.answers else watched
            )
            self.values_scroll.ensureWidgetVisible(shown, 0, 10)
        return False

    # ------------------------------------------------------------ loading
    # The days, the doctors, a village's residents and the day's records are read on the worker
    # (on the large data set together 60–100 ms, more than a keystroke); the lookups of one row
    # while typing (find_checkup, get_checkup, get_resident_row) stay on the GUI thread.

    @property
    def loading(self) -> bool:
        """True until the newest load of days, day or saved records has arrived."""
        return any(loads.pending for loads in (self._day_list, self._day_data, self._saved))

    def refresh(self) -> None:
        """Reload days and doctors (on the worker), keeping the chosen day."""
        db = self.db
        self._day_list.run(
            lambda: (checkups.checkup_days(db), checkups.doctors(db), bool(list_villages(db))),
            self._listed,
        )

    def _listed(self, loaded: tuple[list[CheckupDayRow], list[DoctorRow], bool]) -> None:
        days, doctors, has_villages = loaded
        keep = self.day.id if self.day else None
        self.form.set_doctors(doctors)
        self.day_box.blockSignals(True)
        self.day_box.clear()
        for day in days:
            self.day_box.addItem(day_label(day), day.id)
        index = self.day_box.findData(keep) if keep is not None else (0 if days else -1)
        self.day_box.setCurrentIndex(index)
        self.day_box.blockSignals(False)
        if days:
            self.empty.hide()
        elif has_villages:
            self.empty.offer(NO_CHECKUP_DAYS, [OPEN_ACTIVITIES, OPEN_REGISTRY])
        else:  # an activity needs a village first
            self.empty.offer(NO_VILLAGES, [OPEN_VILLAGES])
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            self._apply_wanted(*wanted)
        elif keep is not None and self.day_box.currentData() == keep:
            self._reload_same_day()  # coming back to the tab: a half-typed form stays
        else:
            self._day_changed()

    def _reload_same_day(self) -> None:
        assert self.day is not None
        db, village_id = self.db, self.day.village_id
        self._day_data.run(lambda: residents.list_residents(db, village_id), self._residents_back)
        self._load_saved()

    def _residents_back(self, rows: list[ResidentRow]) -> None:
        search = self.picker.search.text()
        self.picker.set_rows(rows)
        self.picker.search.setText(search)

    def set_day(self, activity_id: int, resident_id: int | None = None) -> None:
        """Choose the day (and then open the resident's record) once the days are loaded."""
        if self._day_list.pending:
            self._wanted = (activity_id, resident_id)
        else:
            self._apply_wanted(activity_id, resident_id)

    def _apply_wanted(self, activity_id: int, resident_id: int | None) -> None:
        index = self.day_box.findData(activity_id)
        if index < 0:
            self.context.show_error(self, UserError("该活动不是健康类活动，不能录入体检"))
            return
        self._then_resident = resident_id
        if index == self.day_box.currentIndex() and self.day is not None:
            self._resident_wanted()
        else:
            self.day_box.setCurrentIndex(index)  # loads the day, then the resident

    def choose_and_print_signin(self) -> None:
        if self.day is None:
            return
        suggested = self.context.workspace.folder.exports / safe_filename(
            f"村民签到表_{self.day_date:%Y-%m-%d}_{self.day.title}.pdf"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "村民签到表", str(suggested), "PDF 文件 (*.pdf)"
        )
        if name:
            self.print_signin(Path(name))

    def print_signin(self, path: Path, blank_rows: int = SIGNIN_BLANK_ROWS) -> None:
        """The day's sign-in sheet: the village's residents of 60 and over, then blank rows."""
        assert self.day is not None
        activity_id = self.day.id
        run_export(
            self,
            self.context,
            "正在生成村民签到表…",
            lambda _p: export_resident_signin(self.db, activity_id, path, True, blank_rows),
            self.status,
            lambda count: f"已生成村民签到表（预填 {count} 人，空白 {blank_rows} 行）：{path}",
            opens=path,
        )

    def choose_and_print_guidance(self) -> None:
        if self.day is None:
            return
        suggested = self.context.workspace.folder.exports / guidance_file_name(
            f"{self.day_date:%Y-%m-%d}_{self.day.title}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "中医体质保健指导", str(suggested), "PDF 文件 (*.pdf)"
        )
        if name:
            self.print_guidance(Path(name))

    def print_guidance(self, path: Path) -> None:
        """The take-home guidance of everyone checked this day with a constitution, a page each."""
        assert self.day is not None
        activity_id = self.day.id
        run_export(
            self,
            self.context,
            "正在生成中医体质保健指导…",
            lambda _p: export_day_guidance(self.db, activity_id, path),
            self.status,
            lambda count: f"已生成中医体质保健指导 {count} 人（一人一页）：{path}",
        )

    def choose_and_import(self) -> None:
        if self.day is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "选择体检结果表", "", "Excel 工作簿 (*.xlsx);;所有文件 (*)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read and check in the background, show the preview, write all when nothing is wrong."""
        from wenming_desktop.services.checkups.checkup_import import read_checkups

        assert self.day is not None
        activity_id = self.day.id
        run_export(
            self,
            self.context,
            "正在读取体检结果表…",
            lambda _p: read_checkups(self.db, path, activity_id, _p),
            self.status,
            self._previewed,
        )

    def _previewed(self, plan: CheckupImport) -> str:
        from wenming_desktop.services.checkups.checkup_import import apply_checkup_import
        from wenming_desktop.ui.dialogs.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(
            f"导入体检结果 — {plan.day:%Y-%m-%d} {plan.title}", plan.preview, self
        )
        dialog.import_valid.setVisible(False)  # all or nothing
        dialog.summary.setText(dialog.summary.text().replace("，或只导入无误的行", ""))
        if not dialog.exec() or dialog.choice is None:
            return "已取消导入，未写入任何数据"
        run_export(
            self,
            self.context,
            "正在写入体检记录…",
            lambda p: apply_checkup_import(self.db, plan, p),
            self.status,
            self._imported,
        )
        return "正在写入…"

    def _imported(self, result: CheckupImportResult) -> str:
        self._load_saved()
        return f"已导入体检结果：新增 {result.created} 人，更新 {result.updated} 人"

    def _day_changed(self) -> None:
        activity_id = self.day_box.currentData()
        self.day = None
        self.picker.set_rows([])
        self.signin_button.setEnabled(False)
        self.guidance_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.clear()
        if activity_id is None:
            self._show_saved([])
            return
        db = self.db

        def read() -> tuple[CheckupDayRow, list[ResidentRow], list[CheckupRow]]:
            day = checkups.get_day(db, activity_id)
            rows = residents.list_residents(db, day.village_id)
            return day, rows, checkups.list_checkups(db, activity_id=activity_id)

        self._day_data.run(read, self._day_back)

    def _day_back(self, loaded: tuple[CheckupDayRow, list[ResidentRow], list[CheckupRow]]) -> None:
        self.day, rows, saved = loaded
        self.picker.set_rows(rows)
        self.day_hint.setText("")
        self.signin_button.setEnabled(True)
        self.guidance_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.clear()
        self._show_saved(saved)
        self._resident_wanted()

    def _resident_wanted(self) -> None:
        resident_id, self._then_resident = self._then_resident, None
        if resident_id is not None:
            self.choose(residents.get_resident_row(self.db, resident_id))

    def _health_scope(self) -> tuple[str, int]:
        day = f"{self.day.start_at:%Y-%m-%d} {self.day.village}" if self.day else ""
        return day, self.saved_model.rowCount()

    def _load_saved(self, then: Callable[[int], None] | None = None) -> None:
        """Reload the 本次已录入 list on the worker; `then(count)` after it is shown."""
        if self.day is None:
            self._show_saved([])
            return
        db, activity_id = self.db, self.day.id

        def back(rows: list[CheckupRow]) -> None:
            self._show_saved(rows)
            if then is not None:
                then(len(rows))

        self._saved.run(lambda: checkups.list_checkups(db, activity_id=activity_id), back)

    def _show_saved(self, rows: list[CheckupRow]) -> None:
        """Show the day's records, masked unless the switch is on (no database read)."""
        self._saved_rows = rows
        shown = self.health.shown
        self.saved_model.set_rows(rows if shown else [mask_health_row(r) for r in rows])
        self.health.scope_changed()
        if self.day is not None:
            self.day_box.setItemText(
                self.day_box.currentIndex(),
                day_label(self.day._replace(checkup_count=len(rows))),
            )

    @property
    def day_date(self) -> date:
        assert self.day is not None
        return self.day.start_at.date()

    # ------------------------------------------------------------ residents
    def choose(self, row: ResidentRow) -> None:
        """Take a resident; one already checked this day opens the existing record."""
        if self.day is None:
            self.show_error("请先选择体检活动")
            return
        self.resident = row
        self.form.clear_values()
        self.card.setText(describe(row, self.day_date))
        age = age_on(row.birth_date, self.day_date)
        self.form.self_care_box.setVisible(age is None or age >= ELDERLY_AGE)
        self.form.questionnaire.setVisible(age is None or age >= ELDERLY_AGE)
        self._set_form_enabled(True)
        existing = checkups.find_checkup(self.db, row.id, self.day_date)
        if existing is not None:
            self._open(existing)
        else:
            self.checkup_id = None
            self.seen = None
            self.mode.setText("新记录")
        self.show_error("")
        self.form.height_cm.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form.height_cm.selectAll()

    def add_resident(self, typed: str) -> None:
        """The inline new resident: a Chinese name or an ID number typed is carried over."""
        if self.day is None:
            self.show_error("请先选择体检活动")
            return
        name = "" if typed.isascii() else typed
        number = typed if typed.isascii() and len(typed) in (15, 18) else ""
        initial = ResidentData(self.day.village_id, name, number)
        dialog = ResidentDialog(
            lambda data: residents.add_resident(self.db, data), initial, self.day.village, self
        )
        if dialog.exec() and dialog.saved_id is not None:
            rows = residents.list_residents(self.db, self.day.village_id)
            self.picker.set_rows(rows)
            self.choose(residents.get_resident_row(self.db, dialog.saved_id))

    # ------------------------------------------------------------ values
    def _open(self, checkup_id: int) -> None:
        self.seen = checkups.open_checkup(self.db, checkup_id)
        self.checkup_id = checkup_id
        self.mode.setText("该村民本次已有体检记录，已打开；修改后保存即更新原记录")
        self.form.load(self.seen.data)

    def _open_saved(self) -> None:
        rows = self.saved_table.selectionModel().selectedRows()
        if rows:
            saved = self.saved_model.row_at(rows[0].row())
            self.choose(residents.get_resident_row(self.db, saved[C("resident_id")]))

    def save(self) -> None:
        if self.resident is None or self.day is None:
            self.show_error("请先查找并选定村民")
            self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            data = self.form.values(self.resident.id, self.day_date, self.day.id)
            saved_id = checkups.save_checkup(self.db, data, self.checkup_id, self.seen)
        except checkups.DuplicateCheckup as exc:
            self._open(exc.existing_id)
            self.show_error(exc.message)
            return
        except StaleRecord as exc:
            # Someone else saved this record meanwhile: reload it, or keep what was typed.
            self.show_error(exc.message)
            if self.checkup_id is not None and offer_reload(self, exc.message):
                self._open(self.checkup_id)
                self.show_error("已重新载入最新内容，请重新填写你的修改后保存")
            return
        except UserError as exc:
            self.show_error(exc.message)
            return
        verb = "已更新" if self.checkup_id else "已保存"
        self.checkup_id = saved_id
        name = self.resident.name
        self.clear()
        self.status.setText(f"{verb}：{name}")
        self._load_saved(
            lambda count: self.status.setText(f"{verb}：{name}。本次共录入 {count} 人")
        )

    def clear(self) -> None:
        """Empty the form for the next person; the day and the doctor stay."""
        self.resident = None
        self.checkup_id = None
        self.seen = None
        self.form.clear_values()
        self.card.setText("请先在左侧查找并选定村民" if self.day else "请先选择体检活动")
        self.mode.setText("")
        self.show_error("")
        self._set_form_enabled(False)
        self.picker.reset()

    def _set_form_enabled(self, enabled: bool) -> None:
        self.form.set_enabled(enabled)
        self.save_button.setEnabled(enabled)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
