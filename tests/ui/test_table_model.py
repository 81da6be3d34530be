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
