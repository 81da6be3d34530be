"""Free-clinic details and the content-hash attachment store."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

from tests.activity_helpers import make_activity, make_volunteers
from wenming_desktop.domain.errors import UserError
from wenming_desktop.services.activities import attachments
from wenming_desktop.services.activities.clinics import ClinicEntry, get_clinic, save_clinic

HEALTH = "健康生活(健康义诊/健康体检)"


def test_clinic_departments_and_services(workspace):
    db = workspace.db
    make_volunteers(db, [("1001", "张三", True)])  # creates department 内科
    aid = make_activity(db, category=HEALTH)
    detail = get_clinic(db, aid)
    assert detail.is_health
    assert [line.service for line in detail.lines][:3] == ["体格检查", "血压测量", "血糖测量"]
    assert all(line.people_served == 0 for line in detail.lines)
    dept = detail.departments[0].id
    first, second = detail.lines[0], detail.lines[1]
    save_clinic(
        db,
        aid,
        [dept],
        [
            ClinicEntry(service_kind_id=first.service_kind_id, people_served=48, materials_given=0),
            ClinicEntry(
                service_kind_id=second.service_kind_id, people_served=115, materials_given=20
            ),
        ],
    )
    detail = get_clinic(db, aid)
    assert detail.present == {dept}
    assert (detail.lines[0].people_served, detail.lines[1].materials_given) == (48, 20)
    save_clinic(db, aid, [], [ClinicEntry(first.service_kind_id, 0, 0)])
    detail = get_clinic(db, aid)
    assert detail.present == set()
    assert all(line.people_served == 0 for line in detail.lines)
    with pytest.raises(UserError, match="负数"):
        save_clinic(db, aid, [], [ClinicEntry(first.service_kind_id, -1, 0)])
    assert not get_clinic(db, make_activity(db, title="讲座")).is_health


def test_clinic_figures_per_department(workspace):
    """People served may be entered per department; the clinic's lines add them up."""
    db = workspace.db
    make_volunteers(db, [("1001", "张三", True)])  # department 内科
    aid = make_activity(db, category=HEALTH)
    detail = get_clinic(db, aid)
    dept = detail.departments[0].id
    kind = detail.lines[1].service_kind_id  # 血压测量
    save_clinic(
        db,
        aid,
        [dept],
        [
            ClinicEntry(kind, 40, 0, department_id=dept),
            ClinicEntry(kind, 15, 3),
            ClinicEntry(kind, 5, 0, department_id=dept),  # typed twice: added up
        ],
    )
    detail = get_clinic(db, aid)
    assert detail.lines[1].people_served == 60
    assert detail.by_department[dept][1].people_served == 45
    assert detail.by_department[None][1].people_served == 15
    with db.read() as session:
        rows = session.execute(
            text("SELECT department_id, people_served FROM clinic_service ORDER BY 1")
        ).all()
    assert sorted(rows, key=lambda r: (r[0] is not None, r[0])) == [(None, 15), (dept, 45)]
    with pytest.raises(UserError, match="未勾选的科室"):
        save_clinic(db, aid, [], [ClinicEntry(kind, 1, 0, department_id=dept)])
    assert get_clinic(db, aid).by_department[dept][1].people_served == 45  # nothing half-saved


def test_attachments_are_stored_by_content_hash(workspace, tmp_path):
    db, folder = workspace.db, workspace.folder
    aid = make_activity(db)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8 fake jpeg " * 100)
    copy = tmp_path / "copy.JPG"
    copy.write_bytes(photo.read_bytes())
    first, second = attachments.add_attachments(db, folder, aid, [photo, copy], "photo")
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    stored = attachments.stored_path(folder, sha, ".jpg")
    assert stored.read_bytes() == photo.read_bytes()
    assert stored.parent.parent == folder.attachments
    photo.unlink()  # the original may go; the store keeps its copy
    rows = attachments.list_attachments(db, aid)
    assert [(r.id, r.kind, r.caption, r.original_name) for r in rows] == [
        (first, "photo", "现场照片", "现场照片.jpg"),
        (second, "photo", "copy", "copy.JPG"),
    ]
    attachments.set_caption(db, first, "义诊现场")
    assert attachments.list_attachments(db, aid)[0].caption == "义诊现场"
    attachments.remove_attachment(db, folder, first)
    assert stored.exists()  # still used by the second record
    attachments.remove_attachment(db, folder, second)
    assert not stored.exists()
    assert attachments.list_attachments(db, aid) == []
    with pytest.raises(UserError, match="无法读取"):
        attachments.add_attachments(db, folder, aid, [tmp_path / "missing.png"], "photo")


def test_deleting_the_activity_removes_files_only_it_used(workspace, tmp_path):
    db, folder = workspace.db, workspace.folder
    first = make_activity(db, title="一")
    second = make_activity(db, title="二")
    shared = tmp_path / "shared.png"
    shared.write_bytes(b"shared photo")
    own = tmp_path / "own.png"
    own.write_bytes(b"only the first")
    attachments.add_attachments(db, folder, first, [shared, own], "photo")
    attachments.add_attachments(db, folder, second, [shared], "photo")
    own_row, shared_row = sorted(
        attachments.list_attachments(db, first), key=lambda r: r.original_name
    )
    attachments.delete_activity_and_files(db, folder, first)
    assert not attachments.stored_path(folder, own_row.sha256, own_row.suffix).exists()
    assert attachments.stored_path(folder, shared_row.sha256, shared_row.suffix).exists()
    assert len(attachments.list_attachments(db, second)) == 1
