"""A resident known only by 出生年月: the registry list shows 1985-03 and the age from the
first day of that month; editing through the dialog keeps the year-month."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from tests.checkup_support import make_world
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import residents
from wenming_desktop.ui.dialogs.resident_dialog import ResidentDialog
from wenming_desktop.ui.pages.checkups.checkup_residents import COLUMNS
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage

SHOTS = os.environ.get("WENMING_SHOTS")  # a folder: the list and the dialog saved as PNGs


def test_list_and_dialog_keep_the_year_month(window, workspace, qtbot, when_dialog_opens) -> None:
    world = make_world(workspace.db)
    rid = residents.add_resident(
        workspace.db,
        ResidentData(
            world.village_id, "郭大爷", birth_date=date(1950, 3, 9), birth_precision="month"
        ),
    )
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    page.tabs.setCurrentWidget(page.registry)
    registry = page.registry
    qtbot.waitUntil(lambda: registry.model.rowCount() == 1)
    titles = [c.title for c in COLUMNS]
    birth = registry.model.index(0, titles.index("出生日期")).data()
    age = registry.model.index(0, titles.index("年龄")).data()
    today = date.today()
    assert birth == "1950-03"
    assert int(age) == today.year - 1950 - (today.month < 3)
    if SHOTS:
        window.resize(1366, 768)
        window.grab().save(str(Path(SHOTS) / "resident_list_month_only.png"))
    hints: list[str] = []

    def edit(dialog: ResidentDialog) -> None:
        hints.append(dialog.id_info.text())
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "resident_dialog_month_only.png"))
        dialog.address.setText("东兴村1号")
        dialog.accept()

    when_dialog_opens(edit)
    registry.table.selectRow(0)
    qtbot.mouseClick(registry.edit_button, Qt.MouseButton.LeftButton)
    assert hints == ["未填身份证号；出生日期 1950-03"]
    data = residents.get_resident(workspace.db, rid)
    assert (data.address, data.birth_date, data.birth_precision) == (
        "东兴村1号",
        date(1950, 3, 1),
        "month",
    )
