"""村民名册: a village's residents — search by name, pinyin initials or ID tail; add, edit,
delete; import a list from Excel through the shared preview. ID and phone numbers are masked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import mask_id, mask_phone
from wenming_desktop.domain.residents import ResidentData, age_on
from wenming_desktop.domain.vocabulary import FocusGroup
from wenming_desktop.services.checkups import residents
from wenming_desktop.storage.queries.residents import ResidentRow
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, edit_or_say
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.pages.base import make_table
from wenming_desktop.ui.pages.checkups.checkup_common import fill_villages, run_export
from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel
from wenming_desktop.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:  # the import (openpyxl) loads when the clerk imports, not at start-up
    from wenming_desktop.services.checkups.resident_import import ImportResult, ResidentImport


class ResidentLine(NamedTuple):
    """One row of the list: the resident, the focus groups in words, the age today."""

    resident: ResidentRow
    focus: str
    age: int | None


COLUMNS = [
    Column("姓名", "resident.name", width=80),
    Column("性别", "resident.gender", width=40),
    Column("出生日期", "resident.birth_text", width=90),
    Column("年龄", "age", align_right=True, width=45),
    Column("身份证号", "resident.id_number", mask_id, width=160),
    Column("联系电话", "resident.phone", mask_phone, width=110),
    Column("村民小组", "resident.group_name", width=100),
    Column("重点人群", "focus", width=160),
    Column("备注", "resident.notes"),
]


def _display(row: ResidentRow) -> ResidentLine:
    return ResidentLine(
        resident=row,
        focus="、".join(g.label for g in FocusGroup if getattr(row, g.value)),
        age=age_on(row.birth_date, date.today()),
    )


IMPORT = "从Excel导入…"
ADD = "新增村民…"
OPEN_VILLAGES = "打开结对村页"


class ResidentRegistry(QWidget):
    villages_wanted = Signal()  # the empty state's 打开结对村页

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._rows: list[ResidentRow] = []
        self.village = QComboBox()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("姓名、拼音首字母或身份证号后几位")
        self.add_button = QPushButton("新增村民")
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton("编辑")
        self.delete_button = QPushButton("删除")
        self.import_button = QPushButton("从Excel导入…")
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.top = QHBoxLayout()
        self.top.addWidget(QLabel("结对村"))
        self.top.addWidget(self.village)
        self.top.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button):
            self.top.addWidget(button)
        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.model, self)
        self.count = QLabel("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.top)
        self.empty = EmptyState(
            "",
            [
                (IMPORT, self.import_button.click),
                (ADD, self.add_button.click),
                (OPEN_VILLAGES, self.villages_wanted.emit),
            ],
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)
        self.village.currentIndexChanged.connect(lambda _i: self.load())
        self.search.textChanged.connect(lambda _t: self._filter())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.choose_and_import)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def db(self):  # the workspace's Database
        return self.context.workspace.db

    def refresh(self) -> None:
        fill_villages(self.village, self.context, None)
        self.load()

    def load(self) -> None:
        village_id = self.village.currentData()
        self._rows = residents.list_residents(self.db, village_id) if village_id else []
        self.add_button.setEnabled(village_id is not None)
        self.import_button.setEnabled(village_id is not None)
        self._show_how_to_start(village_id is not None)
        self._filter()

    def _show_how_to_start(self, has_village: bool) -> None:
        if self._rows:
            self.empty.hide()
        elif not has_village:
            self.empty.offer(
                "还没有结对村。村民按结对村登记：请先在“结对村”页点“新增结对村”。",
                [OPEN_VILLAGES],
            )
        else:
            self.empty.offer(
                "本村还没有登记村民。点“从Excel导入…”导入村委会提供的村民名单（姓名、身份证号等），"
                "或点“新增村民”逐个登记；登记后即可在“体检录入”中逐人录入体检结果。",
                [IMPORT, ADD],
            )

    def _filter(self) -> None:
        rows = residents.search_residents(self._rows, self.search.text())
        self.model.set_rows([_display(r) for r in rows])
        self.count.setText(f"本村登记 {len(self._rows)} 人，显示 {len(rows)} 人")
        self._update_buttons()

    def selected(self) -> ResidentRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        line: ResidentLine = indexes[0].data(ROW_ROLE)
        return line.resident

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add(self) -> None:
        village_id = self.village.currentData()
        if village_id is None:
            return
        dialog = ResidentDialog(
            lambda data: residents.add_resident(self.db, data),
            ResidentData(village_id, ""),
            self.village.currentText(),
            self,
        )
        if dialog.exec():
            self.load()

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return

        def run(seen: Seen[ResidentData]) -> int:
            def save(data: ResidentData) -> int:
                residents.update_resident(self.db, row.id, data, seen)
                return row.id

            return ResidentDialog(save, seen.data, row.village, self, editing=True).exec()

        # reopened on the newest values after a refused save (重新载入)
        result = edit_or_say(
            self, self.context.show_error, lambda: residents.open_resident(self.db, row.id), run
        )
        if result is None or result:  # an error shown (perhaps deleted meanwhile) or saved
            self.load()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(self, "删除村民", f"确定删除村民“{row.name}”吗？此操作不能撤销。"):
            return
        try:
            residents.delete_resident(self.db, row.id)
        except UserError as exc:
            self.context.show_error(self, exc)
        self.load()

    def choose_and_import(self) -> None:
        from wenming_desktop.ui.dialogs.import_preview import IMPORT_FILTER

        name, _ = QFileDialog.getOpenFileName(self, "选择村民名单", "", IMPORT_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read and check in the background, show the preview, write what the clerk chooses."""
        from wenming_desktop.services.checkups.resident_import import read_residents

        village_id = self.village.currentData()
        if village_id is None:
            return
        run_export(
            self,
            self.context,
            "正在读取村民名单…",
            lambda p: read_residents(self.db, path, village_id, p),
            self.status,
            self._previewed,
        )

    def _previewed(self, plan: ResidentImport) -> str:
        from wenming_desktop.services.checkups.resident_import import apply_import
        from wenming_desktop.ui.dialogs.import_preview import CHOICE_VALID_ONLY, ImportPreviewDialog

        dialog = ImportPreviewDialog(f"导入村民名单 — {plan.village}", plan.preview, self)
        if not dialog.exec() or dialog.choice is None:
            return "已取消导入，未写入任何数据"
        skip = dialog.choice == CHOICE_VALID_ONLY
        run_export(
            self,
            self.context,
            "正在写入村民名册…",
            lambda p: apply_import(self.db, plan, skip_invalid=skip, progress=p),
            self.status,
            self._imported,
        )
        return "正在写入…"

    def _imported(self, result: ImportResult) -> str:
        self.load()
        skipped = f"，跳过有错误的 {result.skipped_rows} 行" if result.skipped_rows else ""
        return f"已导入：新增 {result.created} 人，更新 {result.updated} 人{skipped}"
