"""The editable lists: categories (with the health flag) and clinic services."""

from __future__ import annotations

import pytest

from tests.activity_helpers import make_activity
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.vocabulary import OTHER_CATEGORIES, PAIRING_CATEGORIES
from wenming_desktop.services.activities import activity_lists as lists
from wenming_desktop.services.activities.clinics import ClinicEntry, get_clinic, save_clinic


def test_categories_are_seeded_and_editable(workspace):
    db = workspace.db
    rows = lists.list_categories(db)
    assert [r.name for r in rows] == list(PAIRING_CATEGORIES + OTHER_CATEGORIES)
    assert [r.name for r in rows if r.is_health] == [
        "政策支持(医疗帮扶)",
        "健康生活(健康义诊/健康体检)",
    ]
    new = lists.save_category(db, None, " 健康讲座 ", True)
    assert lists.list_categories(db)[-1] == (new, "健康讲座", True, 0, 1)
    with pytest.raises(UserError, match="已有名为“教育培训”"):
        lists.save_category(db, new, "教育培训", False)
    aid = make_activity(db, category="健康讲座")
    assert get_clinic(db, aid).is_health
    with pytest.raises(UserError, match="已有 1 场活动使用"):
        lists.delete_category(db, new)
    lists.save_category(db, new, "健康知识讲座", False)  # renaming keeps the activity's link
    assert not get_clinic(db, aid).is_health
    other = lists.save_category(db, None, "临时", False)
    lists.delete_category(db, other)
    assert "临时" not in [r.name for r in lists.list_categories(db)]


def test_service_kinds_are_editable(workspace):
    db = workspace.db
    kind = lists.save_service_kind(db, None, "口腔检查")
    aid = make_activity(db, category="健康生活(健康义诊/健康体检)")
    assert get_clinic(db, aid).lines[-1].service == "口腔检查"
    save_clinic(db, aid, [], [ClinicEntry(kind, 30, 0)])
    with pytest.raises(UserError, match="已有 1 条义诊记录使用"):
        lists.delete_service_kind(db, kind)
    with pytest.raises(UserError, match="不能为空"):
        lists.save_service_kind(db, kind, " ")
    spare = lists.save_service_kind(db, None, "备用")
    lists.delete_service_kind(db, spare)
    assert [r.name for r in lists.list_service_kinds(db)][-1] == "口腔检查"
