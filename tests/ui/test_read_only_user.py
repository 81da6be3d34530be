"""A 只读 user's window: no button that writes, masked ID numbers and mobiles everywhere."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from wenming_desktop.domain.access import CLERK, VIEWER, Actor
from wenming_desktop.domain.roster import VolunteerData
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.ui.app import build_window
from wenming_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog
from wenming_desktop.ui.main_window import PAGES
from wenming_desktop.ui.roles import is_reading

WRITING = {"新增结对村", "新增志愿者", "新增活动", "从Excel导入…", "立即备份", "保存文字", "删除"}
SHOTS = Path("/work/wt/_shots/safety")


def visible_buttons(window, title: str) -> set[str]:  # type: ignore[no-untyped-def]
    page = window.show_page(title)
    QApplication.processEvents()
    return {b.text() for b in page.findChildren(QPushButton) if not b.isHidden()}


@pytest.mark.parametrize("role", [VIEWER, CLERK])
def test_a_read_only_user_sees_no_writing_button(
    qtbot, prepared_app, demo_workspace: Workspace, role: str
) -> None:
    demo_workspace.db.actor = Actor("someone", "某人", role)
    window = build_window(demo_workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen: set[str] = set()
    for entry in PAGES:
        shown = visible_buttons(window, entry.title)
        seen |= shown
        if role == VIEWER:
            assert all(is_reading(text) for text in shown), (entry.title, shown)
            if os.environ.get("WENMING_SHOTS") and SHOTS.is_dir():
                window.grab().save(str(SHOTS / f"readonly-{entry.title}.png"))
    if role == VIEWER:
        assert not seen & WRITING
        assert {"导出花名册…", "生成归档材料包…"} <= seen  # reading stays
        unmask = window.show_page("志愿者").unmasked
        assert unmask.isHidden() and not unmask.isChecked()
    else:
        assert seen >= WRITING
    window.context.runner.wait(10_000)


def test_the_villages_list_masks_contact_mobiles(qtbot, prepared_app, demo_workspace) -> None:
    window = build_window(demo_workspace)
    qtbot.addWidget(window)
    page = window.show_page("结对村")
    page.refresh()
    model = page.model
    column = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    phones = [
        str(model.data(model.index(r, column.index("联系电话")))) for r in range(model.rowCount())
    ]
    assert phones and all(not re.search(r"1[3-9]\d{9}", p) for p in phones)
    assert any("****" in p for p in phones)
    window.context.runner.wait(10_000)


def test_the_volunteer_dialog_of_a_read_only_user_masks_and_edits_nothing(qtbot) -> None:
    data = VolunteerData(name="张三", id_number="23040319800101123X", phone="13904681234")
    dialog = VolunteerDialog(lambda _d: None, {}, data, view_only=True)
    qtbot.addWidget(dialog)
    assert dialog.id_number.text() == "230403********123X"
    assert dialog.phone.text() == "139****1234"
    assert dialog.id_number.isReadOnly() and not dialog.gender.isEnabled()
    visible = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    assert visible == ["关闭"]
    if os.environ.get("WENMING_SHOTS") and SHOTS.is_dir():
        dialog.show()
        dialog.grab().save(str(SHOTS / "readonly-volunteer-dialog.png"))
