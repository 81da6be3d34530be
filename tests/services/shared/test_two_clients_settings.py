"""Two programs on one database editing what 设置 keeps (report deadlines, activity categories,
free-clinic services, user roles) and attachment captions: a change to another
field is kept, a save over a newer change of the same field is refused and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.activity_helpers import make_activity
from wenming_desktop.config import DataFolder
from wenming_desktop.domain.access import ADMIN, CLERK, VIEWER
from wenming_desktop.domain.edits import Seen
from wenming_desktop.domain.errors import StaleRecord
from wenming_desktop.services.activities import activity_lists, attachments
from wenming_desktop.services.activities.activity_lists import ListData, ListItem
from wenming_desktop.services.filing import deadlines
from wenming_desktop.services.filing.deadlines import DeadlineRow
from wenming_desktop.services.safety import users
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage.database import Database


@pytest.fixture
def two(data_folder: DataFolder) -> Iterator[tuple[Workspace, Workspace]]:
    first, second = open_workspace(data_folder), open_workspace(data_folder)
    yield first, second
    first.close()
    second.close()


def _listed(db: Database, name: str) -> DeadlineRow:
    return next(row for row in deadlines.list_deadlines(db) if row.name == name)


def test_deadline_changes_to_different_fields_are_both_kept(two) -> None:
    pc1, pc2 = two
    row1, row2 = _listed(pc1.db, "工作小结"), _listed(pc2.db, "工作小结")
    deadlines.save_deadline(pc2.db, row2.id, "工作小结", "09-30", seen=deadlines.seen_of(row2))
    deadlines.save_deadline(pc1.db, row1.id, "半年工作小结", "10-20", seen=deadlines.seen_of(row1))
    now = _listed(pc2.db, "半年工作小结")
    assert now.month_day == "09-30"  # PC 1's stale date did not undo PC 2's change
    assert now.version == row1.version + 2


def test_deadline_saved_over_a_newer_change_of_the_same_field_is_refused(two) -> None:
    pc1, pc2 = two
    row1, row2 = _listed(pc1.db, "工作小结"), _listed(pc2.db, "工作小结")
    deadlines.save_deadline(pc2.db, row2.id, "工作小结", "09-30", seen=deadlines.seen_of(row2))
    with pytest.raises(StaleRecord, match=r"报送事项“工作小结”.*已被别人修改.*重新载入"):
        deadlines.save_deadline(
            pc1.db, row1.id, "半年工作小结", "11-15", seen=deadlines.seen_of(row1)
        )
    now = _listed(pc1.db, "工作小结")  # nothing of the refused save was written
    assert (now.month_day, now.version) == ("09-30", row1.version + 1)
    # after 重新载入 the clerk saves again
    deadlines.save_deadline(pc1.db, now.id, "工作小结", "11-15", seen=deadlines.seen_of(now))
    assert _listed(pc2.db, "工作小结").month_day == "11-15"


def test_deadline_unchanged_save_writes_nothing(two) -> None:
    pc1, pc2 = two
    row1, row2 = _listed(pc1.db, "工作小结"), _listed(pc2.db, "工作小结")
    deadlines.save_deadline(pc2.db, row2.id, "工作小结", "09-30", seen=deadlines.seen_of(row2))
    deadlines.save_deadline(pc1.db, row1.id, "工作小结", "10-20", seen=deadlines.seen_of(row1))
    assert _listed(pc1.db, "工作小结").month_day == "09-30"


def test_deadline_saved_without_seen_writes_both_fields(two) -> None:
    pc1, pc2 = two
    row = _listed(pc1.db, "工作小结")
    deadlines.save_deadline(pc2.db, row.id, "工作小结", "09-30")
    deadlines.save_deadline(pc1.db, row.id, "工作小结", "10-21")
    assert _listed(pc2.db, "工作小结").month_day == "10-21"


def _category(db: Database, name: str) -> ListItem:
    return next(c for c in activity_lists.list_categories(db) if c.name == name)


def _kind(db: Database, name: str) -> ListItem:
    return next(k for k in activity_lists.list_service_kinds(db) if k.name == name)


def _seen(item: ListItem) -> Seen[ListData]:
    return activity_lists.seen_as_listed(item.name, item.is_health, item.version)


def test_category_rename_and_health_flag_from_two_pcs_are_both_kept(two) -> None:
    pc1, pc2 = two
    first = activity_lists.list_categories(pc1.db)[0]
    seen1, seen2 = _seen(first), _seen(_category(pc2.db, first.name))
    activity_lists.save_category(pc2.db, first.id, first.name, not first.is_health, seen2)
    activity_lists.save_category(pc1.db, first.id, "新的类别名称", first.is_health, seen1)
    now = _category(pc2.db, "新的类别名称")
    assert now.is_health is (not first.is_health)  # PC 1's stale flag did not undo PC 2's
    assert now.version == first.version + 2


def test_category_renamed_over_a_newer_rename_is_refused(two) -> None:
    pc1, pc2 = two
    first = activity_lists.list_categories(pc1.db)[0]
    seen1 = _seen(first)
    activity_lists.save_category(pc2.db, first.id, "另一台电脑的名称", first.is_health, seen1)
    with pytest.raises(StaleRecord, match=rf"活动类别“{first.name}”.*已被别人修改.*重新载入"):
        activity_lists.save_category(pc1.db, first.id, "这台电脑的名称", first.is_health, seen1)
    now = _category(pc1.db, "另一台电脑的名称")
    assert now.version == first.version + 1  # nothing of the refused save was written
    activity_lists.save_category(pc1.db, now.id, "这台电脑的名称", now.is_health, _seen(now))
    assert _category(pc2.db, "这台电脑的名称").id == first.id


def test_service_kind_renamed_over_a_newer_rename_is_refused(two) -> None:
    pc1, pc2 = two
    first = activity_lists.list_service_kinds(pc1.db)[0]
    seen1 = _seen(first)
    activity_lists.save_service_kind(pc2.db, first.id, "另一台电脑的项目", seen1)
    with pytest.raises(StaleRecord, match=rf"义诊项目“{first.name}”.*已被别人修改.*重新载入"):
        activity_lists.save_service_kind(pc1.db, first.id, "这台电脑的项目", seen1)
    assert _kind(pc1.db, "另一台电脑的项目").version == first.version + 1
    # an unchanged save over the newer one writes nothing; without `seen` the name is written
    activity_lists.save_service_kind(pc1.db, first.id, first.name, seen1)
    assert _kind(pc1.db, "另一台电脑的项目").version == first.version + 1
    activity_lists.save_service_kind(pc1.db, first.id, "这台电脑的项目")
    assert _kind(pc2.db, "这台电脑的项目").id == first.id


def _photo(ws: Workspace, tmp_path: Path) -> tuple[int, int]:
    """(activity id, attachment id) of one photo captioned 现场照片."""
    aid = make_activity(ws.db)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 fake jpeg " * 100)
    (attachment,) = attachments.add_attachments(ws.db, ws.folder, aid, [photo], "photo")
    return aid, attachment


def test_caption_saved_over_a_newer_caption_is_refused(two, tmp_path: Path) -> None:
    pc1, pc2 = two
    aid, attachment = _photo(pc1, tmp_path)
    (row1,) = attachments.list_attachments(pc1.db, aid)
    (row2,) = attachments.list_attachments(pc2.db, aid)
    attachments.set_caption(pc2.db, attachment, "义诊现场", attachments.seen_caption(row2))
    with pytest.raises(StaleRecord, match=r"附件“现场照片”的说明.*已被别人修改.*重新载入"):
        attachments.set_caption(pc1.db, attachment, "宣讲现场", attachments.seen_caption(row1))
    (now,) = attachments.list_attachments(pc1.db, aid)
    assert (now.caption, now.version) == ("义诊现场", row1.version + 1)  # nothing written
    # an unchanged save writes nothing; after 重新载入 the clerk's caption goes through
    attachments.set_caption(pc1.db, attachment, "现场照片", attachments.seen_caption(row1))
    attachments.set_caption(pc1.db, attachment, "宣讲现场", attachments.seen_caption(now))
    assert attachments.list_attachments(pc2.db, aid)[0].caption == "宣讲现场"
    attachments.set_caption(pc2.db, attachment, "不看版本")  # without `seen`: written as is
    assert attachments.list_attachments(pc1.db, aid)[0].caption == "不看版本"


def test_role_set_over_a_newer_role_is_refused(two) -> None:
    pc1, pc2 = two
    users.add_user(pc1.db, "wang", "王主任", ADMIN, "admin-pass-1")
    li = users.add_user(pc1.db, "li", "李干事", VIEWER, "viewer-pass-1")
    users.set_role(pc2.db, li, CLERK, VIEWER)  # PC 2 saw 只读 and made li 录入员
    with pytest.raises(StaleRecord, match=r"用户“li”的角色.*已被别人修改.*重新载入"):
        users.set_role(pc1.db, li, ADMIN, VIEWER)  # PC 1 also saw 只读
    assert _role(pc1.db, "li") == "录入员"  # nothing of the refused save was written
    users.set_role(pc1.db, li, ADMIN, CLERK)  # after 重新载入
    assert _role(pc2.db, "li") == "管理员"
    users.set_role(pc2.db, li, VIEWER)  # without what was seen: written as is
    assert _role(pc1.db, "li") == "只读"


def _role(db: Database, username: str) -> str:
    return next(u.role for u in users.list_users(db) if u.username == username)
