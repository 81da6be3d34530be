"""A PDF with characters no font has is refused naming every such name and character at once
(not the first only), on every PDF kind and for a whole packet; no file is written."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.exports.pdf.glyphs import unprintable_chars
from wenming_desktop.exports.pdf.refusals import LISTED, Unprintable, refusal_text
from wenming_desktop.services.activities.records import export_activity_record
from wenming_desktop.services.activities.signin import export_volunteer_signin
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.checkups.checkup_exports import export_resident_signin
from wenming_desktop.services.checkups.constitution_guidance import export_day_guidance
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.filing.summary import export_summary
from wenming_desktop.services.office.office_exports import (
    export_meeting_record,
    export_meeting_signin,
)
from wenming_desktop.services.roster.certificates import issue_certificate
from wenming_desktop.services.settings.workspace import Workspace
from wenming_desktop.storage.models import (
    Activity,
    Checkup,
    Participation,
    Resident,
    Village,
    Volunteer,
)
from wenming_desktop.storage.office_models import Meeting
from wenming_desktop.storage.queries.filing import done_activity_ids

PRIVATE = "张\ue000"  # a private-use character: in no font
EXT_G = "周\U00030000"  # CJK Extension G (2020): after the bundled Hanazono fonts
BAD = (PRIVATE, EXT_G)
QI_DEFICIENT = "1" + "55" + "1" * 10 + "5" + "1" * 19


def _refused(call: Callable[[], object], path: Path, names: tuple[str, ...] = BAD) -> str:
    with pytest.raises(UserError) as caught:
        call()
    message = caught.value.message
    for name in names:
        assert name in message, (name, message)
    assert "U+E000" in message and "U+30000" in message
    assert not path.exists()
    return message


def test_the_rule_and_the_message() -> None:
    assert unprintable_chars("李䶮𠮷") == []  # Extensions A and B: the bundled fallback fonts
    assert unprintable_chars(PRIVATE + EXT_G + PRIVATE) == ["\ue000", "\U00030000"]
    found = [(f"王{i}\ue000", "\ue000") for i in range(LISTED + 3)]
    text = refusal_text(found)
    assert f"以下 {LISTED + 3} 处文字" in text and f"等 {LISTED + 3} 处" in text
    assert "“王9\ue000”" in text and "王10" not in text  # the first ten named
    # a refusal raised in a worker process reaches the window whole
    again = pickle.loads(pickle.dumps(Unprintable(found)))
    assert isinstance(again, Unprintable) and again.found == tuple(found)
    assert again.message == text


def _two_volunteers(ws: Workspace) -> tuple[int, list[int]]:
    """A done activity whose first two volunteers with hours are renamed to BAD."""
    period = parse_period("2026")
    with ws.db.write() as session:
        done = done_activity_ids(session, period.start, period.end)
        for activity_id in done:
            parts = session.scalars(
                select(Participation)
                .where(
                    Participation.activity_id == activity_id,
                    Participation.recorded_minutes.is_not(None),
                )
                .order_by(Participation.id)
            ).all()
            if len(parts) >= 2:
                for part, name in zip(parts, BAD, strict=False):
                    session.get(Volunteer, part.volunteer_id).name = name  # type: ignore[union-attr]
                return activity_id, [p.volunteer_id for p in parts[:2]]
    raise AssertionError("no done activity with two volunteers")


def test_volunteer_documents_name_every_bad_name(demo_workspace: Workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    activity_id, volunteer_ids = _two_volunteers(ws)
    sheet = tmp_path / "签到表.pdf"
    message = _refused(lambda: export_volunteer_signin(ws, activity_id, sheet), sheet)
    assert "以下 2 处文字" in message
    record = tmp_path / "活动记录表.pdf"
    _refused(lambda: export_activity_record(ws, activity_id, record), record)
    # a certificate has one name: both of its characters are named
    with ws.db.write() as session:
        volunteer = session.get(Volunteer, volunteer_ids[0])
        assert volunteer is not None
        volunteer.name = PRIVATE + EXT_G[1:]
    certificate = tmp_path / "证明.pdf"
    _refused(
        lambda: issue_certificate(
            ws.db, volunteer_ids[0], date(2020, 1, 1), date(2030, 12, 31), certificate
        ),
        certificate,
        names=(PRIVATE + EXT_G[1:],),
    )


def test_resident_sheet_and_summary_name_every_bad_name(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    with ws.db.write() as session:
        day_id = session.scalars(
            select(Checkup.activity_id).where(Checkup.activity_id.is_not(None))
        ).first()
        checked = session.scalars(
            select(Resident)
            .join(Checkup)
            .where(Checkup.activity_id == day_id)
            .order_by(Resident.id)
        ).all()
        for resident, name in zip(checked, BAD, strict=False):
            resident.name, resident.birth_date = name, date(1950, 3, 1)
        villages = session.scalars(select(Village).order_by(Village.id)).all()
        villages[0].name, villages[1].name = PRIVATE + "村", EXT_G + "村"
        day = session.get(Activity, day_id)
        assert day_id is not None and day is not None
    sheet = tmp_path / "村民签到表.pdf"
    _refused(lambda: export_resident_signin(ws.db, day_id, sheet), sheet)
    summary = tmp_path / "总结.pdf"
    _refused(
        lambda: export_summary(ws.db, summary, parse_period(f"{day.start_at:%Y}"), None),
        summary,
        names=(PRIVATE + "村", EXT_G + "村"),
    )


def test_meeting_record_and_signin_name_every_bad_name(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    with ws.db.write() as session:
        meeting = session.scalars(select(Meeting).order_by(Meeting.id)).first()
        assert meeting is not None and len(meeting.attendees) >= 2
        meeting.chair, meeting.recorder = BAD
        meeting.attendees[0].name, meeting.attendees[1].name = BAD
        meeting_id = meeting.id
    record = tmp_path / "会议记录.pdf"
    _refused(lambda: export_meeting_record(ws, meeting_id, record), record)
    signin = tmp_path / "会议签到表.pdf"
    _refused(lambda: export_meeting_signin(ws, meeting_id, signin), signin)


def test_guidance_names_every_bad_name(workspace: Workspace, tmp_path: Path) -> None:
    world = make_world(workspace.db)
    for i, name in enumerate(BAD):
        rid = residents.add_resident(
            workspace.db,
            ResidentData(world.village_id, name, id_number(date(1950, 3, 1 + i), 10 + i)),
        )
        checkups.save_checkup(
            workspace.db,
            CheckupData(rid, world.day, world.day_id, tcm_answers=QI_DEFICIENT,
                        doctor_id=world.doctor_id),
        )  # fmt: skip
    path = tmp_path / "指导.pdf"
    _refused(lambda: export_day_guidance(workspace.db, world.day_id, path), path)


def test_a_packet_names_every_bad_name_of_all_its_documents(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    """Names in two activity records (written by worker processes) and a meeting's chair:
    one refusal lists them all, and no packet is left."""
    ws = demo_workspace
    period = parse_period("2026")
    with ws.db.write() as session:
        done = done_activity_ids(session, period.start, period.end)
        assert len(done) >= 12  # enough records for the worker processes
        named = []
        for activity_id in done:
            part = session.scalars(
                select(Participation)
                .where(Participation.activity_id == activity_id)
                .order_by(Participation.id)
            ).first()
            if part is not None and part.volunteer_id not in {p.volunteer_id for p in named}:
                named.append(part)
            if len(named) == 2:
                break
        for part, name in zip(named, BAD, strict=True):
            session.get(Volunteer, part.volunteer_id).name = name  # type: ignore[union-attr]
        meeting = session.scalars(
            select(Meeting).where(Meeting.starts_at >= period.start).order_by(Meeting.id)
        ).first()
        assert meeting is not None
        meeting.chair = "王\ue001"
    target = tmp_path / "归档"
    message = _refused(lambda: build_packet(ws, period, None, target), target)
    assert "“王\ue001”" in message and "U+E001" in message
    assert [p for p in tmp_path.iterdir() if p != ws.folder.root] == []  # no staging left


def test_every_pdf_writer_refuses_naming_all() -> None:
    """Each PDF writer lays out its whole document before refusing (a new writer without the
    decorator would stop at the first bad name)."""
    import importlib
    import inspect
    import pkgutil

    from wenming_desktop.exports import packet, pdf

    writers = [packet.write_index]
    for info in pkgutil.iter_modules(pdf.__path__):
        module = importlib.import_module(f"{pdf.__name__}.{info.name}")
        writers += [
            f
            for name, f in inspect.getmembers(module, inspect.isfunction)
            if f.__module__ == module.__name__
            and name.startswith(("write_", "build_"))
            and name != "build_pdf"
        ]
    assert len(writers) >= 8
    unwrapped = [f.__qualname__ for f in writers if not hasattr(f, "__wrapped__")]
    assert unwrapped == []
