from wenming_desktop.domain.redaction import mask_text


def test_ids_and_mobiles_inside_text_are_masked() -> None:
    text = (
        "联系电话：13904681234 → 0468-3456789；身份证号：11010519491231002X，旧号 110105491231002"
    )
    assert mask_text(text) == (
        "联系电话：139****1234 → 0468-3456789；身份证号：110105********002X，旧号 110105*****1002"
    )


def test_other_numbers_are_left_alone() -> None:
    assert mask_text("第12345678901234567890页，活动 158 场") == (
        "第12345678901234567890页，活动 158 场"
    )
    assert mask_text("") == ""
