"""The checkup entry form driven by the keyboard only: ten paper forms typed in a row."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.checkup_support import World, id_number, make_world
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import residents
from wenming_desktop.storage.models import Checkup
from wenming_desktop.ui.pages.checkups.checkup_entry import CheckupEntry
from wenming_desktop.ui.pages.checkups.checkup_fields import ALERT_STYLE
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage

# name, birth year, how the clerk finds the person (pinyin initials or ID tail)
PEOPLE = [
    ("张三丰", 1948, "zsf"),
    ("李秀英", 1952, "lxy"),
    ("王建国", 1970, "wjg"),  # under 60: no self-care assessment
    ("刘桂兰", 1946, "lgl"),
    ("陈志强", 1955, "czq"),
    ("杨淑珍", 1950, "ysz"),
    ("赵德胜", 1949, "TAIL"),  # found by the last digits of the ID number
    ("黄玉梅", 1975, "hym"),  # under 60
    ("周文华", 1944, "zwh"),
    ("吴春生", 1958, "TAIL"),
]


def typed(qtbot, text: str) -> None:
    """Type into whatever has the focus, then press Enter: the keyboard only."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def world(workspace) -> World:
    made = make_world(workspace.db)
    for i, (name, year, _how) in enumerate(PEOPLE):
        residents.add_resident(
            workspace.db,
            ResidentData(made.village_id, name, id_number(date(year, 3, 1 + i), 100 + i)),
        )
    return made


@pytest.fixture
def entry(window, world: World, qtbot) -> CheckupEntry:
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.picker.search)
    qtbot.waitUntil(lambda: not page.entry.loading and page.entry.day is not None)
    return page.entry


def _find_text(how: str, index: int) -> str:
    if how != "TAIL":
        return how
    year = PEOPLE[index][1]
    return id_number(date(year, 3, 1 + index), 100 + index)[-5:]


def test_ten_checkups_by_keyboard_only(entry: CheckupEntry, world: World, qtbot, workspace) -> None:
    for i, (name, year, how) in enumerate(PEOPLE):
        assert QApplication.focusWidget() is entry.picker.search
        typed(qtbot, _find_text(how, i))
        assert entry.resident is not None and entry.resident.name == name
        elderly = world.day.year - year >= 60
        assert entry.form.self_care_box.isVisible() == elderly
        typed(qtbot, str(150 + i))  # height
        typed(qtbot, f"{55 + i}.5")  # weight
        typed(qtbot, "")  # waist left empty
        typed(qtbot, str(120 + 5 * i))  # systolic
        typed(qtbot, str(70 + 3 * i))  # diastolic
        typed(qtbot, "72")  # heart rate
        typed(qtbot, f"5.{i}")  # glucose
        typed(qtbot, "12" if i % 2 else "")  # chronic conditions by number
        if elderly:
            typed(qtbot, "")  # the constitution questionnaire left out
        typed(qtbot, "qx" if i % 3 == 0 else "1")  # constitution by initials or number
        typed(qtbot, "")  # no override reason
        if elderly:
            for score in ("0", "1", "0", "0", "5"):
                typed(qtbot, score)
        typed(qtbot, "")  # conclusion
        typed(qtbot, "")  # advice
        typed(qtbot, "d001" if i == 0 else "")  # doctor once; it stays for the next forms
        assert entry.error.text() == ""
        assert entry.status.text().startswith(f"已保存：{name}")

    with workspace.db.read() as session:
        stored = session.scalars(select(Checkup).order_by(Checkup.id)).all()
        assert len(stored) == 10
        for i, (checkup, (name, year, _how)) in enumerate(zip(stored, PEOPLE, strict=True)):
            assert checkup.resident.name == name
            assert checkup.checkup_date == world.day
            assert checkup.activity_id == world.day_id
            assert checkup.height_cm == 150 + i and checkup.weight_kg == 55 + i + 0.5
            assert checkup.waist_cm is None
            assert (checkup.systolic, checkup.diastolic) == (120 + 5 * i, 70 + 3 * i)
            assert checkup.heart_rate == 72 and checkup.fasting_glucose == float(f"5.{i}")
            assert checkup.chronic_conditions == ("高血压、糖尿病" if i % 2 else "")
            assert checkup.constitution == ("气虚质" if i % 3 == 0 else "平和质")
            assert checkup.doctor_id == world.doctor_id
            scores = (
                checkup.self_care_eating,
                checkup.self_care_grooming,
                checkup.self_care_dressing,
                checkup.self_care_toilet,
                checkup.self_care_moving,
            )
            elderly = world.day.year - year >= 60
            assert scores == ((0, 1, 0, 0, 5) if elderly else (None,) * 5)
    qtbot.waitUntil(lambda: entry.saved_model.rowCount() == 10)
    assert entry.status.text() == "已保存：吴春生。本次共录入 10 人"


