"""The reusable import preview dialog: its tables, counts and the three choices."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wenming_desktop.services.workbooks.sheet_reader import (
    ACTION_ERROR,
    ACTION_NEW,
    ACTION_UPDATE,
    ImportPreview,
    PreviewRow,
    Problem,
)
from wenming_desktop.ui.dialogs.import_preview import (
    CHOICE_ALL,
    CHOICE_VALID_ONLY,
    ImportPreviewDialog,
)


def _preview(with_problem: bool) -> ImportPreview:
    rows = [
        PreviewRow(4, ACTION_NEW, ("张三丰", "1001")),
        PreviewRow(5, ACTION_UPDATE, ("李四", "1002")),
    ]
    problems = []
    if with_problem:
        rows.append(PreviewRow(6, ACTION_ERROR, ("王五", "1005")))
        problems.append(Problem("职工名册", 6, "身份证号码", "身份证号以数字格式保存"))
    return ImportPreview(("姓名", "工号"), rows, problems)


def test_clean_preview_allows_import_all(qtbot, qtmodeltester) -> None:
    dialog = ImportPreviewDialog("导入志愿者", _preview(False))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.rows_model)
    assert dialog.import_all.isEnabled()
    assert not dialog.import_valid.isEnabled()
    assert dialog.rows_model.index(1, 1).data() == "更新"
    assert dialog.rows_model.index(0, 2).data() == "张三丰"
    qtbot.mouseClick(dialog.import_all, Qt.MouseButton.LeftButton)
    assert dialog.choice == CHOICE_ALL and dialog.result() == 1


def test_problems_block_import_all(qtbot, qtmodeltester) -> None:
    dialog = ImportPreviewDialog("导入志愿者", _preview(True))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.problems_model)
    assert not dialog.import_all.isEnabled()
    assert dialog.import_valid.isEnabled()
    assert "有错误 1 行" in dialog.summary.text()
    problem = [dialog.problems_model.index(0, c).data() for c in range(4)]
    assert problem == ["职工名册", "6", "身份证号码", "身份证号以数字格式保存"]
    qtbot.mouseClick(dialog.import_valid, Qt.MouseButton.LeftButton)
    assert dialog.choice == CHOICE_VALID_ONLY


def test_cancel(qtbot) -> None:
    dialog = ImportPreviewDialog("导入志愿者", _preview(True))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None and dialog.result() == 0


def test_preview_says_what_was_read(qtbot) -> None:
    from wenming_desktop.services.workbooks.preview import SheetFacts

    facts = SheetFacts(
        sheet="在职职工",
        header_row=2,
        skipped=[(9, "合计  4人")],
        hidden_rows=[5],
        ignored_sheets=["旧名单"],
        file_kind="xlsx",
    )
    preview = ImportPreview(
        ("姓名", "工号"),
        [
            PreviewRow(4, ACTION_NEW, ("张三丰", "1001")),
            PreviewRow(5, ACTION_NEW, ("李四", "2"), True),
        ],
        [],
        [Problem("在职职工", 5, "手机号码", "手机号“1390000003”不是有效的大陆手机号")],
        facts,
    )
    dialog = ImportPreviewDialog("导入志愿者", preview)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "读取工作表：“在职职工”" in text and "未读取隐藏的工作表“旧名单”" in text
    assert "跳过表尾/说明 1 行（第9行）" in text and "隐藏行 1 行（第5行" in text
    assert "提醒 1 条，问题 0 个" in text
    model = dialog.rows_model
    actions = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert actions == {"4": "新增", "5": "新增（隐藏行）"}
    reasons = [dialog.problems_model.index(r, 3).data() for r in range(2)]
    assert any(r.startswith("提醒：手机号") for r in reasons)
    assert any(r.startswith("跳过（表尾/说明）：合计") for r in reasons)
    assert dialog.import_all.isEnabled()  # warnings never block the import
