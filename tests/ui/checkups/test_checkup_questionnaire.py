"""The constitution questionnaire in the entry form: 33 digits typed in a row."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.checkup_support import World, id_number, make_world
from tests.ui.checkups.test_checkup_entry import typed
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import residents
from wenming_desktop.storage.models import Checkup
from wenming_desktop.ui.pages.checkups.checkup_entry import CheckupEntry
from wenming_desktop.ui.pages.checkups.checkups import CheckupsPage

# 平和质 q1=5 → 25; 阴虚质 q10=5, q21=2 → 9 倾向是: 基本是平和质
ANSWERS = "5" + "1" * 8 + "5" + "1" * 10 + "2" + "1" * 12
# q2, q3, q14 = 5: 气虚质 5+5+1+5 = 16 是
QI_DEFICIENT = "1" + "55" + "1" * 10 + "5" + "1" * 19


@pytest.fixture
def entry(window, workspace, qtbot) -> CheckupEntry:
    world: World = make_world(workspace.db)
    residents.add_resident(
        workspace.db, ResidentData(world.village_id, "张三丰", id_number(date(1948, 3, 1)))
    )
    page = window.show_page("健康体检")
    assert isinstance(page, CheckupsPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.picker.search)
    qtbot.waitUntil(lambda: not page.entry.loading and page.entry.day is not None)
    return page.entry


def _to_questionnaire(entry: CheckupEntry, qtbot) -> None:
    typed(qtbot, "zsf")
    for value in ("160", "64", "92", "", "", "", "", ""):  # BMI 25 → question 9 answers 3
        typed(qtbot, value)
    assert QApplication.focusWidget() is entry.form.questionnaire.answers


def test_33_digits_in_a_row_score_live_and_fill_the_constitution(entry, qtbot, workspace) -> None:
    _to_questionnaire(entry, qtbot)
    box = entry.form.questionnaire
    assert box.question.text().startswith("第 1 题：您精力充沛吗？")
    qtbot.keyClicks(box.answers, ANSWERS[:8])
    assert box.question.text().startswith("第 9 题：您感到身体超重不轻松吗？")
    assert "BMI 25，应答 3" in box.hint.text()
    assert box.sum_labels["气郁质"].text() == "4 否"  # 5–8 answered: shown at once
    assert box.sum_labels["特禀质"].text() == "—"
    qtbot.keyClicks(box.answers, ANSWERS[8:27])
    assert box.question.text().startswith("第 28 题：您腹部肥大吗？")
    assert "腰围 92 cm，应答 4" in box.hint.text()
    qtbot.keyClicks(box.answers, ANSWERS[27:])  # the 33rd moves on by itself
    assert QApplication.focusWidget() is entry.form.constitution
    assert box.sum_labels["平和质"].text() == "25 基本是"
    assert box.sum_labels["阴虚质"].text() == "9 倾向是"
    assert box.result.text() == "判定：基本是平和质；倾向是阴虚质"
    assert entry.form.constitution.value() == "平和质"
    qtbot.keyClick(entry.form.constitution, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert entry.status.text().startswith("已保存：张三丰"), entry.error.text()
    with workspace.db.read() as session:
        stored = session.scalars(select(Checkup)).one()
        assert (stored.tcm_answers, stored.constitution) == (ANSWERS, "平和质")


def test_a_digit_inside_the_row_corrects_that_answer(entry, qtbot) -> None:
    _to_questionnaire(entry, qtbot)
    box = entry.form.questionnaire
    qtbot.keyClicks(box.answers, "1" * 33)
    assert entry.form.constitution.value() == "平和质"
    box.answers.setFocus()
    box.answers.setCursorPosition(1)
    assert box.current_question() == 2
    qtbot.keyClicks(box.answers, "559")  # q2, q3 ← 5; 9 is no answer
    assert box.answers.text() == "1551" + "1" * 29
    assert box.sum_labels["气虚质"].text() == "12 是"
    assert entry.form.constitution.value() == "气虚质"  # re-scored as typed


def test_override_needs_a_reason_then_is_kept(entry, qtbot, workspace) -> None:
    _to_questionnaire(entry, qtbot)
    qtbot.keyClicks(entry.form.questionnaire.answers, QI_DEFICIENT)
    assert entry.form.constitution.value() == "气虚质"
    entry.form.constitution.setText("3")  # 阳虚质 by number
    qtbot.keyClick(entry.form.constitution, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "与问卷判定（气虚质）不一致：改判请填写理由" in entry.error.text()
    entry.form.override_reason.setText("舌淡胖，脉沉迟")
    qtbot.keyClick(entry.form.constitution, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert entry.status.text().startswith("已保存：张三丰"), entry.error.text()
    with workspace.db.read() as session:
        stored = session.scalars(select(Checkup)).one()
        assert (stored.constitution, stored.constitution_override_reason) == (
            "阳虚质",
            "舌淡胖，脉沉迟",
        )
    typed(qtbot, "zsf")  # opened again: answers, override and reason come back
    assert entry.form.questionnaire.answers.text() == QI_DEFICIENT
    assert entry.form.constitution.value() == "阳虚质"
    assert entry.form.override_reason.text() == "舌淡胖，脉沉迟"


def test_half_answered_questionnaire_is_refused(entry, qtbot) -> None:
    _to_questionnaire(entry, qtbot)
    typed(qtbot, "12345")
    assert QApplication.focusWidget() is entry.form.questionnaire.answers
    assert "只答了 5 题（共 33 题）" in entry.error.text()


def test_print_the_days_guidance_and_one_from_the_records(
    entry, qtbot, window, workspace, tmp_path
) -> None:
    from tests.pdf_helpers import flat, pdf_pages, pdf_text

    _to_questionnaire(entry, qtbot)
    qtbot.keyClicks(entry.form.questionnaire.answers, QI_DEFICIENT)
    qtbot.keyClick(entry.form.constitution, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert entry.guidance_button.isEnabled()
    day_pdf = tmp_path / "本次.pdf"
    entry.print_guidance(day_pdf)
    qtbot.waitUntil(lambda: entry.status.text().startswith("已生成中医体质保健指导 1 人"))
    assert pdf_pages(day_pdf) == 1
    assert "您的中医体质：气虚质" in flat(pdf_text(day_pdf))

    page = window.show_page("健康体检")
    records = page.records
    page.tabs.setCurrentWidget(records)
    qtbot.waitUntil(lambda: records.model.rowCount() == 1)
    records.table.selectRow(0)
    assert records.guidance_button.isEnabled()
    history = {
        records.history.index(r, 0).data(): records.history.index(r, 1).data()
        for r in range(records.history.rowCount())
    }
    assert history.get("体质问卷") == "***", history  # masked until 显示健康数值
    records.health.setChecked(True)
    qtbot.waitUntil(lambda: records.model.rowCount() == 1)
    records.table.selectRow(0)
    history = {
        records.history.index(r, 0).data(): records.history.index(r, 1).data()
        for r in range(records.history.rowCount())
    }
    assert history["体质问卷"] == "是气虚质"
    one_pdf = tmp_path / "一人.pdf"
    records.print_guidance(records.selected().id, one_pdf)
    qtbot.waitUntil(lambda: records.status.text().startswith("已生成张三丰的中医体质保健指导"))
    assert "姓名：张三丰" in flat(pdf_text(one_pdf))


def test_import_results_through_the_preview(
    entry, qtbot, when_dialog_opens, workspace, tmp_path
) -> None:
    from openpyxl import Workbook

    from wenming_desktop.ui.dialogs.import_preview import ImportPreviewDialog

    book = Workbook()
    book.active.append(["姓名", "收缩压", "舒张压", *(f"第{n}题" for n in range(1, 34))])
    book.active.append(["张三丰", 135, 85, *map(int, QI_DEFICIENT)])
    path = tmp_path / "体检.xlsx"
    book.save(path)
    seen: list[ImportPreviewDialog] = []

    def accept(dialog) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        seen.append(dialog)
        assert not dialog.import_valid.isVisible()  # all or nothing
        dialog.import_all.click()

    when_dialog_opens(accept)
    entry.import_file(path)
    qtbot.waitUntil(lambda: entry.status.text().startswith("已导入体检结果"), timeout=10_000)
    assert entry.status.text() == "已导入体检结果：新增 1 人，更新 0 人"
    assert seen and seen[0].rows_model.rowCount() == 1
    qtbot.waitUntil(lambda: entry.saved_model.rowCount() == 1)
    with workspace.db.read() as session:
        stored = session.scalars(select(Checkup)).one()
        assert (stored.constitution, stored.systolic) == ("气虚质", 135)
