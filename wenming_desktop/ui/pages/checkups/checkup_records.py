"""体检记录: the checkups of a village and year, each resident's history side by side with a
trend chart, the ledger export, and opening a record in the entry form to change it.

Health values are masked in the list, the history and the chart (domain.privacy) until the
显示健康数值 switch is turned on, which is recorded in the audit log.

The checkups of the chosen village and year (all villages: ~48,000 a year on the large data
set) load on the runner together with a search index over their residents; each keystroke in
the search box then matches residents in memory (services.checkups.SearchableCheckups).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
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
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.checkup_row import CheckupRow
from wenming_desktop.domain.checkups import findings, self_care_summary
from wenming_desktop.domain.constitution import judge_text
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id
from wenming_desktop.domain.privacy import MASKED_NOTE, health_text, mask_health_row
from wenming_desktop.domain.search import PeopleIndex
from wenming_desktop.domain.thresholds import bmi
from wenming_desktop.services.checkups import checkups
from wenming_desktop.services.checkups.checkups import SearchableCheckups
from wenming_desktop.services.checkups.constitution_guidance import (
    export_checkup_guidance,
    guidance_file_name,
)
from wenming_desktop.services.filing.ledgers import LedgerRequest, ledger, year_period
from wenming_desktop.services.progress import Progress
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.checkups.checkup_chart import Panel, Series, TrendChart
from wenming_desktop.ui.pages.checkups.checkup_common import fill_villages, run_export
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.tasks import LatestOnly
from wenming_desktop.ui.widgets.empty_state import EmptyState
from wenming_desktop.ui.widgets.health_toggle import HealthToggle

C = CheckupRow._fields.index


def _pressure(row: CheckupRow) -> str:
    if row.systolic is None or row.diastolic is None:
        return ""
    return f"{row.systolic}/{row.diastolic}"


def _bmi(row: CheckupRow) -> float | None:
    return bmi(row.height_cm, row.weight_kg) if row.height_cm and row.weight_kg else None


def _self_care(row: CheckupRow) -> str:
    scores = {
        "eating": row.self_care_eating,
        "grooming": row.self_care_grooming,
        "dressing": row.self_care_dressing,
        "toilet": row.self_care_toilet,
        "moving": row.self_care_moving,
    }
    summary = self_care_summary(scores)
    return f"{summary[0]}分 {summary[1]}" if summary else ""


def _judgement(row: CheckupRow) -> str:
    """The questionnaire's judgement in words, and whether the doctor recorded another."""
    judgement = judge_text(row.tcm_answers)
    if judgement is None:
        return ""
    overridden = "（医生改判）" if row.constitution_override_reason else ""
    return judgement.summary + overridden


def _findings(row: CheckupRow) -> str:
    return "；".join(
        findings(row.systolic, row.diastolic, row.fasting_glucose, row.height_cm, row.weight_kg)
    )


# The list shows whole rows; the pressure and findings columns read several fields.
RECORD_COLUMNS = [
    Column("体检日期", C("checkup_date"), width=90),
    Column("结对村", C("village"), width=150),
    Column("姓名", C("name"), width=70),
    Column("性别", C("gender"), width=40),
    Column("身份证号", C("id_number"), mask_id, width=150),
    Column("收缩压", C("systolic"), align_right=True, width=55),
    Column("舒张压", C("diastolic"), align_right=True, width=55),
    Column("空腹血糖", C("fasting_glucose"), align_right=True, width=65),
    Column("体重", C("weight_kg"), align_right=True, width=50),
    Column("中医体质", C("constitution"), width=65),
    Column("体检结论", C("conclusion"), width=160),
    Column("随访日期", C("followed_up_on")),
]

# Rows of the side-by-side history: (label, how to read a checkup row).
HISTORY_ITEMS: list[tuple[str, Any]] = [
    ("身高(cm)", lambda r: r.height_cm),
    ("体重(kg)", lambda r: r.weight_kg),
    ("BMI", _bmi),
    ("腰围(cm)", lambda r: r.waist_cm),
    ("血压(mmHg)", _pressure),
    ("心率", lambda r: r.heart_rate),
    ("空腹血糖", lambda r: r.fasting_glucose),
    ("慢性病", lambda r: r.chronic_conditions),
    ("中医体质", lambda r: r.constitution),
    ("体质问卷", _judgement),
    ("自理能力", _self_care),
    ("异常提示", _findings),
    ("体检结论", lambda r: r.conclusion),
    (
        "随访",
        lambda r: f"{r.followed_up_on:%Y-%m-%d} {r.followed_up_by}" if r.followed_up_on else "",
    ),
]


