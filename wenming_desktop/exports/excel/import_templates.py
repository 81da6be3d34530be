"""Blank workbooks for the clerk to fill and import: the header row the import reads, and a
second sheet saying how to fill it. Columns holding numbers that are not amounts (工号, 身份证号,
手机) are formatted as text, so Excel keeps leading zeros and all 18 digits."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from wenming_desktop.exports.files import atomic_output


class TemplateColumn(NamedTuple):
    header: str  # exactly as the import recognises it
    required: bool = False
    as_text: bool = False  # digits that are not amounts: keep them as typed
    width: int = 14


def write_import_template(
    path: Path, sheet_title: str, columns: Sequence[TemplateColumn], notes: Sequence[str]
) -> Path:
    """Write the template to `path` (atomically); required headers are bold and red-tinted.

    Raises UserError when the file cannot be written (see `atomic_output`).
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = sheet_title
    required_fill = PatternFill("solid", fgColor="FCE4E4")
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=number, value=column.header)
        cell.font = Font(bold=column.required)
        cell.alignment = Alignment(horizontal="center")
        if column.required:
            cell.fill = required_fill
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = column.width
        if column.as_text:
            for row in range(2, 502):  # the rows a clerk fills; later rows are typed as they come
                sheet.cell(row=row, column=number).number_format = "@"
    sheet.freeze_panes = "A2"
    help_sheet = workbook.create_sheet("填写说明")
    help_sheet.column_dimensions["A"].width = 90
    for row, line in enumerate(notes, start=1):
        help_sheet.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=True)
    with atomic_output(path) as temp:
        workbook.save(temp)
    return path
