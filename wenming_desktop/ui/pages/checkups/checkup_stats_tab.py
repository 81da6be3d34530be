"""统计: per village and year — people checked, share in each threshold band, constitutions,
self-care bands, and how many of each focus group were checked."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from wenming_desktop.services.checkups.checkup_stats import CheckupStats, checkup_stats
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.checkups.checkup_common import fill_villages
from wenming_desktop.ui.table_model import Column, RowTableModel


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


BAND_COLUMNS = [
    Column("指标", 0, width=250),
    Column("分类", 1, width=120),
    Column("人数", 2, align_right=True, width=70),
    Column("占比", 3, _percent, align_right=True),
]
COVERAGE_COLUMNS = [
    Column("重点人群", 0, width=180),
    Column("登记人数", 1, align_right=True, width=90),
    Column("本年已体检", 2, align_right=True, width=90),
    Column("覆盖率", 3, _percent, align_right=True),
]


def band_rows(stats: CheckupStats) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for dist in stats.distributions:
        for label, count in dist.counts:
            rows.append(
                (
                    f"{dist.title}（有记录 {dist.measured} 人）",
                    label,
                    count,
                    dist.share(count) if dist.measured else None,
                )
            )
    return rows


def coverage_rows(stats: CheckupStats) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        (
            "60岁及以上老人",
            stats.elderly_registered,
            stats.elderly_checked,
            stats.elderly_checked / stats.elderly_registered if stats.elderly_registered else None,
        )
    ]
    for c in stats.coverage:
        rows.append(
            (c.group, c.registered, c.checked, c.checked / c.registered if c.registered else None)
        )
    return rows


class CheckupStatsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.village = QComboBox()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(" 年")
        top = QHBoxLayout()
        top.addWidget(QLabel("结对村"))
        top.addWidget(self.village)
        top.addWidget(self.year)
        top.addStretch(1)
        self.figures = QLabel("")
        self.figures.setObjectName("figure")
        self.bands = RowTableModel(BAND_COLUMNS, self)
        self.coverage = RowTableModel(COVERAGE_COLUMNS, self)
        self.bands_table = make_table(self.bands, self)
        self.coverage_table = make_table(self.coverage, self)
        tables = QHBoxLayout()
        tables.addWidget(self.bands_table, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel("重点人群体检覆盖"))
        right.addWidget(self.coverage_table)
        tables.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        note = QLabel("每人按本年最后一次体检计入；占比的分母是该项有记录的人数。")
        note.setObjectName("hint")
        layout.addWidget(note)
        layout.addLayout(tables, 1)
        self.village.currentIndexChanged.connect(lambda _i: self.load())
        self.year.valueChanged.connect(lambda _v: self.load())

    def refresh(self) -> None:
        fill_villages(self.village, self.context, "全部结对村")
        self.load()

    def load(self) -> None:
        village_id, year = self.village.currentData(), self.year.value()
        db = self.context.workspace.db
        self.context.load(self, lambda: checkup_stats(db, year, village_id), self.show_stats)

    def show_stats(self, stats: CheckupStats) -> None:
        self.figures.setText(
            f"{stats.year}年：体检 {stats.people} 人，{stats.checkups} 人次；中医体质问卷辨识 "
            f"{stats.constitution_asked} 人（医生改判 {stats.constitution_overridden} 人），"
            f"未做问卷直接选定 {stats.constitution_picked} 人"
        )
        self.bands.set_rows(band_rows(stats))
        self.coverage.set_rows(coverage_rows(stats))
