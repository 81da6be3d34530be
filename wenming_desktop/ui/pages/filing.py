"""台账与归档: choose a period and scope, write the summary's own sections, export the summary
PDF, and build the filing packet in the background with progress and cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.periods import Period, parse_period
from wenming_desktop.domain.vocabulary import SUMMARY_SECTIONS
from wenming_desktop.exports.files import safe_filename
from wenming_desktop.services.filing import summary
from wenming_desktop.services.filing.filing import PacketResult, build_packet, default_packet_name
from wenming_desktop.services.progress import Progress
from wenming_desktop.services.villages import villages
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.pages.base import Page
from wenming_desktop.ui.tasks import ProgressDialog

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
        self.layout_.addWidget(texts, 1)

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
        self.packet_button.clicked.connect(self.choose_and_build_packet)
        self.year.valueChanged.connect(lambda _v: self.load_texts())
        self.kind.currentIndexChanged.connect(lambda _i: self.load_texts())
        self.village.currentIndexChanged.connect(lambda _i: self.load_texts())
        self.progress_dialog: ProgressDialog | None = None
        self._loaded: tuple[Period, int | None] | None = None

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
        if self._loaded is not None and any(
            e.document().isModified() for e in self.sections.values()
        ):
            self._store(*self._loaded)
        self._loaded = (self.period(), self.village_id())
        texts = summary.get_texts(self.db, *self._loaded)
        for key, edit in self.sections.items():
            edit.setPlainText(texts.get(key, ""))
            edit.document().setModified(False)
        self.status.setText("")

    def _store(self, period: Period, village_id: int | None) -> None:
        texts = {key: edit.toPlainText().strip() for key, edit in self.sections.items()}
        summary.save_texts(self.db, period, village_id, texts)
        for edit in self.sections.values():
            edit.document().setModified(False)

    def save_texts(self) -> None:
        self._store(self.period(), self.village_id())
        self.status.setText(f"已保存 {self.period().label}（{self.scope_label()}）的总结文字")

    def export_summary(self) -> None:
        self.save_texts()
        period, village_id = self.period(), self.village_id()
        suggested = self.context.workspace.folder.exports / safe_filename(
            f"{period.label}工作总结_{self.scope_label()}.pdf"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "导出工作总结", str(suggested), "PDF 文件 (*.pdf)"
        )
        if not name:
            return
        self.summary_button.setEnabled(False)
        self.context.runner.run(
            lambda _p: summary.export_summary(self.db, Path(name), period, village_id),
            self._summary_done,
            self._failed,
        )

    def _summary_done(self, path: Path) -> None:
        self.summary_button.setEnabled(True)
        self.status.setText(f"已导出：{path}")

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
        as_zip = target.suffix.lower() == ".zip"
        ws = self.context.workspace
        self.packet_button.setEnabled(False)
        dialog = ProgressDialog("正在生成归档材料包…", self)
        self.progress_dialog = dialog
        progress = self.context.runner.run(
            lambda p: build_packet(ws, period, village_id, target, as_zip, p),
            self._packet_done,
            self._failed,
            on_progress=dialog.update_progress,
            on_cancelled=self._packet_cancelled,
        )
        dialog.attach(progress)
        dialog.show()
        return progress

    def _close_dialog(self) -> None:
        self.packet_button.setEnabled(True)
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _packet_done(self, result: PacketResult) -> None:
        self._close_dialog()
        counts = f"{result.activities} 场活动，{result.files} 个文件"
        text = f"归档材料包已生成：{result.path}（{counts}）"
        if result.missing:
            shown = "\n".join(result.missing[:10])
            more = f"\n……共 {len(result.missing)} 个" if len(result.missing) > 10 else ""
            text += (
                f"\n注意：{len(result.missing)} 个附件的文件已缺失，未放入材料包"
                f"（目录中已列出）：\n{shown}{more}"
            )
        self.status.setText(text)

    def _packet_cancelled(self) -> None:
        self._close_dialog()
        self.status.setText("已取消生成归档材料包，未留下任何文件")

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        self.summary_button.setEnabled(True)
        self.status.setText("")
        self.context.show_error(self, exc)
        if not isinstance(exc, UserError):
            self.status.setText("操作未完成，详见错误信息")
