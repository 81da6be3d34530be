"""A bad file chosen on the 志愿者 page: the check runs on the TaskRunner, the Chinese message is
shown by show_error, no preview opens and the roster is unchanged."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests import bad_workbooks as bad
from wenming_desktop.services.roster.roster import list_volunteers


def test_password_protected_file_from_the_page(demo_window, qtbot, monkeypatch, tmp_path) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    page = demo_window.show_page("志愿者")
    demo_window.context.runner.wait(30_000)
    db = demo_window.context.workspace.db
    before = list_volunteers(db)
    page.roster_actions.start_import(bad.password_protected(tmp_path / "人事 花名册.xlsx"))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    demo_window.context.runner.wait(30_000)
    assert shown == [
        "无法导入“人事 花名册.xlsx”：文件设有打开密码，请在Excel中取消密码后另存为.xlsx再导入"
        "（在 Excel 中：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后确定并保存）"
    ]
    assert page.roster_actions.preview_dialog is None
    assert list_volunteers(db) == before
