"""检查与整改: the year's inspections and, for the one selected, its findings with their status
(待整改/整改中/已整改/逾期, domain.office), closing a finding and its evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.office import FINDING_ATTACHMENT_KINDS, FindingStatus
from wenming_desktop.domain.office_records import FindingData, InspectionData
from wenming_desktop.domain.office_rows import InspectionRow
from wenming_desktop.services.activities.attachments import (
    IMAGE_SUFFIXES,
    add_owned_attachments,
)
from wenming_desktop.services.office import inspections, office_exports
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, edit_or_say
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.office.common import (
    AttachmentsDialog,
    button_row,
    export_year_ledger,
    selected_row,
    year_bar,
    year_box,
)
from wenming_desktop.ui.pages.office.record_dialogs import FindingDialog, InspectionDialog
from wenming_desktop.ui.table_model import Column, RowTableModel
from wenming_desktop.ui.widgets.empty_state import EmptyState

F = InspectionRow._fields.index
INSPECTION_COLUMNS = [
    Column("检查日期", F("inspected_on"), width=100),
    Column("检查类型", F("kind"), width=80),
    Column("检查单位", F("inspector"), width=180),
    Column("检查范围", F("scope"), width=260),
    Column("问题数", F("findings"), align_right=True, width=60),
    Column("未完成", F("open_findings"), align_right=True),
]


def _left(value: Any) -> str:
    if value is None:
        return ""
    return "今天到期" if value == 0 else (f"剩 {value} 天" if value > 0 else f"逾期 {-value} 天")


# A finding row: (id, description, department, person, deadline, status, days left, closed on,
# confirmed by, evidence count)
FINDING_COLUMNS = [
    Column("存在问题", 1, width=260),
    Column("责任科室", 2, width=90),
    Column("责任人", 3, width=70),
    Column("整改时限", 4, width=95),
    Column("状态", 5, width=90),
    Column("期限", 6, _left, width=80),
    Column("完成日期", 7, width=95),
    Column("确认人", 8, width=70),
    Column("佐证", 9, align_right=True),
]


class InspectionsTab(QWidget):
    def __init__(
        self, context: PageContext, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.year = year_box(today())
        self.summary = QLabel("")
        self.add_inspection = QPushButton("新增检查")
        self.add_inspection.setObjectName("add")  # Ctrl+N
        self.edit_inspection = QPushButton("编辑")
        self.delete_inspection = QPushButton("删除")
        self.ledger = QPushButton("导出整改台账")
        self.inspection_model = RowTableModel(INSPECTION_COLUMNS, self)
        self.inspection_table = make_table(self.inspection_model, self)
        upper = QGroupBox("检查（上级检查、督查、自查）")
        u = QVBoxLayout(upper)
        u.addLayout(
            button_row(
                self.add_inspection, self.edit_inspection, self.delete_inspection, self.ledger
            )
        )
        u.addWidget(self.inspection_table)
        self.add_finding = QPushButton("新增问题")
        self.edit_finding = QPushButton("编辑")
        self.close_finding = QPushButton("整改完成…")
        self.evidence = QPushButton("佐证材料（照片、文件）…")
        self.delete_finding = QPushButton("删除")
        self.finding_model = RowTableModel(FINDING_COLUMNS, self)
        self.finding_table = make_table(self.finding_model, self)
        self.findings_box = QGroupBox("反馈问题与整改")
        low = QVBoxLayout(self.findings_box)
        low.addLayout(
            button_row(
                self.add_finding,
                self.edit_finding,
                self.close_finding,
                self.evidence,
                self.delete_finding,
            )
        )
        low.addWidget(self.finding_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.findings_box)
        splitter.setSizes([220, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(year_bar(self.year, self.summary))
        self.empty = EmptyState(
            "本年度还没有检查记录。上级检查、督查或自查后，点“新增检查”记下日期、检查单位和方式，"
            "再选中这次检查点“新增问题”逐项登记发现的问题，整改后点“整改完成…”并附上佐证材料。",
            [("新增检查…", self.add_inspection.click)],
        )
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.add_inspection.clicked.connect(self.new_inspection)
        self.edit_inspection.clicked.connect(self.change_inspection)
        self.delete_inspection.clicked.connect(self.remove_inspection)
        self.inspection_table.doubleClicked.connect(lambda _i: self.change_inspection())
        self.ledger.clicked.connect(self.export_ledger)
        self.add_finding.clicked.connect(self.new_finding)
        self.edit_finding.clicked.connect(lambda: self.change_finding(closing=False))
        self.close_finding.clicked.connect(lambda: self.change_finding(closing=True))
        self.evidence.clicked.connect(self.open_evidence)
        self.delete_finding.clicked.connect(self.remove_finding)
        self.finding_table.doubleClicked.connect(lambda _i: self.change_finding(closing=False))
        self.inspection_table.selectionModel().selectionChanged.connect(self._inspection_chosen)
        self.finding_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def refresh(self, select_id: int | None = None) -> None:
        year = self.year.value()
        keep = select_id if select_id is not None else self.selected_inspection_id()
        rows = inspections.list_inspections(self.db, date(year, 1, 1), date(year, 12, 31))
        self.inspection_model.set_rows(rows)
        self.empty.setVisible(not rows)
        open_total = sum(r.open_findings for r in rows)
        self.summary.setText(
            f"{year}年共 {len(rows)} 次检查，{sum(r.findings for r in rows)} 项问题，"
            f"未完成整改 {open_total} 项"
        )
        for i, row in enumerate(rows):
            if row.id == keep:
                self.inspection_table.selectRow(i)
                break
        self._show_findings()

    def selected_inspection(self) -> InspectionRow | None:
        found: InspectionRow | None = selected_row(self.inspection_table)
        return found

    def selected_inspection_id(self) -> int | None:
        row = self.selected_inspection()
        return row.id if row is not None else None

    def selected_finding(self) -> tuple[Any, ...] | None:
        found: tuple[Any, ...] | None = selected_row(self.finding_table)
        return found

    def _inspection_chosen(self) -> None:
        self._show_findings()

    def _show_findings(self, keep: int | None = None) -> None:
        inspection = self.selected_inspection()
        if inspection is None:
            self.finding_model.set_rows([])
            self.findings_box.setTitle("反馈问题与整改（请先在上方选择一次检查）")
        else:
            views = inspections.list_findings(self.db, self.today(), inspection.id)
            self.finding_model.set_rows(
                [
                    (
                        v.row.id,
                        v.row.description,
                        v.row.department,
                        v.row.person,
                        v.row.deadline,
                        office_exports.status_text(v),
                        None if v.status is FindingStatus.DONE else v.days_left,
                        v.row.closed_on,
                        v.row.confirmed_by,
                        v.row.evidence,
                    )
                    for v in views
                ]
            )
            self.findings_box.setTitle(
                f"反馈问题与整改：{inspection.inspected_on:%Y-%m-%d} {inspection.inspector}"
            )
            for i, v in enumerate(views):
                if v.row.id == keep:
                    self.finding_table.selectRow(i)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_inspection = self.selected_inspection() is not None
        has_finding = self.selected_finding() is not None
        self.edit_inspection.setEnabled(has_inspection)
        self.delete_inspection.setEnabled(has_inspection)
        self.add_finding.setEnabled(has_inspection)
        for button in (self.edit_finding, self.close_finding, self.evidence, self.delete_finding):
            button.setEnabled(has_finding)

    def new_inspection(self) -> None:
        created: list[int] = []

        def save(data: InspectionData) -> None:
            created.append(inspections.save_inspection(self.db, None, data))

        if InspectionDialog(save, parent=self).exec():
            day = inspections.get_inspection(self.db, created[0]).inspected_on
            if day.year != self.year.value():
                self.year.setValue(day.year)
            self.refresh(select_id=created[0])

    def change_inspection(self) -> None:
        row = self.selected_inspection()
        if row is None:
            return

        def run(seen: Seen[InspectionData]) -> int:
            def save(data: InspectionData) -> None:
                inspections.save_inspection(self.db, row.id, data, seen)

            return InspectionDialog(save, seen.data, parent=self).exec()

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self, self.context.show_error, lambda: inspections.open_inspection(self.db, row.id), run
        )
        if result is None or result:  # an error shown (perhaps deleted meanwhile) or saved
            self.refresh()

    def remove_inspection(self) -> None:
        row = self.selected_inspection()
        if row is None or not confirm(
            self,
            "删除检查",
            f"确定删除 {row.inspected_on:%Y-%m-%d} {row.inspector}的检查及其 {row.findings} "
            "项问题和佐证材料吗？此操作不能撤销。",
        ):
            return
        inspections.delete_inspection(self.db, self.context.workspace.folder, row.id)
        self.refresh()

    def new_finding(self) -> None:
        inspection = self.selected_inspection()
        if inspection is None:
            return

        saved: list[int] = []

        def save(data: FindingData) -> None:
            saved.append(inspections.save_finding(self.db, inspection.id, None, data))

        dialog = FindingDialog(save, parent=self)
        if dialog.exec():
            self._attach_evidence(saved[0], dialog.evidence)
            self.refresh()

    def change_finding(self, closing: bool) -> None:
        inspection, row = self.selected_inspection(), self.selected_finding()
        if inspection is None or row is None:
            return
        finding_id = row[0]
        evidence: list[Path] = []

        def run(seen: Seen[FindingData]) -> int:
            def save(data: FindingData) -> None:
                inspections.save_finding(self.db, inspection.id, finding_id, data, seen)

            dialog = FindingDialog(save, seen.data, closing=closing, parent=self)
            result = dialog.exec()
            evidence[:] = dialog.evidence
            return result

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self,
            self.context.show_error,
            lambda: inspections.open_finding(self.db, finding_id),
            run,
        )
        if result is None:
            self.refresh()
            return
        if result:
            self._attach_evidence(finding_id, evidence)
            self.refresh()
            self._show_findings(keep=finding_id)

    def _attach_evidence(self, finding_id: int, paths: list[Path]) -> None:
        """Files chosen in the finding's dialog become its evidence (photos by their suffix)."""
        if not paths:
            return
        folder = self.context.workspace.folder
        photos = [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]
        others = [p for p in paths if p not in photos]
        try:
            for kind, group in (("photo", photos), ("other", others)):
                if group:
                    add_owned_attachments(self.db, folder, "finding", finding_id, group, kind)
        except UserError as exc:
            self.context.show_error(self, exc)

    def open_evidence(self) -> None:
        row = self.selected_finding()
        if row is None:
            return
        AttachmentsDialog(
            self.context,
            "finding",
            row[0],
            FINDING_ATTACHMENT_KINDS,
            f"整改佐证材料：{row[1][:30]}",
            self,
        ).exec()
        self.refresh()
        self._show_findings(keep=row[0])

    def remove_finding(self) -> None:
        row = self.selected_finding()
        if row is None or not confirm(
            self, "删除问题", f"确定删除问题“{row[1][:40]}”及其佐证材料吗？此操作不能撤销。"
        ):
            return
        inspections.delete_finding(self.db, self.context.workspace.folder, row[0])
        self.refresh()

    def export_ledger(self) -> None:
        export_year_ledger(
            self.context,
            self,
            self.year.value(),
            self.today(),
            "导出整改台账",
            office_exports.RECTIFICATION_LEDGER,
            office_exports.export_rectification_ledger,
        )
