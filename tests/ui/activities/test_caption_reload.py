"""照片与附件 → 修改说明… when another PC changed the same caption meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from tests.activity_helpers import make_activity
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.settings.workspace import open_workspace
from wenming_desktop.ui.pages.activities import activity_attachments
from wenming_desktop.ui.pages.activities.activity_attachments import ActivityAttachmentsPanel


@pytest.mark.parametrize("reload", [True, False])
def test_a_caption_changed_meanwhile_is_offered_for_reload(
    window, qtbot, monkeypatch, tmp_path, reload: bool
) -> None:
    ws = window.context.workspace
    aid = make_activity(ws.db)
    photo = tmp_path / "现场照片.pdf"
    photo.write_bytes(b"%PDF-1.4 not shown as a thumbnail")
    (attachment,) = attachments.add_attachments(ws.db, ws.folder, aid, [photo], "photo")
    panel = ActivityAttachmentsPanel(window.context)
    qtbot.addWidget(panel)
    panel.set_activity(aid)
    panel.list.setCurrentRow(0)
    other = open_workspace(ws.folder)
    try:
        (row,) = attachments.list_attachments(other.db, aid)
        attachments.set_caption(other.db, attachment, "义诊现场", attachments.seen_caption(row))
    finally:
        other.close()
    shown: list[str] = []  # the text each 附件说明 question opened with
    answers = iter([("宣讲现场", True), ("宣讲现场", True), ("", False)])

    def ask(*_args: object, text: str = "") -> tuple[str, bool]:
        shown.append(text)
        return next(answers)

    offered: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", ask)
    monkeypatch.setattr(
        activity_attachments, "offer_reload", lambda _w, m: offered.append(m) or reload
    )
    qtbot.mouseClick(panel.caption_button, Qt.MouseButton.LeftButton)
    assert "附件“现场照片”的说明在你打开之后" in offered[0]
    caption = attachments.list_attachments(ws.db, aid)[0].caption
    if reload:  # reopened on the newest caption; the second answer then goes through
        assert shown == ["现场照片", "义诊现场"] and len(offered) == 1
        assert caption == "宣讲现场"
    else:  # reopened with what the clerk typed; refused again, then cancelled
        assert shown == ["现场照片", "宣讲现场", "宣讲现场"] and len(offered) == 2
        assert caption == "义诊现场"
