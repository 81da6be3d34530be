from collections import namedtuple
from datetime import date

from PySide6.QtCore import Qt

from wenming_desktop.ui.table_model import ROW_ROLE, Column, RowTableModel

Row = namedtuple("Row", "id name day hours active")
ROWS = [
    Row(1, "张三", date(2026, 7, 15), 3.5, True),
    Row(2, "李四", None, 12.0, False),
    Row(3, "王五", date(2025, 1, 2), 0.5, True),
]


def make_model() -> RowTableModel:
    model = RowTableModel(
        [
            Column("姓名", 1),
            Column("日期", 2),
            Column("时长", 3, align_right=True),
            Column("在册", 4),
        ]
    )
    model.set_rows(ROWS)
    return model


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(make_model())


def test_display_text_alignment_and_row_role() -> None:
    model = make_model()
    assert model.data(model.index(0, 1)) == "2026-07-15"
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(0, 3)) == "是"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole)
    assert model.data(model.index(2, 0), ROW_ROLE) == ROWS[2]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_sorting_keeps_none_last_and_persistent_indexes(qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model)
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(0, 0))  # 张三
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(i).id for i in range(3)] == [3, 1, 2]
    assert model.data(kept) == "张三"
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(i).id for i in range(3)] == [2, 1, 3]


Named = namedtuple("Named", "id name")


def sorted_names(names: list[str | None], order: Qt.SortOrder) -> list[str | None]:
    model = RowTableModel([Column("姓名", "name")])
    model.set_rows([Named(i, name) for i, name in enumerate(names)])
    model.sort(0, order)
    return [model.row_at(i).name for i in range(model.rowCount())]


def test_chinese_names_sort_in_pinyin_order_not_by_code_point() -> None:
    names = ["张", "艾", "王", "陈", "李"]
    assert sorted(names) != ["艾", "陈", "李", "王", "张"]  # code points would get it wrong
    assert sorted_names(names, Qt.SortOrder.AscendingOrder) == ["艾", "陈", "李", "王", "张"]
    assert sorted_names(names, Qt.SortOrder.DescendingOrder) == ["张", "王", "李", "陈", "艾"]


def test_pinyin_order_with_latin_letters_digits_and_empty_values() -> None:
    names = ["张伟", "Bob", "10组", "艾青", None, "alice", "", "2组", "陈", "李四", "王五"]
    ordered = sorted_names(names, Qt.SortOrder.AscendingOrder)
    assert ordered[:3] == ["", "2组", "10组"]  # empty text first, digits by value
    assert ordered[-1] is None  # no value at all: last
    # Where Latin letters go relative to Chinese is the platform's collation's choice (after
    # it with ICU); within each script the order is fixed.
    assert [n for n in ordered if n and n[0] in "艾陈李王张"] == [
        "艾青",
        "陈",
        "李四",
        "王五",
        "张伟",
    ]
    assert [n for n in ordered if n and n[0].isascii() and n[0].isalpha()] == ["alice", "Bob"]


def test_columns_read_fields_by_name() -> None:
    model = RowTableModel([Column("姓名", "name"), Column("日期", "day")])
    model.set_rows(ROWS)
    assert model.data(model.index(0, 0)) == "张三"
    assert model.data(model.index(2, 1)) == "2025-01-02"
