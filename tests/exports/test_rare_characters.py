"""生僻字 in names print on every PDF kind (CJK Extension A 䶮, Extension B 𠮷), drawn by a
fallback font; a character no font has stops the export with the name and the character."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlalchemy import select

from tests.pdf_helpers import flat, glyphs_drawn, pdf_text
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.periods import parse_period
from wenming_desktop.exports.packet import INDEX_NAME
from wenming_desktop.services.activities.records import export_activity_record
from wenming_desktop.services.activities.signin import export_volunteer_signin
from wenming_desktop.services.checkups.checkup_exports import export_resident_signin
from wenming_desktop.services.filing.filing import build_packet
from wenming_desktop.services.filing.summary import export_summary
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
from wenming_desktop.storage.queries.filing import done_activity_ids

VOLUNTEER = "李䶮𠮷"
RESIDENT = "张𠮷䶮"
VILLAGE = "䶮𠮷村"
RARE = ("䶮", "𠮷")


class World(NamedTuple):
    activity_id: int
    volunteer_id: int
    village_id: int
    checkup_day_id: int
    day: date


def _rename(ws: Workspace, volunteer: str = VOLUNTEER) -> World:
    """A done activity's first volunteer, its village and a checkup day's resident renamed."""
    period = parse_period("2026")
    with ws.db.write() as session:
        done = done_activity_ids(session, period.start, period.end)
        part = session.scalars(
            select(Participation)
            .where(Participation.activity_id.in_(done), Participation.recorded_minutes.is_not(None))
            .order_by(Participation.id)
        ).first()
        assert part is not None
        activity = session.get(Activity, part.activity_id)
        assert activity is not None
        session.get(Volunteer, part.volunteer_id).name = volunteer  # type: ignore[union-attr]
        session.get(Village, activity.village_id).name = VILLAGE  # type: ignore[union-attr]
        checkup = session.scalars(
            select(Checkup).where(Checkup.activity_id.is_not(None)).order_by(Checkup.id)
        ).first()
        assert checkup is not None and checkup.activity_id is not None
        resident = session.get(Resident, checkup.resident_id)
        assert resident is not None
        resident.name, resident.birth_date = RESIDENT, date(1950, 3, 1)
        return World(
            activity.id, part.volunteer_id, activity.village_id, checkup.activity_id,
            activity.start_at.date(),
        )  # fmt: skip


def _assert_printed(path: Path, name: str) -> None:
    # reportlab 5.1 writes characters beyond U+FFFF (𠮷) into the PDF's text map wrongly, so the
    # text read back holds 䶮 and the name around it; 𠮷 is found by the font that drew it.
    pattern = "".join(re.escape(ch) if ord(ch) <= 0xFFFF else "." for ch in name)
    assert re.search(pattern, flat(pdf_text(path))), f"{name} not in the text of {path.name}"
    # 𠮷: what a fallback font drew besides 䶮
    for ch, font_prefix in (("䶮", ""), ("䶮", "HanaMin")):
        drawn = glyphs_drawn(path, ch, font_prefix)
        assert drawn, f"{ch} not in {path.name}"
        for font, ink in drawn:
            assert font.startswith("HanaMin") or "HanaMin" in font, (
                f"{ch} in {path.name} drawn with {font}"
            )
            assert ink > 0, f"{ch} in {path.name} is blank"


def test_rare_characters_print_on_every_pdf_kind(demo_workspace: Workspace, tmp_path: Path) -> None:
    ws = demo_workspace
    world = _rename(ws)
    volunteer_sheet = tmp_path / "志愿者签到表.pdf"
    export_volunteer_signin(ws, world.activity_id, volunteer_sheet)
    _assert_printed(volunteer_sheet, VOLUNTEER)

    resident_sheet = tmp_path / "村民签到表.pdf"
    assert export_resident_signin(ws.db, world.checkup_day_id, resident_sheet) > 0
    _assert_printed(resident_sheet, RESIDENT)

    record = export_activity_record(ws, world.activity_id, tmp_path / "活动记录表.pdf")
    _assert_printed(record, VOLUNTEER)

    certificate = tmp_path / "证明.pdf"
    issue_certificate(ws.db, world.volunteer_id, date(2020, 1, 1), date(2030, 12, 31), certificate)
    _assert_printed(certificate, VOLUNTEER)

    period = parse_period(f"{world.day:%Y-%m}")
    summary = export_summary(ws.db, tmp_path / "总结.pdf", period, world.village_id)
    _assert_printed(summary, VILLAGE)

    packet = tmp_path / "归档"
    build_packet(ws, period, world.village_id, packet)
    _assert_printed(packet / INDEX_NAME, VILLAGE)
    records = sorted((packet / "03_活动记录").iterdir())
    assert any("李䶮" in flat(pdf_text(p)) for p in records)


def test_a_character_no_font_has_stops_the_export(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    world = _rename(demo_workspace, volunteer="王\ue000")  # private use: in no font
    path = tmp_path / "志愿者签到表.pdf"
    with pytest.raises(UserError) as caught:
        export_volunteer_signin(demo_workspace, world.activity_id, path)
    assert "王\ue000" in caught.value.message and "U+E000" in caught.value.message
    assert not path.exists()