def test_implausible_value_refused_at_the_field(entry: CheckupEntry, qtbot, workspace) -> None:
    typed(qtbot, "zsf")
    for value in ("160", "60", "80"):
        typed(qtbot, value)
    assert QApplication.focusWidget() is entry.form.systolic
    typed(qtbot, "400")
    assert QApplication.focusWidget() is entry.form.systolic  # refused: the focus stays
    assert "收缩压" in entry.error.text() and "合理范围" in entry.error.text()
    qtbot.keyClick(entry.form.systolic, Qt.Key.Key_Backspace)
    assert entry.form.systolic.text() == ""
    typed(qtbot, "165")  # outside the threshold: accepted and highlighted
    assert entry.form.systolic.styleSheet() == ALERT_STYLE
    assert QApplication.focusWidget() is entry.form.diastolic
    assert "血压偏高 165/—" in entry.form.findings.text()  # judged on its own
    typed(qtbot, "95")
    assert "血压偏高 165/95" in entry.form.findings.text()
    assert "BMI 23.4" in entry.form.bmi_label.text()


def test_bad_self_care_score_refused_at_the_field(entry: CheckupEntry, qtbot) -> None:
    typed(qtbot, "zsf")
    entry.form.self_care["eating"].setFocus()
    typed(qtbot, "1")
    assert QApplication.focusWidget() is entry.form.self_care["eating"]
    assert "进餐" in entry.error.text()


def test_second_checkup_same_day_opens_the_first(entry: CheckupEntry, qtbot, workspace) -> None:
    typed(qtbot, "lxy")
    typed(qtbot, "158")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert entry.status.text().startswith("已保存：李秀英")
    typed(qtbot, "lxy")
    assert entry.checkup_id is not None
    assert "已有体检记录" in entry.mode.text()
    assert entry.form.height_cm.text() == "158"
    typed(qtbot, "159")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert entry.status.text().startswith("已更新：李秀英")
    with workspace.db.read() as session:
        assert session.scalars(select(Checkup.height_cm)).all() == [159]


def test_inline_new_resident(entry: CheckupEntry, qtbot, when_dialog_opens, workspace) -> None:
    number = id_number(date(1951, 7, 8), 321)

    def fill(dialog) -> None:
        dialog.name.setText("孙大娘")
        qtbot.keyClicks(dialog.id_number, number)
        assert "1951-07-08" in dialog.id_info.text()
        dialog.accept()

    when_dialog_opens(fill)
    typed(qtbot, "sdn")  # nobody matches: Enter offers a new resident
    assert entry.resident is not None and entry.resident.name == "孙大娘"
    assert entry.resident.gender == "男"
    assert entry.window().focusWidget() is entry.form.height_cm


def test_search_model_passes_modeltester(entry: CheckupEntry, qtmodeltester) -> None:
    qtmodeltester.check(entry.picker.model)
    qtmodeltester.check(entry.saved_model)


def test_print_signin_sheet_of_the_day(entry: CheckupEntry, qtbot, tmp_path) -> None:
    from tests.pdf_helpers import flat, pdf_text

    target = tmp_path / "签到.pdf"
    entry.print_signin(target, blank_rows=2)
    qtbot.waitUntil(lambda: entry.status.text().startswith("已生成"), timeout=10_000)
    text = flat(pdf_text(target))
    assert "东兴村老年人健康体检" in text and "张三丰" in text
    assert "王建国" not in text  # under 60


def test_switching_tabs_keeps_a_half_typed_form(entry: CheckupEntry, qtbot, window) -> None:
    typed(qtbot, "zsf")
    typed(qtbot, "170")
    page = window.show_page("健康体检")
    page.tabs.setCurrentWidget(page.registry)
    page.tabs.setCurrentWidget(page.entry)
    assert entry.resident is not None and entry.resident.name == "张三丰"
    assert entry.form.height_cm.text() == "170"
