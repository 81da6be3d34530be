"""Resident registry use cases: ID check, birth date and gender from the ID, search."""

from __future__ import annotations

from datetime import date

import pytest

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.errors import UserError
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.services.checkups import residents


def test_add_fills_birth_and_gender_from_id(workspace) -> None:
    world = make_world(workspace.db)
    number = id_number(date(1950, 3, 4), order=13)
    rid = residents.add_resident(
        workspace.db,
        ResidentData(world.village_id, " 张三丰 ", number.lower(), phone="139 1234 5678"),
    )
    row = residents.get_resident_row(workspace.db, rid)
    assert (row.name, row.birth_date, row.gender) == ("张三丰", date(1950, 3, 4), "男")
    assert row.phone == "13912345678"
    assert row.pinyin_initials == "zsf"


def test_wrong_check_digit_is_refused_naming_the_digit(workspace) -> None:
    world = make_world(workspace.db)
    good = id_number(date(1948, 11, 2), order=22)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(UserError) as caught:
        residents.add_resident(workspace.db, ResidentData(world.village_id, "李四", wrong))
    assert "第18位（校验位）" in caught.value.message
    assert f"应为{good[17]}" in caught.value.message
    assert residents.list_residents(workspace.db) == []


def test_duplicate_id_refused(workspace) -> None:
    world = make_world(workspace.db)
    number = id_number(date(1950, 3, 4))
    residents.add_resident(workspace.db, ResidentData(world.village_id, "王五", number))
    with pytest.raises(UserError, match="已登记"):
        residents.add_resident(workspace.db, ResidentData(world.village_id, "王六", number))


def test_search_by_name_initials_and_id_tail(workspace) -> None:
    world = make_world(workspace.db)
    a = id_number(date(1950, 3, 4), order=101)
    b = id_number(date(1952, 6, 7), order=202)
    residents.add_resident(workspace.db, ResidentData(world.village_id, "张三丰", a))
    residents.add_resident(workspace.db, ResidentData(world.village_id, "李秀英", b))
    rows = residents.list_residents(workspace.db, world.village_id)
    assert [r.name for r in residents.search_residents(rows, "zsf")] == ["张三丰"]
    assert [r.name for r in residents.search_residents(rows, "秀英")] == ["李秀英"]
    assert [r.name for r in residents.search_residents(rows, b[-4:])] == ["李秀英"]


def test_update_and_delete(workspace) -> None:
    world = make_world(workspace.db)
    rid = residents.add_resident(workspace.db, ResidentData(world.village_id, "赵七"))
    data = residents.get_resident(workspace.db, rid)
    from dataclasses import replace

    residents.update_resident(workspace.db, rid, replace(data, left_behind_elderly=True))
    assert residents.get_resident_row(workspace.db, rid).left_behind_elderly
    residents.delete_resident(workspace.db, rid)
    assert residents.list_residents(workspace.db) == []


def test_polyphonic_surname_found_by_either_reading(workspace) -> None:
    world = make_world(workspace.db)
    residents.add_resident(workspace.db, ResidentData(world.village_id, "单志强"))
    rows = residents.list_residents(workspace.db, world.village_id)
    assert rows[0].pinyin_initials == "szq|dzq"
    for typed in ("szq", "dzq"):
        assert [r.name for r in residents.search_residents(rows, typed)] == ["单志强"]
