"""What an import would do, shown before anything is written: rows, problems, warnings.

Shared by every sheet import (roster, residents, registry), the preview dialog and the command
line: `Problem` (something at a sheet / row / column), `PreviewRow` (a data row and what will
happen to it), `SheetFacts` (what was read: the sheet, its header row, rows skipped as footer or
notes, rows hidden by a filter, sheets left aside) and `ImportPreview`, whose `summary_lines`
are the clerk's one-glance check that the right list was read. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTION_NEW = "新增"
ACTION_UPDATE = "更新"
ACTION_ERROR = "有错误"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a sheet: row is the Excel row number, column the header as found."""

    sheet: str
    row: int
    column: str
    reason: str

    @property
    def text(self) -> str:
        where = f"工作表“{self.sheet}”第{self.row}行"
        if self.column:
            where += f"“{self.column}”"
        return f"{where}：{self.reason}"


@dataclass(frozen=True)
class PreviewRow:
    """One row of an import preview: its Excel row, what will happen, the values shown."""

    row: int
    action: str  # one of ACTION_NEW / ACTION_UPDATE / ACTION_ERROR
    values: tuple[str, ...]
    hidden: bool = False  # hidden in the sheet (by a filter or by hand)


@dataclass
class SheetFacts:
    """What reading found besides the data rows, for the preview's summary."""

    sheet: str = ""
    header_row: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, text) footer / notes
    hidden_rows: list[int] = field(default_factory=list)  # data rows hidden in the sheet
    ignored_sheets: list[str] = field(default_factory=list)  # hidden sheets not read
    file_kind: str = ""  # "xlsx", "xls", "ods"…


def _rows_text(rows: list[int], limit: int = 8) -> str:
    shown = "、".join(str(r) for r in rows[:limit])
    return f"第{shown}{'等' if len(rows) > limit else ''}行"


@dataclass
class ImportPreview:
    """What an import would do, for the preview dialog and the command line report."""

    columns: tuple[str, ...]
    rows: list[PreviewRow]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)
    facts: SheetFacts = field(default_factory=SheetFacts)

    @property
    def valid_count(self) -> int:
        return sum(1 for r in self.rows if r.action != ACTION_ERROR)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.action == ACTION_ERROR)

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary_lines(self) -> list[str]:
        """Sheet read, rows read, rows skipped as footer/notes, hidden rows, warnings,
        refusals: one line each, in Chinese."""
        facts = self.facts
        lines = []
        if facts.sheet:
            where = f"读取工作表：“{facts.sheet}”（表头在第{facts.header_row}行）"
            if facts.ignored_sheets:
                names = "、".join(f"“{n}”" for n in facts.ignored_sheets)
                where += f"；未读取隐藏的工作表{names}"
            lines.append(where)
        lines.append(
            f"读取数据 {len(self.rows)} 行：新增 {self.count(ACTION_NEW)} 行，"
            f"更新 {self.count(ACTION_UPDATE)} 行，有错误 {self.error_count} 行"
            + ("（拒绝导入）" if self.error_count else "")
        )
        skipped = [r for r, _t in facts.skipped]
        lines.append(
            f"跳过表尾/说明 {len(skipped)} 行" + (f"（{_rows_text(skipped)}）" if skipped else "")
        )
        hidden = facts.hidden_rows
        lines.append(
            f"隐藏行 {len(hidden)} 行"
            + (f"（{_rows_text(hidden)}，已读取，请确认是否需要）" if hidden else "")
        )
        lines.append(f"提醒 {len(self.warnings)} 条，问题 {len(self.problems)} 个")
        return lines
