from dataclasses import replace

from wenming_desktop.domain.guidelines import ActivityFacts, CheckResult, check_activity

GOOD = ActivityFacts(
    expected_attendance=80,
    place_is_public=False,
    police_approval_ref="",
    city_approval_ref="",
    has_backdrop=True,
    medicine_kit_holder="李护士",
    volunteer_count=6,
    unregistered_volunteers=(),
    volunteers_without_time=(),
)


def results(facts: ActivityFacts) -> dict[str, CheckResult]:
    return {check.code: check.result for check in check_activity(facts)}


def test_every_check_is_reported_for_a_small_indoor_activity() -> None:
    assert results(GOOD) == {
        "police": CheckResult.NOT_APPLICABLE,
        "city": CheckResult.NOT_APPLICABLE,
        "backdrop": CheckResult.MET,
        "medicine_kit": CheckResult.MET,
        "registered": CheckResult.MET,
        "time": CheckResult.MET,
        "served": CheckResult.NOT_APPLICABLE,
    }


def test_a_held_free_clinic_needs_its_people_served() -> None:
    held = replace(GOOD, free_clinic_held=True)
    assert results(held)["served"] is CheckResult.NOT_MET
    assert results(replace(held, people_served=0))["served"] is CheckResult.NOT_MET
    assert results(replace(held, people_served=120))["served"] is CheckResult.MET
    assert results(replace(GOOD, people_served=None))["served"] is CheckResult.NOT_APPLICABLE


def test_a_thousand_people_need_police_approval() -> None:
    big = replace(GOOD, expected_attendance=1000)
    assert results(big)["police"] is CheckResult.NOT_MET
    assert results(replace(big, police_approval_ref="鹤公审12号"))["police"] is CheckResult.MET


def test_public_place_needs_city_management_approval() -> None:
    public = replace(GOOD, place_is_public=True)
    assert results(public)["city"] is CheckResult.NOT_MET
    assert results(replace(public, city_approval_ref="城管08号"))["city"] is CheckResult.MET


def test_unregistered_volunteers_and_missing_time_are_named() -> None:
    facts = replace(
        GOOD, unregistered_volunteers=("张三", "李四"), volunteers_without_time=("王五",)
    )
    checks = {check.code: check for check in check_activity(facts)}
    assert checks["registered"].result is CheckResult.NOT_MET
    assert "张三、李四" in checks["registered"].reason
    assert "王五" in checks["time"].reason


def test_missing_backdrop_kit_and_volunteers_are_unmet() -> None:
    facts = replace(GOOD, has_backdrop=False, medicine_kit_holder=" ", volunteer_count=0)
    result = results(facts)
    assert result["backdrop"] is CheckResult.NOT_MET
    assert result["medicine_kit"] is CheckResult.NOT_MET
    assert result["registered"] is CheckResult.NOT_MET
