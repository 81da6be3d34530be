"""Service hours per volunteer and year, and the hospital's figures."""

from __future__ import annotations

from tests.roster_samples import small_roster
from wenming_desktop.services.roster.hours import year_hours


def test_year_hours(workspace) -> None:
    ids = small_roster(workspace.db)
    data = year_hours(workspace.db, 2025)
    by_name = {v.volunteer.name: v for v in data.volunteers}
    zhang, li, wang = by_name["张三丰"], by_name["李四"], by_name["王五"]
    assert zhang.volunteer.id == ids["张三丰"]
    assert zhang.months[0] == 1200 and zhang.months[2] == 1800 and sum(zhang.months) == 3000
    assert zhang.year_minutes == 3000 and zhang.target_met and zhang.activities == 2
    assert zhang.cumulative_minutes == 110 * 60 and zhang.stars == "一星"
    assert li.year_minutes == 600 and not li.target_met  # the correction counts
    assert wang.year_minutes == 0 and wang.stars == ""
    h = data.hospital
    assert (h.volunteers, h.registered, h.below_target) == (3, 2, 2)
    assert h.registration_rate == 2 / 3
    # 人均 over the volunteers who served (张三丰 and 李四), not over the roster of three
    assert h.total_minutes == 3600 and h.serving == 2 and h.average_minutes == 1800
    assert h.average_text == "30.0"
    surgery = next(d for d in h.departments if d.department == "外科")
    assert (surgery.volunteers, surgery.registered, surgery.minutes, surgery.below_target) == (
        2, 1, 600, 2,
    )  # fmt: skip
    assert year_hours(workspace.db, 2024).hospital.total_minutes == 3600