# History items that are not health values (the follow-up's date and who).
HISTORY_NOT_HEALTH = {"随访"}


class HistoryModel(RowTableModel):
    """Measures down, checkup dates across: the history side by side."""

    def set_history(self, rows: list[CheckupRow], shown: bool = True) -> None:
        self.beginResetModel()
        self.columns = [Column("项目", 0, width=90)] + [
            Column(f"{r.checkup_date:%Y-%m-%d}", i + 1, width=120) for i, r in enumerate(rows)
        ]
        items = HISTORY_ITEMS if rows else []
        self._rows = [
            (
                label,
                *(
                    read(r) if shown or label in HISTORY_NOT_HEALTH else health_text(read(r))
                    for r in rows
                ),
            )
            for label, read in items
        ]
        self.endResetModel()


def trend_panels(rows: list[CheckupRow]) -> list[Panel]:
    return [
        Panel(
            "血压",
            [
                Series("收缩压", "#c62828", [r.systolic for r in rows]),
                Series("舒张压", "#1565c0", [r.diastolic for r in rows]),
            ],
            (140, 90),
        ),
        Panel(
            "空腹血糖", [Series("血糖", "#6a1b9a", [r.fasting_glucose for r in rows])], (6.1, 7.0)
        ),
        Panel("体重", [Series("体重", "#2e7d32", [r.weight_kg for r in rows])]),
    ]


