"""设置 → 活动类别与义诊项目: the two editable lists, side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wenming_desktop.domain.edits import Seen
from wenming_desktop.services.activities import activity_lists
from wenming_desktop.services.activities.activity_lists import ListData
from wenming_desktop.ui.context import PageContext
from wenming_desktop.ui.widgets.list_editor import EditorItem, ListEditor


def _seen(editor: ListEditor, item_id: int | None) -> Seen[ListData] | None:
    """What the editor showed of the item being saved (None when adding a new one)."""
    item = editor.selected()
    if item_id is None or item is None or item.id != item_id:
        return None
    return activity_lists.seen_as_listed(item.name, item.flag, item.version)


class ActivityListsSettingsTab(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("活动类别与义诊项目")
        db = context.workspace.db
        self.categories = ListEditor(
            "活动类别",
            lambda: [
                EditorItem(id=c.id, name=c.name, flag=c.is_health, uses=c.used, version=c.version)
                for c in activity_lists.list_categories(db)
            ],
            lambda i, name, health: activity_lists.save_category(
                db, i, name, health, _seen(self.categories, i)
            ),
            lambda i: activity_lists.delete_category(db, i),
            flag=("健康类（填写义诊）", "健康类（活动需要填写义诊科室和服务人次）"),
        )
        self.services = ListEditor(
            "义诊服务项目",
            lambda: [
                EditorItem(id=s.id, name=s.name, flag=False, uses=s.used, version=s.version)
                for s in activity_lists.list_service_kinds(db)
            ],
            lambda i, name, _health: activity_lists.save_service_kind(
                db, i, name, _seen(self.services, i)
            ),
            lambda i: activity_lists.delete_service_kind(db, i),
        )
        hint = QLabel("已被使用的项目可以改名，不能删除。")
        hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.categories, 3)
        row.addWidget(self.services, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)

    def refresh(self) -> None:
        self.categories.refresh()
        self.services.refresh()
