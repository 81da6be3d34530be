from datetime import date

import pytest
from sqlalchemy import func, select, text

from wenming_desktop.config import DataFolder
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.identity import parse_id_number
from wenming_desktop.services.safety.integrity import full_check
from wenming_desktop.services.settings.demo import load_demo
from wenming_desktop.services.settings.workspace import Workspace, open_workspace
from wenming_desktop.storage.models import Activity, Checkup, Resident, Village, Volunteer


def table_dump(workspace: Workspace) -> dict[str, list[tuple]]:
    out = {}
    with workspace.db.engine.connect() as conn:
        for table in ("village", "volunteer", "activity", "participation", "resident", "checkup"):
            out[table] = [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))]
    return out


def test_demo_set_is_deterministic_and_sound(tmp_path) -> None:
    today = date(2026, 11, 23)
    dumps = []
    for name in ("a", "b"):
        ws = open_workspace(DataFolder(tmp_path / name))
        load_demo(ws.db, today=today)
        assert full_check(ws.db) == []
        dumps.append(table_dump(ws))
        ws.close()
    assert dumps[0] == dumps[1]


def test_demo_contents_match_the_pairing_plan(demo_workspace: Workspace) -> None:
    with demo_workspace.db.read() as session:
        names = session.scalars(select(Village.name).order_by(Village.id)).all()
        volunteers = session.scalar(select(func.count()).select_from(Volunteer))
        residents = session.scalars(select(Resident.id_number)).all()
        years = session.scalars(
            select(func.distinct(func.extract("year", Activity.start_at)))
        ).all()
        checkup_years = session.scalars(
            select(func.distinct(func.extract("year", Checkup.checkup_date)))
        ).all()
        categories = session.scalar(select(func.count(func.distinct(Activity.category_id))))
    assert names[:2] == ["萝北县肇兴镇东兴村", "萝北县肇兴镇胜利村"]
    assert len(names) == 4
    assert 50 <= (volunteers or 0) <= 70
    assert len(residents) == 300
    for number in residents:
        assert number is not None
        parse_id_number(number)  # every ID carries a valid check digit
    this_year = date.today().year
    assert {int(y) for y in years} == {this_year - 1, this_year}
    assert {int(y) for y in checkup_years} == {this_year - 1, this_year}
    assert categories == 8


def test_demo_refuses_a_folder_with_data(demo_workspace: Workspace) -> None:
    with pytest.raises(UserError, match="已有数据"):
        load_demo(demo_workspace.db, allow_server=True)
