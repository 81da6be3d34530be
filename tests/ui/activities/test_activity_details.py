"""An activity's details through the widgets: assigning volunteers, keying a signed sheet,
everyone at once, a correction, the free clinic, attachments and the evaluation."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.activity_helpers import make_activity, make_volunteers, open_sign_ins_of
from tests.ui.activity_ui_helpers import press, type_keys
from wenming_desktop.services.activities import activity_volunteers as vols
from wenming_desktop.services.activities.clinics import get_clinic
from wenming_desktop.services.activities.requests import get_evaluation
from wenming_desktop.ui.dialogs.activity_assign_dialog import AssignDialog
from wenming_desktop.ui.dialogs.activity_correction_dialog import CorrectionDialog
from wenming_desktop.ui.pages.activities.activities import ActivitiesPage
from wenming_desktop.ui.pages.activities.activity_sheet_model import SIGN_IN, SIGN_OUT

PEOPLE = [("1001", "张三丰", True), ("1002", "李四", True), ("1003", "王五", False)]


def _open(window, activity_id: int, qtbot=None) -> ActivitiesPage:
    if qtbot is not None:  # keyboard tests need the window active, so focus works
        window.activateWindow()
        qtbot.waitActive(window)
    window.open_activity(activity_id)
    page = window.pages["活动"]
    assert isinstance(page, ActivitiesPage)
    assert page.selected_id() == activity_id
    return page


def test_assign_with_the_keyboard_then_key_the_signed_sheet(
    window, qtbot, when_dialog_opens, monkeypatch
):
    db = window.context.workspace.db
    make_volunteers(db, PEOPLE)
    aid = make_activity(db, start=datetime(2026, 3, 17, 8, 30), hours=3)
    page = _open(window, aid, qtbot)
    panel = page.volunteers

    def assign(dialog: AssignDialog) -> None:
        assert dialog.model.rowCount() == 3
        qtbot.keyClicks(dialog.query, "zsf")  # pinyin initials, as on the roster page
        assert dialog.model.rowCount() == 1
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        assert "已添加 1 人：张三丰" in dialog.status.text()
        assert dialog.query.text() == ""
        qtbot.keyClicks(dialog.query, "1003")  # staff number
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.query, "ls")
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.query, "zsf")  # again: already on the sheet
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        assert "已在名单中：张三丰" in dialog.status.text()
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(assign)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    rows = vols.list_participations(db, aid)
    assert [(r.seq, r.name) for r in rows] == [(1, "张三丰"), (2, "王五"), (3, "李四")]
    assert panel.model.rowCount() == 3
    assert "本次添加 3 名志愿者：张三丰、王五、李四" in panel.hint.text()

    # keying the signed sheet: times in sheet order, Enter after each, no mouse
    window.activateWindow()  # back from the dialog
    qtbot.waitActive(window)
    qtbot.mouseClick(panel.key_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    type_keys(qtbot, "0830")
    press(qtbot, Qt.Key.Key_Return)
    assert panel.table.currentIndex().column() == SIGN_OUT
    type_keys(qtbot, "1135")
    press(qtbot, Qt.Key.Key_Return)
    assert (panel.table.currentIndex().row(), panel.table.currentIndex().column()) == (1, SIGN_IN)
    type_keys(qtbot, "845")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)  # 王五 left without signing out
    rows = vols.list_participations(db, aid)
    assert (rows[0].sign_in, rows[0].sign_out, rows[0].recorded_minutes) == (
        datetime(2026, 3, 17, 8, 30),
        datetime(2026, 3, 17, 11, 35),
        185,
    )
    assert (rows[1].sign_in, rows[1].sign_out) == (datetime(2026, 3, 17, 8, 45), None)
    assert "1 人只签到未签退" in panel.total.text()
    assert [o.volunteer for o in open_sign_ins_of(db)] == ["王五"]
    assert page.selected().total_minutes == 185  # the list row follows

    # a wrong time is refused with a message, nothing is written, the cursor stays
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    panel.table.setCurrentIndex(panel.model.index(0, SIGN_OUT))
    type_keys(qtbot, "0700")
    press(qtbot, Qt.Key.Key_Return)
    assert "早于签到时间" in shown[0]
    assert (panel.table.currentIndex().row(), panel.table.currentIndex().column()) == (0, SIGN_OUT)
    assert vols.list_participations(db, aid)[0].recorded_minutes == 185

    # everyone else at once from the activity times: 李四 only (王五 stays open)
    qtbot.mouseClick(panel.all_button, Qt.MouseButton.LeftButton)
    rows = vols.list_participations(db, aid)
    assert [r.recorded_minutes for r in rows] == [185, None, 180]

    # settle 王五 by a correction with its reason
    panel.table.setCurrentIndex(panel.model.index(1, 1))

    def correct(dialog: CorrectionDialog) -> None:
        dialog.hours.setValue(2.5)
        dialog.accept()
        assert "原因" in dialog.error.text()
        dialog.reason.setText("签退漏记，按活动记录更正")
        dialog.accept()

    when_dialog_opens(correct)
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    rows = vols.list_participations(db, aid)
    assert (rows[1].recorded_minutes, rows[1].corrected_minutes) == (None, 150)
    assert rows[1].correction_reason == "签退漏记，按活动记录更正"
    assert open_sign_ins_of(db) == []
    assert panel.model.index(1, 7).data() == "2.5"


def test_free_clinic_attachments_and_evaluation(window, qtbot, monkeypatch, tmp_path):
    db = window.context.workspace.db
    make_volunteers(db, PEOPLE[:1])  # department 内科
    aid = make_activity(db, category="健康生活(健康义诊/健康体检)")
    page = _open(window, aid, qtbot)

    clinic = page.clinic
    assert clinic.isEnabled()
    clinic.departments.item(0).setCheckState(Qt.CheckState.Checked)
    clinic.table.setFocus()
    clinic.table.setCurrentIndex(clinic.model.index(1, 1))  # 血压测量, 服务人次
    qtbot.waitUntil(lambda: QApplication.focusWidget() is clinic.table)
    type_keys(qtbot, "115")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(clinic.save_button, Qt.MouseButton.LeftButton)
    detail = get_clinic(db, aid)
    assert len(detail.present) == 1
    assert [(x.service, x.people_served) for x in detail.lines if x.people_served] == [
        ("血压测量", 115)
    ]

    # attachments: a real PNG by drag and drop, shown as a thumbnail with its caption
    photo = tmp_path / "义诊现场.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#b22222"))
    assert image.save(str(photo))
    panel = page.attachments
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(drop)  # the handler Qt calls on a drop (sendEvent skips drag bookkeeping)
    assert drop.isAccepted()
    assert panel.list.count() == 1
    item = panel.list.item(0)
    assert "义诊现场" in item.text()
    assert not item.icon().isNull()
    photo.unlink()  # the store keeps its own copy
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 0

    # 评单
    evaluation = page.evaluation
    evaluation.satisfaction.setValue(4)
    evaluation.comment.setPlainText("村民满意")
    qtbot.mouseClick(evaluation.save_button, Qt.MouseButton.LeftButton)
    assert get_evaluation(db, aid) == (4, "村民满意")


def test_clinic_tab_is_off_for_other_categories(window):
    db = window.context.workspace.db
    aid = make_activity(db, category="教育培训")
    page = _open(window, aid)
    assert not page.clinic.isEnabled()
    assert "不属于健康类别" in page.clinic.note.text()


def test_sheet_and_clinic_models_pass_the_model_tester(window, qtmodeltester):
    db = window.context.workspace.db
    make_volunteers(db, PEOPLE)
    aid = make_activity(db, category="健康生活(健康义诊/健康体检)")
    vols.assign_volunteers(db, aid, [1, 2, 3])
    page = _open(window, aid)
    assert page.volunteers.model.rowCount() == 3
    qtmodeltester.check(page.volunteers.model)
    assert page.clinic.model.rowCount() == 7
    qtmodeltester.check(page.clinic.model)
    qtmodeltester.check(page.checks.model)


def test_clinic_table_keys_down_a_column_per_department_and_keeps_unsaved_work(
    window, qtbot, monkeypatch
):
    db = window.context.workspace.db
    make_volunteers(db, PEOPLE[:1])  # department 内科
    clinic_id = make_activity(db, category="健康生活(健康义诊/健康体检)")
    other_id = make_activity(db, title="另一场活动")
    page = _open(window, clinic_id, qtbot)
    clinic = page.clinic

    # Enter goes down the 服务人次 column: 体格检查, 血压测量, 血糖测量
    clinic.table.setFocus()
    clinic.table.setCurrentIndex(clinic.model.index(0, 1))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is clinic.table)
    for figure in ("30", "115", "42"):
        type_keys(qtbot, figure)
        press(qtbot, Qt.Key.Key_Return)
    assert [clinic.model.index(r, 1).data() for r in range(3)] == ["30", "115", "42"]
    assert clinic.model.index(1, 2).data() == "0"  # nothing went into 发放
    assert clinic.has_unsaved()

    # 内科 ticked: its own figures, kept apart from 不分科室
    clinic.departments.item(0).setCheckState(Qt.CheckState.Checked)
    assert clinic.department_choice.count() == 2
    clinic.department_choice.setCurrentIndex(1)
    assert clinic.model.index(0, 1).data() == "0"
    clinic.model.setData(clinic.model.index(0, 1), "8")
    clinic.department_choice.setCurrentIndex(0)
    assert clinic.model.index(0, 1).data() == "30"
    assert "195 人次" in clinic.totals.text()

    # switching to another activity asks; 保存 keeps everything typed
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return QMessageBox.StandardButton.Save

    assert clinic.has_unsaved(), "before switch"
    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.open_activity(other_id)
    qtbot.waitUntil(lambda: page.selected_id() == other_id)
    assert asked and "未保存" in asked[0]
    detail = get_clinic(db, clinic_id)
    assert [x.people_served for x in detail.lines[:3]] == [38, 115, 42]
    department = detail.departments[0].id
    assert detail.by_department[department][0].people_served == 8
    assert not page.clinic.has_unsaved()


def test_closing_the_window_asks_about_unsaved_clinic_figures(window, qtbot, monkeypatch):
    db = window.context.workspace.db
    clinic_id = make_activity(db, category="健康生活(健康义诊/健康体检)")
    page = _open(window, clinic_id, qtbot)
    assert window.close()  # nothing typed yet: closes without a question
    window.show()
    page.clinic.model.setData(page.clinic.model.index(0, 1), "12")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Close]
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert not window.close()  # 取消: the window stays, the figure too
    assert window.isVisible() and page.clinic.has_unsaved()
    assert "义诊服务" in asked[0]
    assert window.close()  # 仍然关闭
