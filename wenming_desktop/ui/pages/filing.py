"""台账与归档: choose a period and scope, write the summary's own sections, export any ledger of
the registry (services/filing/ledgers.py) alone, and build the filing packet in the background
with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.domain.periods import Period, parse_period
from wenming_desktop.domain.vocabulary import SUMMARY_SECTIONS
from wenming_desktop.services.filing import summary
from wenming_desktop.services.filing.filing import PacketResult, build_packet, default_packet_name
from wenming_desktop.services.filing.ledgers import LEDGERS, LedgerRequest, LedgerSpec, ledger
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import offer_reload
from wenming_desktop.ui.finished import show_finished
from wenming_desktop.ui.operations import Op
from wenming_desktop.ui.pages.base import Page
from wenming_desktop.ui.tasks import ProgressDialog

T = TypeVar("T")

PERIOD_KINDS: tuple[tuple[str, str], ...] = (
    ("全年", ""),
    ("上半年", "H1"),
    ("下半年", "H2"),
    *((f"第{n}季度", f"Q{i}") for i, n in enumerate("一二三四", start=1)),
    *((f"{m}月", f"{m:02d}") for m in range(1, 13)),
)


class FilingPage(Page):
    title = "台账与归档"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        chooser = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(" 年")
        self.kind = QComboBox()
        for label, code in PERIOD_KINDS:
            self.kind.addItem(label, code)
        self.village = QComboBox()
        chooser.addWidget(QLabel("期间"))
        chooser.addWidget(self.year)
        chooser.addWidget(self.kind)
        chooser.addSpacing(16)
        chooser.addWidget(QLabel("范围"))
        chooser.addWidget(self.village, 1)
        chooser.addStretch(1)
        self.layout_.addLayout(chooser)

        texts = QGroupBox("工作总结中由您填写的部分（按期间和范围分别保存）")
        form = QFormLayout(texts)
        self.sections: dict[str, QPlainTextEdit] = {}
        for key, label in SUMMARY_SECTIONS:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(f"填写{label}，每段一行")
            edit.setMinimumHeight(80)
            form.addRow(label, edit)
            self.sections[key] = edit
        middle = QHBoxLayout()
        middle.addWidget(texts, 3)
        middle.addWidget(self._ledger_box(), 2)
        self.layout_.addLayout(middle, 1)

        actions = QHBoxLayout()
        self.save_button = QPushButton("保存文字")
        self.summary_button = QPushButton("导出工作总结 PDF…")
        self.packet_button = QPushButton("生成归档材料包…")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        for button in (self.save_button, self.summary_button, self.packet_button):
            actions.addWidget(button)
        actions.addWidget(self.status, 1)
        self.layout_.addLayout(actions)

        self.save_button.clicked.connect(self.save_texts)
        self.summary_button.clicked.connect(self.export_summary)
        self.ledger_button.clicked.connect(self.choose_and_export)
        self.ledgers.currentItemChanged.connect(lambda *_: self._ledger_chosen())
        self.ledgers.itemDoubleClicked.connect(lambda _item: self.choose_and_export())
        self.packet_button.clicked.connect(self.choose_and_build_packet)
        self.year.valueChanged.connect(lambda _v: self.load_texts())
        self.kind.currentIndexChanged.connect(lambda _i: self.load_texts())
        self.village.currentIndexChanged.connect(lambda _i: self.load_texts())
        self._op: Op[Any] | None = None
        self.finished_box: QMessageBox | None = None
        self._running = False  # a ledger or packet is being written
        self._loaded: tuple[Period, int | None] | None = None
        self._seen_texts: dict[str, str] = {}  # the loaded sections, to save against

    def _ledger_box(self) -> QGroupBox:
        """Every ledger of the registry, exported alone for the period and scope above."""
        box = QGroupBox("单独导出台账（按上方的期间和范围）")
        column = QVBoxLayout(box)
        self.ledgers = QListWidget()
        for spec in LEDGERS:
            notes = [spec.format_label, spec.period_rule.label]
            if spec.by_village:
                notes.append("可按村")
            if spec.in_packet:
                notes.append("归档包内含")
            item = QListWidgetItem(f"{spec.title}（{'，'.join(notes)}）")
            item.setData(Qt.ItemDataRole.UserRole, spec.cli_name)
            self.ledgers.addItem(item)
        self.unmasked = QCheckBox("完整导出身份证号和电话（记入操作日志）")
        self.ledger_button = QPushButton("导出所选台账…")
        column.addWidget(self.ledgers, 1)
        column.addWidget(self.unmasked)
        column.addWidget(self.ledger_button)
        self.ledgers.setCurrentRow(0)
        self._ledger_chosen()
        return box

    def _ledger_chosen(self) -> None:
        spec = self.chosen_ledger()
        self.unmasked.setEnabled(spec is not None and spec.maskable)
        if spec is None or not spec.maskable:
            self.unmasked.setChecked(False)

    def chosen_ledger(self) -> LedgerSpec | None:
        item = self.ledgers.currentItem()
        return None if item is None else ledger(item.data(Qt.ItemDataRole.UserRole))

    def ledger_request(self, spec: LedgerSpec) -> LedgerRequest:
        village_id = self.village_id() if spec.by_village else None
        return LedgerRequest(
            self.period(),
            village_id,
            self.village.currentText() if village_id is not None else None,
            unmasked=spec.maskable and self.unmasked.isChecked(),
        )

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def period(self) -> Period:
        code = self.kind.currentData()
        return parse_period(f"{self.year.value()}-{code}" if code else str(self.year.value()))

    def village_id(self) -> int | None:
        return self.village.currentData()

    def scope_label(self) -> str:
        return "全部结对村" if self.village_id() is None else self.village.currentText()

    def refresh(self) -> None:
        current = self.village_id()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem("全部结对村", None)
        for row in villages.list_villages(self.db):
            self.village.addItem(row.name, row.id)
        index = self.village.findData(current)
        self.village.setCurrentIndex(max(index, 0))
        self.village.blockSignals(False)
        self.load_texts()

    def load_texts(self) -> None:
        """Show the sections of the chosen period; edits to the previous one are kept first."""
        if self._loaded is not None and self._texts_modified():
            self._store(*self._loaded)
        self._loaded = (self.period(), self.village_id())
        self._show_texts()
        self.status.setText("")

    def _show_texts(self) -> None:
        """The loaded period's sections as stored now; they are what a save is checked against."""
        if self._loaded is None:
            self._loaded = (self.period(), self.village_id())
        self._seen_texts = summary.get_texts(self.db, *self._loaded)
        for key, edit in self.sections.items():
            edit.setPlainText(self._seen_texts.get(key, ""))
            edit.document().setModified(False)

    def _store(self, period: Period, village_id: int | None) -> bool:
        """Save the sections typed; False when refused because another PC changed one of them
        meanwhile (then 重新载入 is offered; declined, what was typed stays, unsaved)."""
        texts = {key: edit.toPlainText().strip() for key, edit in self.sections.items()}
        try:
            summary.save_texts(self.db, period, village_id, texts, self._seen_texts)
        except StaleRecord as exc:
            if offer_reload(self, exc.message):
                self._show_texts()
            return False
        self._show_texts()  # others' sections saved meanwhile are shown (and saved against)
        return True

    def save_texts(self) -> None:
        if self._store(self.period(), self.village_id()):
            self.status.setText(f"已保存 {self.period().label}（{self.scope_label()}）的总结文字")

    def export_summary(self) -> None:
        self.choose_and_export(ledger("summary"))

    def choose_and_export(self, spec: LedgerSpec | None = None) -> None:
        """Ask where to save the chosen ledger (the summary's texts are saved first)."""
        spec = spec or self.chosen_ledger()
        if spec is None:
            return
        self.save_texts()
        suggested = self.context.workspace.folder.exports / spec.file_name(
            self.ledger_request(spec)
        )
        kind = "PDF 文件 (*.pdf)" if spec.format_label == "PDF" else "Excel 工作簿 (*.xlsx)"
        name, _ = QFileDialog.getSaveFileName(self, f"导出{spec.title}", str(suggested), kind)
        if name:
            self.export_ledger(spec, Path(name))

    def export_ledger(self, spec: LedgerSpec, path: Path) -> Progress:
        """Write one ledger in the background; the finish message offers to open it."""
        request = self.ledger_request(spec)
        ws = self.context.workspace
        self._busy(True)

        def work(progress: Progress) -> str:
            count = spec.write(ws, replace(request, progress=progress), path)
            return spec.done_message(count, path, request)

        return self._run(work, f"正在导出{spec.title}…", lambda text: self._done(text, path))

    def choose_and_build_packet(self) -> None:
        period = self.period()
        suggested = self.context.workspace.folder.exports / (
            default_packet_name(period, self.scope_label()) + ".zip"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "生成归档材料包", str(suggested), "压缩文件 (*.zip);;文件夹 (*)"
        )
        if name:
            self.build_packet(Path(name))

    def build_packet(self, target: Path) -> Progress:
        """Start building in the background; the window stays usable, the dialog can cancel."""
        period, village_id = self.period(), self.village_id()
        if self._texts_modified():
            self._store(period, village_id)  # what was just typed goes into this packet's summary
        as_zip = target.suffix.lower() == ".zip"
        ws = self.context.workspace
        self._busy(True)
        return self._run(
            lambda p: build_packet(ws, period, village_id, target, as_zip, p),
            "正在生成归档材料包…",
            self._packet_done,
        )

    def _run(
        self, work: Callable[[Progress], T], label: str, done: Callable[[T], None]
    ) -> Progress:
        op = self.context.op(self, work).with_progress(label).finally_(lambda: self._busy(False))
        op.success(done).failure(self._failed).cancelled(self._cancelled)
        self._op = op
        return op.run()

    @property
    def progress_dialog(self) -> ProgressDialog | None:
        """The progress dialog of the work running now, if any."""
        return self._op.dialog if self._op is not None else None

    def _texts_modified(self) -> bool:
        return any(edit.document().isModified() for edit in self.sections.values())

    def unsaved_work(self) -> list[str]:
        work = []
        if self._texts_modified():
            work.append("工作总结中填写的文字")
        if self._running:
            work.append("正在生成的材料（关闭将中断）")
        return work

    def _busy(self, busy: bool) -> None:
        self._running = busy
        for button in (self.packet_button, self.ledger_button, self.summary_button):
            button.setEnabled(not busy)

    def _done(self, message: str, path: Path) -> None:
        self.status.setText(message)
        self.finished_box = show_finished(self, "导出完成", message, path)

    def _packet_done(self, result: PacketResult) -> None:
        counts = f"{result.activities} 场活动，{result.files} 个文件"
        message = f"归档材料包已生成：{result.path}（{counts}）"
        if result.missing:
            shown = "\n".join(result.missing[:10])
            more = f"\n……共 {len(result.missing)} 个" if len(result.missing) > 10 else ""
            message += (
                f"\n注意：{len(result.missing)} 个附件的文件已缺失，未放入材料包"
                f"（目录中已列出）：\n{shown}{more}"
            )
        self.status.setText(message)
        self.finished_box = show_finished(self, "归档材料包已生成", message, result.path)

    def _cancelled(self) -> None:
        self.status.setText("已取消，未留下任何文件")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("" if isinstance(exc, UserError) else "操作未完成，详见错误信息")
        self.context.show_error(self, exc)
