"""Checkup statistics: people counted once, band shares, constitution, focus coverage."""

from __future__ import annotations

from datetime import date, timedelta

from tests.checkup_support import id_number, make_world
from wenming_desktop.domain.checkups import CheckupData
from wenming_desktop.domain.residents import ResidentData
from wenming_desktop.domain.vocabulary import TCM_CONSTITUTIONS
from wenming_desktop.services.checkups import checkups, residents
from wenming_desktop.services.checkups.checkup_stats import checkup_stats


def test_stats_of_a_village_year(workspace) -> None:
    world = make_world(workspace.db, day=date(2025, 6, 10))
    db = workspace.db
    a = residents.add_resident(
        db,
        ResidentData(
            world.village_id, "甲", id_number(date(1950, 1, 1), 1), left_behind_elderly=True
        ),
    )
    b = residents.add_resident(
        db,
        ResidentData(
            world.village_id, "乙", id_number(date(1952, 1, 1), 2), left_behind_elderly=True
        ),
    )
    c = residents.add_resident(
        db, ResidentData(world.village_id, "丙", id_number(date(1990, 1, 1), 3))
    )
    early = world.day - timedelta(days=30)
    # 甲 twice: the later checkup counts
    checkups.save_checkup(db, CheckupData(a, early, systolic=160, diastolic=100))
    checkups.save_checkup(
        db,
        CheckupData(
            a, world.day, systolic=120, diastolic=80, fasting_glucose=6.5, constitution="气虚质",
            height_cm=160, weight_kg=80,
            self_care={"eating": 0, "grooming": 0, "dressing": 0, "toilet": 0, "moving": 1},
        ),
    )  # fmt: skip
    checkups.save_checkup(
        db, CheckupData(c, world.day, systolic=150, diastolic=85, constitution="气虚质")
    )
    checkups.save_checkup(db, CheckupData(b, date(2024, 6, 1), systolic=120, diastolic=80))
    stats = checkup_stats(db, 2025, world.village_id)
    assert (stats.checkups, stats.people) == (3, 2)
    by_title = {d.title: d for d in stats.distributions}
    assert by_title["血压"].counts == [("正常", 1), ("偏高", 1)]
    assert by_title["空腹血糖"].counts == [("正常", 0), ("空腹血糖受损", 1), ("偏高", 0)]
    assert dict(by_title["BMI"].counts)["肥胖"] == 1
    assert dict(by_title["中医体质（直接选定）"].counts)["气虚质"] == 2
    assert by_title["中医体质（问卷辨识）"].measured == 0
    assert by_title["血压"].share(1) == 0.5
    assert dict(by_title["生活自理能力（60岁及以上）"].counts)["可自理"] == 1
    coverage = {c.group: (c.registered, c.checked) for c in stats.coverage}
    assert coverage["留守老人"] == (2, 1)  # 乙 was checked only in 2024
    assert (stats.elderly_registered, stats.elderly_checked) == (2, 1)


def test_constitution_counts_questionnaire_results_apart_from_picked_ones(workspace) -> None:
    db = workspace.db
    world = make_world(db, day=date(2025, 5, 20))
    qi = "1" + "55" + "1" * 10 + "5" + "1" * 19  # 气虚质 16 是
    none = "1" * 4 + "2" + "1" * 7 + "5" + "1" * 20  # 平和质 16, others ≤ 8: points to none
    people = [
        ("甲", qi, "", ""),
        ("乙", qi, "阳虚质", "舌脉所见"),  # the doctor overrode: counted as judged, and overridden
        ("丙", "1" * 33, "", ""),  # 平和质
        ("丁", none, "", ""),
        ("戊", "", "痰湿质", ""),  # picked without a questionnaire
        ("己", "", "", ""),  # neither
    ]
    for i, (name, answers, constitution, reason) in enumerate(people):
        rid = residents.add_resident(
            db, ResidentData(world.village_id, name, id_number(date(1950, 1, 1), 20 + i))
        )
        checkups.save_checkup(
            db,
            CheckupData(rid, world.day, tcm_answers=answers, constitution=constitution,
                        constitution_override_reason=reason),
        )  # fmt: skip
    stats = checkup_stats(db, 2025, world.village_id)
    by_title = {d.title: d for d in stats.distributions}
    judged = by_title["中医体质（问卷辨识）"]
    assert judged.measured == 4
    assert dict(judged.counts) == {
        **{c: 0 for c in TCM_CONSTITUTIONS},
        "气虚质": 2,
        "平和质": 1,
        "问卷未能判定": 1,
    }
    picked = by_title["中医体质（直接选定）"]
    assert picked.measured == 1 and dict(picked.counts)["痰湿质"] == 1
    assert (stats.constitution_asked, stats.constitution_overridden) == (4, 1)
    assert stats.constitution_picked == 1
