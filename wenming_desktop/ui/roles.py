"""What a 只读 user sees: no button that would change data.

A page's buttons are classified by what their label begins with: reading, printing and
exporting masked lists stay; every other button (新增, 编辑, 删除, 保存, 导入, 恢复, 签到 …) is
hidden for a user who may not write. New buttons are hidden by default until their label names
a reading verb, so a forgotten write button is never left clickable. The services refuse a
read-only user's writes in any case (Database.write); this only keeps the screen honest.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPushButton, QToolButton, QWidget

from wenming_desktop.domain.access import Actor

READING_LABELS = (
    "导出",
    "打印",
    "查看",
    "打开",
    "显示",
    "查验",
    "查找",
    "搜索",
    "筛选",
    "刷新",
    "清空",
    "生成归档材料包",
    "签到表(PDF)",
    "活动记录表(PDF)",
    "上一",
    "下一",
    "今天",
    "关于",
    "帮助",
)


def is_reading(label: str) -> bool:
    """Whether a button labelled `label` only reads (see READING_LABELS)."""
    text = label.replace("&", "").strip()
    return not text or text.startswith(READING_LABELS)


def apply_role(widget: QWidget, actor: Actor | None) -> None:
    """Hide the writing buttons inside `widget` when `actor` may not write, and the choices to
    export full ID numbers and mobiles (labelled with 完整) when `actor` may not unmask."""
    if actor is None:
        return
    if not actor.can_write:
        for button in widget.findChildren(QPushButton) + widget.findChildren(QToolButton):
            if not is_reading(button.text()):
                button.setVisible(False)
    if not actor.can_unmask:
        for box in widget.findChildren(QCheckBox):
            if "完整" in box.text():
                box.setChecked(False)
                box.setVisible(False)
