"""The 照片与附件 tab: thumbnails with captions; add by file dialog or drag and drop.

The same panel shows a meeting's or a finding's attachments (`owner`), with that owner's kinds
and labels (domain.office)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImageReader,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from wenming_desktop.domain.errors import StaleRecord, UserError
from wenming_desktop.domain.office import OFFICE_ATTACHMENT_LABELS
from wenming_desktop.domain.vocabulary import AttachmentKind
from wenming_desktop.services.activities import attachments as service
from wenming_desktop.services.activities.attachments import AttachmentRow, OwnerKind
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.dialogs.common import confirm, offer_reload

THUMB = QSize(120, 90)


def kind_label(owner: OwnerKind, kind: str) -> str:
    if owner == "activity":
        return AttachmentKind(kind).label
    return OFFICE_ATTACHMENT_LABELS.get(kind, kind)


ALL_KINDS: tuple[str, ...] = tuple(kind.value for kind in AttachmentKind)


class ActivityAttachmentsPanel(QWidget):
    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        owner: OwnerKind = "activity",
        kinds: tuple[str, ...] = ALL_KINDS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.owner: OwnerKind = owner
        self.activity_id: int | None = None  # the owner's id (an activity, meeting or finding)
        self.setAcceptDrops(True)
        self.kind = QComboBox()
        for kind in kinds:
            self.kind.addItem(kind_label(owner, kind), kind)
        self.add_button = QPushButton("添加文件…")
        self.caption_button = QPushButton("修改说明…")
        self.open_button = QPushButton("打开")
        self.remove_button = QPushButton("删除")
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("新增附件类型"))
        buttons.addWidget(self.kind)
        for button in (self.add_button, self.caption_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        what = {
            "activity": "照片、签到表扫描件或审批文件",
            "meeting": "签字后的签到表扫描件或会议照片",
            "finding": "整改前后的照片或整改报告",
        }[owner]
        self.hint = QLabel(f"可把{what}直接拖到这里；文件会复制到程序的数据文件夹中保存。")
        self.hint.setObjectName("hint")
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(150, 140))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self.add_button.clicked.connect(self.choose_files)
        self.caption_button.clicked.connect(self.edit_caption)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemDoubleClicked.connect(lambda _i: self.open_selected())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.set_activity(None)

    @property
    def db(self) -> Database:
        return self.context.workspace.db

    def set_activity(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.setEnabled(activity_id is not None)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        rows = (
            []
            if self.activity_id is None
            else service.list_owned_attachments(self.db, self.owner, self.activity_id)
        )
        folder = self.context.workspace.folder
        for row in rows:
            item = QListWidgetItem(
                self._icon(row), f"{kind_label(self.owner, row.kind)}\n{row.caption}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row)
            path = service.existing_file(folder, row)
            item.setToolTip(f"{row.original_name}\n{path if path is not None else '（文件缺失）'}")
            self.list.addItem(item)
        self._update_buttons()

    def _icon(self, row: AttachmentRow) -> QIcon:
        path = service.existing_file(self.context.workspace.folder, row)
        if service.is_image(row) and path is not None:
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image))
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def selected(self) -> AttachmentRow | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.caption_button, self.open_button, self.remove_button):
            button.setEnabled(has)

    def add_files(self, paths: list[Path]) -> None:
        if self.activity_id is None or not paths:
            return
        try:
            service.add_owned_attachments(
                self.db,
                self.context.workspace.folder,
                self.owner,
                self.activity_id,
                paths,
                self.kind.currentData(),
            )
        except UserError as exc:
            self.context.show_error(self, exc)
        self.reload()

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            "添加附件",
            "",
            "图片和文档 (*.jpg *.jpeg *.png *.bmp *.gif *.pdf *.doc *.docx);;所有文件 (*)",
        )
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.activity_id is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files(paths)

    def edit_caption(self) -> None:
        """Ask for the selected attachment's caption and save it.

        A caption someone else changed meanwhile is not overwritten: 重新载入 reopens the
        question on the newest caption; 留在此处 reopens it with what the clerk typed.
        """
        row = self.selected()
        if row is None:
            return
        text = row.caption
        while True:
            text, ok = QInputDialog.getText(self, "附件说明", "说明（如：义诊现场照片）", text=text)
            if not ok:
                return
            try:
                service.set_caption(self.db, row.id, text, service.seen_caption(row))
            except StaleRecord as exc:
                if offer_reload(self, exc.message):
                    self.reload()
                    newest = self._select(row.id)
                    if newest is None:
                        return
                    row, text = newest, newest.caption
                continue
            except UserError as exc:
                self.context.show_error(self, exc)
                return
            self.reload()
            self._select(row.id)
            return

    def _select(self, attachment_id: int) -> AttachmentRow | None:
        """Make the attachment with this id current; its row, or None when it is gone."""
        for i in range(self.list.count()):
            row = self.list.item(i).data(Qt.ItemDataRole.UserRole)
            if row.id == attachment_id:
                self.list.setCurrentRow(i)
                return row
        return None

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:  # from the office server when another PC added it (one file: a moment)
            path = service.local_file(
                self.db, self.context.workspace.folder, row.sha256, row.suffix
            )
        except UserError as exc:
            self.context.show_error(self, exc)
            return
        if path is None:
            self.context.show_error(self, UserError("附件文件缺失，无法打开"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(self, "删除附件", f"确定删除附件“{row.caption or row.original_name}”吗？"):
            return
        service.remove_attachment(self.db, self.context.workspace.folder, row.id)
        self.reload()
