"""设置 → 名单维护: the editable lists of 科室, 党支部 and 志愿服务队."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wenming_desktop.services.roster import roster_lists
from wenming_desktop.storage.database import Database
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.widgets.list_editor import EditorItem, ListEditor


def _editor(db: Database, key: str) -> ListEditor:
    def load() -> list[EditorItem]:
        return [
            EditorItem(id=i.id, name=i.name, flag=False, uses=i.uses)
            for i in roster_lists.list_items(db, key)
        ]

    def save(item_id: int | None, name: str, _flag: bool) -> int:
        if item_id is None:
            return roster_lists.add_item(db, key, name)
        roster_lists.rename_item(db, key, item_id, name)
        return item_id

    return ListEditor(
        roster_lists.KINDS[key].label, load, save, lambda i: roster_lists.delete_item(db, key, i)
    )


class RosterListsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("名单维护")
        db = context.workspace.db
        self.editors = {key: _editor(db, key) for key in roster_lists.KINDS}
        hint = QLabel("已被志愿者或活动使用的项目可以改名，不能删除。")
        hint.setObjectName("hint")
        row = QHBoxLayout()
        for editor in self.editors.values():
            row.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)

    def refresh(self) -> None:
        for editor in self.editors.values():
            editor.refresh()
