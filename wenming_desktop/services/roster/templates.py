"""The blank HR roster workbook (志愿者名单模板) a new office fills when HR has no sheet to give."""

from __future__ import annotations

from pathlib import Path

from wenming_desktop.exports.excel.import_templates import TemplateColumn, write_import_template
from wenming_desktop.services.roster.roster_import import HR_FIELDS

TEMPLATE_FILENAME = "志愿者名单模板.xlsx"
_TEXT_FIELDS = {"staff_no", "phone", "id_number"}
_WIDTHS = {"id_number": 22, "phone": 15, "department": 16}


def write_hr_template(path: Path) -> Path:
    """A workbook whose header row is the one `import volunteers` reads (the first wording of
    each HR field), with a sheet of filling notes. Raises UserError when it cannot be written."""
    columns = [
        TemplateColumn(
            header=field.label,
            required=field.required,
            as_text=field.key in _TEXT_FIELDS,
            width=_WIDTHS.get(field.key, 12),
        )
        for field in HR_FIELDS
    ]
    notes = [
        "志愿者名单填写说明",
        "1. 每行一名职工，第一行是表头，请勿修改表头文字；标红的“姓名”必须填写，其余可空。",
        "2. 工号、手机、身份证号已设为文本格式，直接输入即可，不会丢失开头的 0 或末尾数字。",
        "3. 出生日期可写 1985-03-02、1985.03 或 1985年3月；填了身份证号时以身份证号为准。",
        "4. 科室写全称（如“针灸科”），程序会自动建立尚不存在的科室。",
        "5. 填好后在“志愿者”页点“导入人事花名册…”选择本文件，先看预览再确认导入。",
    ]
    return write_import_template(path, "志愿者名单", columns, notes)
