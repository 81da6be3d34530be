"""Which rows of a list are not people: totals, signatures, filling notes.

Chinese office sheets end (and sometimes break) their lists with rows such as `合计 4人`,
`制表人：张某  审核人：李某`, `填表说明：…`, `注：…`, `（以下空白）`, `以上共计4人`, `第1页 共2页`,
`合 计` (spaces inside), or a notes block merged across the table.
`notes_row_text(values, name_column)` says whether a row is one of those (and gives its text
for the preview) so the import lists it as skipped instead of refusing a "person" with no name.
A row is a note when its first filled cell starts with one of the words below, or when it
holds a single long text (a merged block) that is not a name in the name column.
No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Words that open a footer or note row (after optional numbering like "1." or "一、").
FOOTER_WORDS = (
    "合计",
    "总计",
    "小计",
    "共计",
    "累计",
    "总人数",
    "制表",
    "填表",
    "填报",
    "审核",
    "审批",
    "复核",
    "负责人",
    "经办人",
    "联系人",
    "主管领导",
    "分管领导",
    "单位负责人",
    "说明",
    "注:",
    "注：",
    "注意",
    "备注:",
    "备注：",
    "附注",
    "签字",
    "签名",
    "盖章",
    "单位(盖章)",
    "统计时间",
    "统计日期",
    "打印时间",
    "打印日期",
    "报送日期",
    "以下空白",
    "以上",
    "此页无正文",
    "领导签字",
    "数据来源",
    "报送单位",
    "填报单位",
    "附：",
    "附:",
)
_FOOTER = re.compile(
    r"^[(（【\[]?(?:[(（]?[0-9一二三四五六七八九十]+[)）.、．])?(?:"
    + "|".join(re.escape(w) for w in FOOTER_WORDS)
    # 共4人, 共 12 名; 第1页 共2页
    + r"|共\d+[人名个项条页]|第\d+页)"
)
_SPACES = re.compile(r"\s+")


def _is_footer(text: str) -> bool:
    """True when `text` opens like a footer or note row (spaces ignored: `合 计`)."""
    return bool(_FOOTER.match(_SPACES.sub("", text)))


_PLAIN_NAME = re.compile(r"^[\u3400-\u9fff\U00020000-\U000323af·]{1,20}$")
LONG_NOTE = 12  # characters: a single text this long in a row is a note, not a person


def notes_row_text(values: Sequence[Any], name_column: int | None) -> str | None:
    """The row's text when it is a footer or note row, else None.

    `values` are the row's cleaned cells from column A on (None when empty); `name_column` is
    the index of the name column, whose plain name is never taken for a note."""
    filled = [(i, v) for i, v in enumerate(values) if v is not None and v != ""]
    if not filled:
        return None
    texts = [str(v) for _i, v in filled]
    joined = "  ".join(texts)
    first = texts[0]
    if _is_footer(first):
        return joined[:60]
    if name_column is not None and name_column < len(values):
        name = values[name_column]
        if isinstance(name, str) and _is_footer(name):
            return joined[:60]
    if len(filled) == 1:
        index, value = filled[0]
        if not isinstance(value, str):
            return None
        if index == name_column and _PLAIN_NAME.match(value):
            return None
        if re.fullmatch(r"[\dXx\-\s]+", value):
            return None  # a number (an ID, a phone) alone is data, not a note
        if len(value) >= LONG_NOTE or ":" in value or "：" in value:
            return value[:60]
    return None
