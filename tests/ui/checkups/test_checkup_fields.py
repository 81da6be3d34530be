"""The entry form's keyboard fields on their own: codes by number or pinyin, refusals."""

from __future__ import annotations

import pytest

from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import CHRONIC_CONDITIONS, TCM_CONSTITUTIONS
from wenming_desktop.ui.pages.checkups.checkup_fields import ALERT_STYLE, CodeField, NumberField


def test_code_field_by_number_and_initials(qtbot) -> None:
    field = CodeField(TCM_CONSTITUTIONS)
    qtbot.addWidget(field)
    for text, expected in (("2", "气虚质"), ("tsz", "痰湿质"), ("ph", "平和质"), ("", "")):
        field.setText(text)
        assert field.value() == expected
    field.setText("q")  # 气虚质 and 气郁质
    with pytest.raises(UserError, match="对应多个选项"):
        field.value()
    assert not field.check() and field.styleSheet() == ALERT_STYLE
    field.setText("0")
    with pytest.raises(UserError, match="1–9"):
        field.value()


def test_multi_code_field(qtbot) -> None:
    field = CodeField(CHRONIC_CONDITIONS, multi=True)
    qtbot.addWidget(field)
    field.setText("152")
    assert field.values() == ["高血压", "慢阻肺", "糖尿病"]
    field.setText("gxy tnb")
    assert field.values() == ["高血压", "糖尿病"]
    assert field.shown.text() == "高血压、糖尿病"
    field.set_values(["糖尿病", "冠心病"])
    assert field.text() == "23"


def test_doctor_codes_by_staff_number(qtbot) -> None:
    field = CodeField(["李医生（内科）", "李艺珊（中医科）"], keys=["D001", "D002"])
    qtbot.addWidget(field)
    field.setText("d002")
    assert field.indexes() == [1]
    field.setText("lys")  # both: 李医生 lys and 李艺珊 lys
    with pytest.raises(UserError):
        field.indexes()


def test_number_field(qtbot) -> None:
    field = NumberField("systolic", integer=True, band=lambda v: ALERT_STYLE if v >= 140 else "")
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "145")
    assert field.value() == 145 and field.styleSheet() == ALERT_STYLE
    field.setText("12.5")
    assert not field.check() and "整数" in field.error_text
    field.setText("abc")
    assert not field.check() and "不是数字" in field.error_text
    field.setText("１３０")  # full-width digits from a Chinese input method
    assert field.value() == 130
