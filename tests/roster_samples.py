"""Sample workbooks for the roster tests: a deliberately messy HR sheet and a registry export.

Formulas are written with their cached results patched into the XML afterwards (openpyxl itself
never stores results), so the reader sees what Excel would have saved.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

from wenming_desktop.domain.identity import id_check_char


def valid_id(first17: str) -> str:
    return first17 + id_check_char(first17)


ID_ZHANG = valid_id("23040219850302001")  # 张三丰
# A first-17 whose check character is X, to be written with a lower-case x.
ID_X = "11010519491231002X"
ID_QIAN = valid_id("23040219900101004")


def set_cached_values(path: Path, sheet_xml: str, values: dict[str, str]) -> None:
    """Give formula cells a saved result, as Excel does when it saves a workbook."""
    temp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temp, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == sheet_xml:
                text = data.decode()
                for ref, value in values.items():
                    text, count = re.subn(
                        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
                        rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{escape(value)}</v>',
                        text,
                    )
                    assert count == 1, ref
                data = text.encode()
            target.writestr(item, data)
    shutil.move(temp, path)


def messy_hr_workbook(path: Path, *, with_bad_rows: bool = True) -> Path:
    """An HR sheet as HR sends it: title row, two-row merged header, odd wording, dirty values.

    Rows (Excel row numbers): 4 张三丰 (clean), 5 李四 (lower-case x, text date 1949年12月31日,
    phone as text with full-width digits), 6 赵六 (full-width spaces, full-width staff number,
    serial date), 7 钱七 (职称 as a formula with cached result), and with `with_bad_rows`:
    8 王五 (ID stored as a number), 9 孙八 (bad mobile, bad check digit); then blank rows.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "职工名册"
    sheet["A1"] = "鹤岗市中医院 2024年 在职职工花名册"
    sheet.merge_cells("A1:K1")
    for col, text in zip("ABCD", ("序号", "姓\u3000\u3000名", "职工号", "科室/部门"), strict=True):
        sheet[f"{col}2"] = text
        sheet.merge_cells(f"{col}2:{col}3")
    sheet["E2"] = "基本信息"
    sheet.merge_cells("E2:H2")
    for col, text in zip("EFGH", ("性别", "出生年月", "身份证号码", "政治面貌"), strict=True):
        sheet[f"{col}3"] = text
    for col, text in zip("IJK", ("联系电话", "职 称", "职务"), strict=True):
        sheet[f"{col}2"] = text
        sheet.merge_cells(f"{col}2:{col}3")
    rows = [
        (
            1,
            "张三丰",
            1001,
            "内科",
            "男",
            "1985.03.02",
            ID_ZHANG,
            "中共党员",
            13812345678,
            "主治医师",
            "",
        ),
        (
            2,
            "李四",
            "1002",
            "外科",
            "女",
            "1949年12月31日",
            ID_X.lower(),
            "群众",
            "１３８ １２３４ ５６７９",
            "护师",
            "护士长",
        ),
        (
            3,
            "赵\u3000六",
            "１００３",
            "针灸科",
            "男",
            31108,
            "",
            "共青团员",
            "13812345680",
            "医师",
            "",
        ),
        (
            4,
            " 钱七 ",
            1004,
            "内科",
            "女",
            datetime(1990, 1, 1),
            ID_QIAN,
            "中共党员",
            "13812345681",
            None,
            "",
        ),
    ]
    if with_bad_rows:
        rows += [
            (
                5,
                "王五",
                1005,
                "外科",
                "男",
                "1980-5-6",
                230402198005060000,
                "群众",
                "13812345682",
                "医师",
                "",
            ),
            (
                6,
                "孙八",
                1006,
                "内科",
                "女",
                "1980/13/01",
                ID_ZHANG[:-1] + "0",
                "群众",
                "1381234",
                "医师",
                "",
            ),
        ]
    for i, row in enumerate(rows):
        excel_row = 4 + i
        for col, value in zip("ABCDEFGHIJK", row, strict=True):
            if value is not None:
                sheet[f"{col}{excel_row}"] = value
    sheet["J7"] = '="主治"&"医师"'
    sheet["F6"].number_format = "yyyy-mm-dd"  # 31108 shown as a date
    sheet["A1"].value = sheet["A1"].value  # title kept
    # blank trailing rows: empty strings, a lone space, a formatted but empty cell
    last = 4 + len(rows)
    sheet[f"B{last}"] = ""
    sheet[f"C{last + 1}"] = " "
    sheet[f"D{last + 3}"].number_format = "@"
    book.save(path)
    set_cached_values(path, "xl/worksheets/sheet1.xml", {"J7": "主治医师"})
    return path


def registry_workbook(path: Path, rows: list[tuple[object, ...]]) -> Path:
    """A national-system roster export: (name, phone, id, volunteer no, registered, hours)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "志愿者列表"
    sheet.append(["志愿者导出列表"])
    sheet.append(["姓名", "手机号码", "证件号码", "志愿者编号", "注册时间", "服务时长（小时）"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def small_roster(db) -> dict[str, int]:
    """Three volunteers with known hours: 张三丰 50 h in 2025 (Jan 20 h, Mar 30 h) plus 2024
    60 h; 李四 10 h in 2025 with a correction; 王五 unregistered, none. Returns name → id."""
    from wenming_desktop.storage.models import (
        Activity,
        Category,
        Department,
        Participation,
        Setting,
        Village,
        Volunteer,
    )

    with db.write() as s:
        s.merge(Setting(key="hospital_name", value="测试中医院"))
        village = Village(name="东兴村")
        internal = Department(name="内科")
        surgery = Department(name="外科")
        s.add_all([village, internal, surgery])
        category = s.query(Category).first()
        people = {
            "张三丰": Volunteer(name="张三丰", staff_no="1001", pinyin_initials="zsf",
                                department=internal, registered=True, registry_no="R1",
                                id_number=ID_ZHANG, phone="13812345678", gender="男"),
            "李四": Volunteer(name="李四", staff_no="1002", pinyin_initials="ls",
                              department=surgery, registered=True, registry_no="R2",
                              phone="13812345679"),
            "王五": Volunteer(name="王五", staff_no="1003", pinyin_initials="ww",
                              department=surgery, registered=False),
        }  # fmt: skip
        s.add_all(people.values())

        def activity(day: datetime, title: str) -> Activity:
            a = Activity(title=title, category=category, village=village, start_at=day,
                         end_at=day, status="done")  # fmt: skip
            s.add(a)
            return a

        jan = activity(datetime(2025, 1, 15, 8), "一月义诊")
        mar = activity(datetime(2025, 3, 15, 8), "三月义诊")
        old = activity(datetime(2024, 6, 15, 8), "去年活动")
        s.flush()
        zhang, li = people["张三丰"], people["李四"]
        s.add_all([
            Participation(activity_id=jan.id, volunteer_id=zhang.id, recorded_minutes=20 * 60),
            Participation(activity_id=mar.id, volunteer_id=zhang.id, recorded_minutes=30 * 60),
            Participation(activity_id=old.id, volunteer_id=zhang.id, recorded_minutes=60 * 60),
            Participation(activity_id=mar.id, volunteer_id=li.id, recorded_minutes=5 * 60,
                          corrected_minutes=10 * 60, correction_reason="漏签退"),
        ])  # fmt: skip
        s.flush()
        return {name: v.id for name, v in people.items()}