class CheckupRecords(QWidget):
    """`open_requested(activity_id, resident_id)` asks the page to open a record for editing."""

    open_requested = Signal(object, int)
    entry_wanted = Signal()  # the empty state's button: the 体检录入 tab

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loaded_rows = SearchableCheckups([], PeopleIndex([]))  # as read
        self._masked: list[CheckupRow] = []  # the same rows, health values masked
        self.loads = LatestOnly(context.runner, lambda exc: context.show_error(self, exc))
        self.village = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(" 年")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        hint = "姓名、拼音首字母或身份证号后几位"
        self.search.setPlaceholderText(hint)
        # the whole hint and the frame: the filter row gives the box no more than it asks for
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(hint) + 24)
        self.health = HealthToggle(context, "体检记录", self._health_scope)
        self.unmasked = QCheckBox("导出完整身份证号、电话和健康数值（记入操作日志）")
        self.export_button = QPushButton("导出体检台账…")
        self.open_button = QPushButton("在录入页打开修改")
        self.delete_button = QPushButton("删除记录")
        self.guidance_button = QPushButton("打印保健指导…")
        filters = QHBoxLayout()
        for widget in (QLabel("结对村"), self.village, self.year, self.search):
            filters.addWidget(widget)
        filters.addWidget(self.health)
        filters.addStretch(1)
        filters.addWidget(self.unmasked)
        filters.addWidget(self.export_button)
        self.model = RowTableModel(RECORD_COLUMNS, self)
        self.table = make_table(self.model, self)
        self.count = QLabel("")
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.history_title = QLabel("历年体检对比")
        self.history_title.setStyleSheet("font-weight: bold;")
        self.history = HistoryModel([Column("项目", 0, width=90)], self)
        self.history_table = make_table(self.history, self)
        self.history_table.setSortingEnabled(False)
        self.chart = TrendChart()
        lower = QSplitter()
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_table)
        lower.addWidget(history_box)
        lower.addWidget(self.chart)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = EmptyState(
            "",
            [("去体检录入", self.entry_wanted.emit)],
        )
        upper_layout.addWidget(self.empty)
        upper_layout.addWidget(self.table)
        line = QHBoxLayout()
        line.addWidget(self.count)
        line.addWidget(self.status, 1)
        line.addWidget(self.guidance_button)
        line.addWidget(self.open_button)
        line.addWidget(self.delete_button)
        upper_layout.addLayout(line)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.village.currentIndexChanged.connect(lambda _i: self.load())
        self.year.valueChanged.connect(lambda _v: self.load())
        self.search.textChanged.connect(lambda _t: self._filter())
        self.table.selectionModel().selectionChanged.connect(self._show_history)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.open_button.clicked.connect(self._open)
        self.delete_button.clicked.connect(self.delete)
        self.guidance_button.clicked.connect(self.choose_and_print_guidance)
        self.export_button.clicked.connect(self.choose_and_export)
        self.health.changed.connect(lambda _shown: self._apply_masking())

    @property
    def db(self):  # the workspace's Database
        return self.context.workspace.db

    def refresh(self) -> None:
        fill_villages(self.village, self.context, "全部结对村")
        self.load()

    def load(self) -> None:
        village_id, year, db = self.village.currentData(), self.year.value(), self.db

        def work() -> tuple[SearchableCheckups, list[CheckupRow]]:  # on the runner
            loaded = checkups.searchable_checkups(db, village_id, year)
            return loaded, [mask_health_row(r) for r in loaded.rows]

        self.loads.run(work, self._loaded)

    def _loaded(self, loaded: tuple[SearchableCheckups, list[CheckupRow]]) -> None:
        self._loaded_rows, self._masked = loaded
        self.health.scope_changed()
        self._apply_masking()

    def _health_scope(self) -> tuple[str, int]:
        return f"{self.village.currentText()} {self.year.value()}年", len(self._loaded_rows.rows)

    def _apply_masking(self) -> None:
        """List the loaded rows, their health values masked unless the switch is on."""
        self._filter()

    def _filter(self) -> None:
        positions, people = self._loaded_rows.search(self.search.text())
        listed = self._loaded_rows.rows if self.health.shown else self._masked
        rows = listed if positions is None else [listed[i] for i in positions]
        self.model.set_rows(rows)
        self.count.setText(f"共 {len(rows)} 人次，{people} 人")
        if self._loaded_rows.rows:
            self.empty.hide()
        else:
            self.empty.offer(
                f"{self.year.value()}年还没有体检记录。体检在“体检录入”中按体检活动逐人录入"
                "（或从Excel导入）；录入后在这里查看、对比历年结果和导出体检台账。"
            )
        self._show_history()

    def selected(self) -> CheckupRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _show_history(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.guidance_button.setEnabled(row is not None and row.constitution != "")
        if row is None:
            self.history.set_history([])
            self.chart.empty_text = "选定一位村民后显示历年变化"
            self.chart.set_data([], [])
            self.history_title.setText("历年体检对比（选定一条记录）")
            return
        rows = checkups.resident_history(self.db, row.resident_id)
        shown = self.health.shown
        self.history.set_history(rows, shown)
        for i, column in enumerate(self.history.columns):
            self.history_table.setColumnWidth(i, column.width or 100)
        self.chart.empty_text = f"{MASKED_NOTE}，勾选“显示健康数值”后显示历年变化"
        if shown:
            self.chart.set_data([f"{r.checkup_date:%Y-%m-%d}" for r in rows], trend_panels(rows))
        else:
            self.chart.set_data([], [])
        hidden = "" if shown else f"，{MASKED_NOTE}"
        self.history_title.setText(f"{row.name} 历年体检对比（共 {len(rows)} 次{hidden}）")

    def _open(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_requested.emit(row.activity_id, row.resident_id)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(
            self,
            "删除体检记录",
            f"确定删除{row.name} {row.checkup_date:%Y-%m-%d} 的体检记录吗？此操作不能撤销。",
        ):
            return
        try:
            checkups.delete_checkup(self.db, row.id)
        except UserError as exc:
            self.context.show_error(self, exc)
        self.load()

    def choose_and_print_guidance(self) -> None:
        row = self.selected()
        if row is None:
            return
        suggested = self.context.workspace.folder.exports / guidance_file_name(
            f"{row.name}_{row.checkup_date:%Y-%m-%d}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "中医体质保健指导", str(suggested), "PDF 文件 (*.pdf)"
        )
        if name:
            self.print_guidance(row.id, Path(name))

    def print_guidance(self, checkup_id: int, path: Path) -> None:
        """One person's take-home guidance sheet."""
        run_export(
            self,
            self.context,
            "正在生成中医体质保健指导…",
            lambda _p: export_checkup_guidance(self.db, checkup_id, path),
            self.status,
            lambda name: f"已生成{name}的中医体质保健指导：{path}",
        )

    def choose_and_export(self) -> None:
        suggested = self.context.workspace.folder.exports / ledger("checkups").file_name(
            self._request()
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "导出健康体检台账", str(suggested), "Excel 文件 (*.xlsx)"
        )
        if name:
            self.export(Path(name))

    def _request(self) -> LedgerRequest:
        village_id = self.village.currentData()
        return LedgerRequest(
            year_period(self.year.value()),
            village_id,
            self.village.currentText() if village_id is not None else None,
            unmasked=self.unmasked.isChecked(),
        )

    def export(self, path: Path) -> None:
        """The year's 健康体检台账 (masked unless asked), as 台账与归档 exports it."""
        spec, request = ledger("checkups"), self._request()
        ws = self.context.workspace

        def work(progress: Progress) -> str:
            count = spec.write(ws, replace(request, progress=progress), path)
            return spec.done_message(count, path, request)

        run_export(self, self.context, "正在导出健康体检台账…", work, self.status, str, path)
