import pytest

from wenming_desktop.domain.text_clean import clean_text, export_safe


@pytest.mark.parametrize(
    ("raw", "single", "multi"),
    [
        ("东兴村", "东兴村", "东兴村"),
        ("东兴\x0b村", "东兴 村", "东兴\n村"),  # Word's manual line break
        ("东\x07兴\x00村", "东兴村", "东兴村"),
        ("第一行\r\n第二行\r第三行", "第一行 第二行 第三行", "第一行\n第二行\n第三行"),
        ("甲\t乙\n丙", "甲 乙 丙", "甲\t乙\n丙"),
        ("a\x1fb\x7fc\x85d", "abcd", "abcd"),
        ("页\x0c尾", "页 尾", "页\n尾"),
        ("\ufffe\uffff", "", ""),
    ],
)
def test_control_characters_go(raw: str, single: str, multi: str) -> None:
    assert clean_text(raw) == single
    assert clean_text(raw, multiline=True) == multi


def test_export_keeps_what_a_sheet_can_hold() -> None:
    assert export_safe("甲\t乙\n丙\r") == "甲\t乙\n丙\r"
    assert export_safe("甲\x0b乙\x00\x07丙") == "甲乙丙"
    assert export_safe("鹤岗市中医院") == "鹤岗市中医院"
