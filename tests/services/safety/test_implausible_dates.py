"""Implausible dates are refused where they are entered, volunteers as well as residents."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.activity_helpers import make_activity, make_volunteers
from tests.checkup_support import make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData, validate_resident
from wenming_desktop.domain.roster import VolunteerData, validate_volunteer
from wenming_desktop.services.activities import activity_volunteers as vols
from wenming_desktop.services.checkups.checkups import save_checkup
from wenming_desktop.services.checkups.residents import add_resident
from wenming_desktop.services.settings.workspace import Workspace


@pytest.mark.parametrize("birth", [date(1899, 12, 31), date.today() + timedelta(days=1)])
def test_birth_dates_of_volunteers_and_residents(birth: date) -> None:
    with pytest.raises(UserError, match="出生日期"):
        validate_volunteer(VolunteerData(name="张三", birth_date=birth))
    with pytest.raises(UserError, match="出生日期"):
        validate_resident(ResidentData(village_id=1, name="李四", birth_date=birth))
    validate_volunteer(VolunteerData(name="张三", birth_date=date(1900, 1, 1)))


def test_an_activity_outside_the_window(workspace: Workspace) -> None:
    with pytest.raises(UserError, match="早于2000年"):
        make_activity(workspace.db, start=datetime(1926, 3, 17, 8, 30))
    with pytest.raises(UserError, match="一年以后"):
        make_activity(workspace.db, start=datetime.now() + timedelta(days=400))


def test_a_sign_in_far_from_the_activity(workspace: Workspace) -> None:
    db = workspace.db
    [vid] = make_volunteers(db, [("1001", "张三", True)])
    aid = make_activity(db, start=datetime(2026, 3, 17, 8, 30))
    vols.assign_volunteers(db, aid, [vid])
    [row] = vols.list_participations(db, aid)
    with pytest.raises(UserError, match="签到时间 2025-03-17"):
        vols.set_times(db, row.id, datetime(2025, 3, 17, 8, 30), datetime(2025, 3, 17, 11))
    with pytest.raises(UserError, match="签退时间"):
        vols.set_times(db, row.id, datetime(2026, 3, 17, 8, 30), datetime(2026, 3, 19, 8))
    vols.set_times(db, row.id, datetime(2026, 3, 17, 8, 30), datetime(2026, 3, 17, 11))


def test_a_checkup_before_the_residents_birth(workspace: Workspace) -> None:
    db = workspace.db
    world = make_world(db, day=date(2020, 5, 1))
    resident = add_resident(
        db, ResidentData(village_id=world.village_id, name="王五", birth_date=date(2021, 1, 1))
    )
    with pytest.raises(UserError, match="早于村民的出生日期"):
        save_checkup(db, CheckupData(resident_id=resident, checkup_date=date(2020, 5, 1)))
    with pytest.raises(UserError, match="早于2000年"):
        save_checkup(db, CheckupData(resident_id=resident, checkup_date=date(1999, 5, 1)))
