"""健康体检台账 read back cell by cell (masked and not), the sign-in sheet read and rendered."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from tests.checkup_support import id_number, make_world
from tests.pdf_helpers import flat, pdf_pages, pdf_text, render_pages
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.exports.pdf.signin import SigninColumn, SigninHeading, build_signin_sheet
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.checkups.checkup_exports import (
    export_checkup_ledger,
    export_resident_signin,
)
from wenming_desktop.storage.models import AuditEntry


@pytest.fixture
def recorded(workspace):
    world = make_world(workspace.db)
    number = id_number(date(1950, 5, 6), 17)
    rid = residents.add_resident(
        workspace.db,
        ResidentData(
            world.village_id, "张三丰", number, phone="13912345678", group_name="第2村民小组"
        ),
    )
    young = residents.add_resident(
        workspace.db,
        ResidentData(
            world.village_id, "李青", id_number(date(1990, 1, 1), 3), group_name="第3村民小组"
        ),
    )
    checkups.save_checkup(
        workspace.db,
        CheckupData(
            rid,
            world.day,
            world.day_id,
            height_cm=160,
            weight_kg=80,
            systolic=150,
            diastolic=95,
            heart_rate=70,
            fasting_glucose=6.4,
            chronic_conditions=("高血压",),
            constitution="痰湿质",
            self_care={"eating": 0, "grooming": 1, "dressing": 0, "toilet": 5, "moving": 1},
            conclusion="=血压偏高",  # looks like a formula: must stay text
            advice="低盐饮食",
            doctor_id=world.doctor_id,
        ),
    )
    checkups.save_checkup(workspace.db, CheckupData(young, world.day, world.day_id))
    return world, number


def _rows(path: Path) -> list[tuple]:
    book = load_workbook(path)
    sheet = book["健康体检台账"]
    assert sheet.print_title_rows == "$1:$3"
    assert sheet.freeze_panes == "A4"
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


def test_ledger_masked_cell_by_cell(workspace, recorded, tmp_path: Path) -> None:
    world, number = recorded
    path = tmp_path / "台账.xlsx"
    count = export_checkup_ledger(workspace.db, path, world.day.year, world.village_id)
    assert count == 2
    rows = _rows(path)
    assert rows[0][0] == f"{world.day.year}年健康体检台账"
    assert "东兴村" in rows[1][0] and "已脱敏" in rows[1][0]
    assert rows[2][:10] == (
        "序号", "体检日期", "结对村", "村民小组", "姓名", "性别", "出生日期", "年龄", "身份证号",
        "联系电话",
    )  # fmt: skip
    first = rows[3]
    age = world.day.year - 1950 - ((world.day.month, world.day.day) < (5, 6))
    assert first[:10] == (
        1, first[1], "东兴村", "第2村民小组", "张三丰", "男", "1950-05-06", age,
        number[:6] + "********" + number[-4:], "139****5678",
    )  # fmt: skip
    assert first[1].date() == world.day
    # Health values masked; a value never measured (waist) stays empty, not "***".
    assert "健康数值已隐藏" in rows[1][0]
    assert first[10:17] == ("***", "***", "***", None, "***", "***", "***")
    assert first[17:21] == ("***", "***", None, "***")  # no questionnaire: nothing to hide
    assert first[21:26] == ("***", "***", "***", "李医生", None)
    assert rows[4][4] == "李青" and rows[4][10:24] == (None,) * 14  # nothing measured
    assert len(rows) == 5
    with workspace.db.read() as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "unmask")) is None


def test_ledger_unmasked_is_audited(workspace, recorded, tmp_path: Path) -> None:
    world, number = recorded
    path = tmp_path / "台账.xlsx"
    export_checkup_ledger(workspace.db, path, world.day.year, unmasked=True)
    rows = _rows(path)
    assert "已脱敏" not in rows[1][0] and "已隐藏" not in rows[1][0]
    first = rows[3]
    assert first[8:10] == (number, "13912345678")
    assert first[10:17] == (160, 80, 31.2, None, "150/95", 70, 6.4)
    assert first[17:21] == ("高血压", "痰湿质", None, "7分 轻度依赖")
    assert first[21] == "血压偏高 150/95；空腹血糖受损 6.4；BMI 31.2（肥胖）"
    assert first[22:26] == ("=血压偏高", "低盐饮食", "李医生", None)
    assert rows[4][4] == "李青" and rows[4][20] is None
    assert load_workbook(path)["健康体检台账"].cell(4, 23).data_type == "s"  # not a formula
    with workspace.db.read() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "unmask"))
        assert entry is not None and entry.entity == "checkup_ledger"
        values = json.loads(entry.new_values)
        assert values["rows"] == 2 and "健康数值" in values["fields"]


def test_ledger_follow_up_note_masked(workspace, recorded, tmp_path: Path) -> None:
    world, _number = recorded
    row = checkups.list_checkups(workspace.db, world.village_id, world.day.year)
    first = next(r for r in row if r.name == "张三丰")
    checkups.mark_followed_up(workspace.db, first.id, world.day, "王护士", "已复查，血压 138/85")
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    export_checkup_ledger(workspace.db, masked, world.day.year)
    export_checkup_ledger(workspace.db, full, world.day.year, unmasked=True)
    day = f"{world.day:%Y-%m-%d}"
    assert _rows(masked)[3][25] == f"{day} 王护士：***"  # who and when stay; the note is health
    assert _rows(full)[3][25] == f"{day} 王护士：已复查，血压 138/85"


def test_read_only_user_cannot_export_unmasked(workspace, recorded, tmp_path: Path) -> None:
    from wenming_desktop.domain.access import VIEWER, Actor

    world, _number = recorded
    workspace.db.actor = Actor("guest", "访客", VIEWER)
    path = tmp_path / "台账.xlsx"
    with pytest.raises(UserError, match="只读"):
        export_checkup_ledger(workspace.db, path, world.day.year, unmasked=True)
    assert not path.exists()
    assert export_checkup_ledger(workspace.db, path, world.day.year) == 2  # masked is fine


def test_ledger_of_an_empty_year(workspace, recorded, tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    assert export_checkup_ledger(workspace.db, path, 2001) == 0
    assert len(_rows(path)) == 3


def test_resident_signin_sheet(workspace, recorded, tmp_path: Path) -> None:
    world, number = recorded
    path = tmp_path / "签到表.pdf"
    assert export_resident_signin(workspace.db, world.day_id, path, True, blank_rows=3) == 1
    text = flat(pdf_text(path))
    assert "东兴村老年人健康体检" in text and "村民签到表" in text
    assert "张三丰" in text and "李青" not in text  # 60 and over only
    assert number[:6] + "********" + number[-4:] in text and number not in text
    assert "地点：东兴村村委会" in text and "主办单位：县中医院" in text
    assert "第 1 页 共 1 页" in text
    assert render_pages(path, tmp_path)


def test_signin_header_repeats_on_every_page(tmp_path: Path) -> None:
    path = tmp_path / "长表.pdf"
    heading = SigninHeading("志愿服务活动", "志愿者签到表", "2026年5月1日", "广场", "县中医院")
    columns = [SigninColumn("姓名"), SigninColumn("科室"), SigninColumn("签到时间")]
    rows = [[f"志愿者{i}", "内科", ""] for i in range(120)]
    rows[0][1] = "中医康复与针灸推拿科门诊部第二病区"  # too long for its column: wraps
    build_signin_sheet(path, heading, columns, rows, blank_rows=10)
    pages = pdf_pages(path)
    assert pages >= 4
    document_text = pdf_text(path)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(pdf, start=1):
            text = page.get_textpage().get_text_range()
            assert "签到时间" in text, f"header missing on page {number}"
            assert f"第 {number} 页 共 {pages} 页" in text
    finally:
        pdf.close()
    assert "志愿者119" in document_text and "130" in document_text
    assert "中医康复与针灸推拿科门诊部第二病区" in flat(document_text)
    assert len(render_pages(path, tmp_path)) == pages


def test_signin_without_anyone_needs_blank_rows(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    with pytest.raises(UserError, match="空白行"):
        export_resident_signin(workspace.db, world.day_id, tmp_path / "x.pdf", True, 0)
    assert not (tmp_path / "x.pdf").exists()


def test_ledger_shows_the_questionnaire_judgement(workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    rid = residents.add_resident(
        workspace.db, ResidentData(world.village_id, "王秀英", id_number(date(1950, 3, 4), 7))
    )
    answers = "1" + "55" + "1" * 10 + "5" + "1" * 19  # 气虚质 16 是
    checkups.save_checkup(
        workspace.db,
        CheckupData(rid, world.day, tcm_answers=answers, constitution="阳虚质",
                    constitution_override_reason="舌淡胖"),
    )  # fmt: skip
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    export_checkup_ledger(workspace.db, masked, world.day.year)
    export_checkup_ledger(workspace.db, full, world.day.year, unmasked=True)
    assert _rows(full)[2][18:20] == ("中医体质", "体质辨识（问卷）")
    assert _rows(full)[3][18:20] == ("阳虚质", "是气虚质（医生改判：舌淡胖）")
    assert _rows(masked)[3][18:20] == ("***", "***")
