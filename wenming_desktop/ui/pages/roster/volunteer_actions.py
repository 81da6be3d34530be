"""The 志愿者 page's long actions, each an operation (ui/operations.py): HR import with its preview,
reconciliation with the national system, the roster and hours ledgers, the certificate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.hours import format_hours
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.filing.ledgers import (
    LedgerRequest,
    LedgerSpec,
    ledger,
    this_year,
    year_period,
)
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.roster import registry, roster_exports
from wenming_desktop.services.roster.certificates import (
    IssuedCertificate,
    find_certificate,
    issue_certificate,
)
from wenming_desktop.services.roster.registry import RegistryReport
from wenming_desktop.services.roster.roster_import import (
    ImportResult,
    RosterImportPlan,
    apply_import,
    plan_import,
)
from wenming_desktop.services.settings.settings import get_setting
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.certificate_dialog import CertificateDialog
from wenming_desktop.ui.dialogs.import_preview import (
    CHOICE_VALID_ONLY,
    IMPORT_FILTER,
    ImportPreviewDialog,
)
from wenming_desktop.ui.dialogs.registry_dialog import RegistryDialog
from wenming_desktop.ui.finished import show_finished
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.pages.roster.roster_lines import RosterLine
from wenming_desktop.ui.tasks import ProgressDialog


class RosterPage(Protocol):
    """What the actions use of the 志愿者 page (a widget: the parent of their dialogs)."""

    context: PageContext
    status: QLabel
    unmasked: QCheckBox
    year: QSpinBox

    @property
    def db(self) -> Database: ...

    def refresh(self) -> None: ...

    def selected(self) -> RosterLine | None: ...


class VolunteerActions:
    """Owned by the page; every piece of work runs off the GUI thread with a progress dialog."""

    def __init__(self, page: RosterPage, widget: QWidget) -> None:
        self.page = page
        self.widget = widget
        self._op: Op[Any] | None = None
        self.finished_box: QMessageBox | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.registry_dialog: RegistryDialog | None = None

    @property
    def _exports(self) -> Path:
        return self.page.context.workspace.folder.exports

    def _run(
        self, title: str, work: Callable[[Progress], Any], done: Callable[[Any], None]
    ) -> Progress:
        op = self.page.context.op(self.widget, work).with_progress(title)
        op.success(done).cancelled(lambda: self.page.status.setText("已取消"))
        self._op = op
        return op.run()

    @property
    def progress_dialog(self) -> ProgressDialog | None:
        """The progress dialog of the work running now, if any."""
        return self._op.dialog if self._op is not None else None

    def _exported(self, message: str, path: Path) -> None:
        self.page.status.setText(message)
        self.finished_box = show_finished(self.widget, "导出完成", message, path)

    # HR import

    def choose_and_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.widget, "选择人事花名册", str(Path.home()), IMPORT_FILTER
        )
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> Progress:
        db = self.page.db
        return self._run("正在检查花名册…", lambda p: plan_import(db, path, p), self._show_preview)

    def _show_preview(self, plan: RosterImportPlan) -> None:
        dialog = ImportPreviewDialog(f"导入志愿者：{plan.path.name}", plan.preview, self.widget)
        self.preview_dialog = dialog
        accepted = dialog.exec()
        self.preview_dialog = None
        if not accepted or dialog.choice is None:
            self.page.status.setText("已取消导入，未写入任何数据")
            return
        skip = dialog.choice == CHOICE_VALID_ONLY
        db = self.page.db
        self._run("正在导入志愿者…", lambda p: apply_import(db, plan, skip, p), self._imported)

    def _imported(self, result: ImportResult) -> None:
        refused = f"，跳过有错误的 {result.refused} 行" if result.refused else ""
        self.page.status.setText(
            f"导入完成：新增 {result.added} 人，更新 {result.updated} 人{refused}"
        )
        self.page.refresh()

    # reconciliation with the national volunteer system

    def choose_registry_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.widget, "选择志愿服务信息系统导出的名单", str(Path.home()), IMPORT_FILTER
        )
        if name:
            self.start_registry(Path(name))

    def start_registry(self, path: Path) -> Progress:
        db = self.page.db
        return self._run(
            "正在核对注册名单…", lambda _p: registry.plan_registry(db, path), self._show_registry
        )

    def _show_registry(self, report: RegistryReport) -> None:
        dialog = RegistryDialog(report, lambda: self.choose_differences_file(report), self.widget)
        self.registry_dialog = dialog
        accepted = dialog.exec()
        self.registry_dialog = None
        if not accepted or not dialog.apply:
            self.page.status.setText("未更新注册信息")
            return
        db = self.page.db
        self._run(
            "正在更新注册信息…",
            lambda _p: registry.apply_registry(db, report),
            self._registry_applied,
        )

    def _registry_applied(self, changed: int) -> None:
        self.page.status.setText(f"已更新 {changed} 名志愿者的注册信息")
        self.page.refresh()

    def choose_differences_file(self, report: RegistryReport) -> None:
        suggested = self._exports / "志愿者注册核对差异表.xlsx"
        parent = self.registry_dialog or self.widget
        name, _ = QFileDialog.getSaveFileName(
            parent, "导出核对差异表", str(suggested), "Excel 工作簿 (*.xlsx)"
        )
        if name:
            self.export_differences(report, Path(name))

    def export_differences(self, report: RegistryReport, path: Path) -> None:
        """Small (one row per difference): written on the GUI thread, dialog stays open."""
        try:
            count = registry.export_differences(report, path, self._hospital())
        except UserError as exc:
            self.page.context.show_error(self.registry_dialog or self.widget, exc)
            return
        self.page.status.setText(f"已导出核对差异表 {count} 行：{path}")

    def _hospital(self) -> str:
        return get_setting(self.page.db, "hospital_name") or "本院"

    # ledgers

    def choose_roster_file(self) -> None:
        suggested = self._exports / roster_exports.roster_filename()
        name, _ = QFileDialog.getSaveFileName(
            self.widget, "导出志愿者花名册", str(suggested), "Excel 工作簿 (*.xlsx)"
        )
        if name:
            self.export_roster(Path(name), self.page.unmasked.isChecked())

    def export_roster(self, path: Path, unmasked: bool) -> Progress:
        return self._export(
            ledger("volunteers"), LedgerRequest(this_year(), unmasked=unmasked), path
        )

    def _export(self, spec: LedgerSpec, request: LedgerRequest, path: Path) -> Progress:
        """One ledger of the registry, as 台账与归档 exports it."""
        ws = self.page.context.workspace

        def work(progress: Progress) -> str:
            count = spec.write(ws, replace(request, progress=progress), path)
            return spec.done_message(count, path, request)

        return self._run(f"正在导出{spec.title}…", work, lambda text: self._exported(text, path))

    def choose_hours_file(self) -> None:
        year = self.page.year.value()
        suggested = self._exports / roster_exports.hours_filename(year)
        name, _ = QFileDialog.getSaveFileName(
            self.widget, "导出志愿服务时长台账", str(suggested), "Excel 工作簿 (*.xlsx)"
        )
        if name:
            self.export_hours(Path(name), year)

    def export_hours(self, path: Path, year: int) -> Progress:
        return self._export(ledger("hours"), LedgerRequest(year_period(year)), path)

    # certificate

    def choose_certificate(self) -> None:
        line = self.page.selected()
        if line is None:
            return
        dialog = CertificateDialog(f"{line.name}（{line.staff_no}）", self.widget)
        if not dialog.exec():
            return
        date_from, date_to = dialog.period()
        suggested = self._exports / safe_filename(
            f"志愿服务记录证明_{line.name}_{date_from:%Y%m%d}-{date_to:%Y%m%d}.pdf"
        )
        name, _ = QFileDialog.getSaveFileName(
            self.widget, "保存志愿服务记录证明", str(suggested), "PDF 文件 (*.pdf)"
        )
        if name:
            self.issue(line.id, date_from, date_to, Path(name))

    def check_certificate(self) -> None:
        number, ok = QInputDialog.getText(
            self.widget, "查验服务证明", "证明编号（如 ZYZM202600001）："
        )
        if ok and number.strip():
            self.page.status.setText(self.describe_certificate(number))

    def describe_certificate(self, number: str) -> str:
        try:
            c = find_certificate(self.page.db, number)
        except UserError as exc:
            return exc.message
        return (
            f"证明 {c.number} 已登记：{c.volunteer}（工号 {c.staff_no or '无'}），"
            f"{c.date_from:%Y-%m-%d} 至 {c.date_to:%Y-%m-%d}，服务 {c.activity_count} 次，"
            f"{format_hours(c.total_minutes)} 小时，开具日期 {c.issued_on:%Y-%m-%d}"
        )

    def issue(self, volunteer_id: int, date_from: Any, date_to: Any, path: Path) -> Progress:
        db = self.page.db

        def done(issued: IssuedCertificate) -> None:
            self._exported(
                f"已开具志愿服务记录证明 {issued.number}（{issued.volunteer}，"
                f"{issued.activity_count} 次，{format_hours(issued.total_minutes)} 小时）：{path}",
                path,
            )

        return self._run(
            "正在开具证明…",
            lambda _p: issue_certificate(db, volunteer_id, date_from, date_to, path),
            done,
        )
