"""The 体质判定标准表 at every threshold, with answer vectors scored by hand."""

from __future__ import annotations

import pytest

from wenming_desktop.domain.constitution import (
    ITEMS,
    QUESTIONS,
    Verdict,
    bmi_answer,
    judge,
    parse_answers,
    waist_answer,
)
from wenming_desktop.domain.errors import UserError


def answers(base: int = 1, **set_: int) -> tuple[int, ...]:
    """33 answers all `base` except q<n>=value."""
    values = [base] * 33
    for key, value in set_.items():
        values[int(key.removeprefix("q")) - 1] = value
    return tuple(values)


def test_the_form_has_33_questions_each_in_exactly_one_biased_constitution() -> None:
    assert len(QUESTIONS) == 33
    biased = [i for name, items in ITEMS.items() if name != "平和质" for i in items]
    assert sorted(biased) == sorted(set(range(2, 34)) - {1})  # q1 is 平和质's only
    assert ITEMS["平和质"] == (1, 2, 4, 5, 13)


def test_all_never_is_balanced_yes_with_reverse_scoring() -> None:
    result = judge(answers(1))
    # q1=1 plus q2, q4, q5, q13 reversed 1→5: 1+5+5+5+5
    assert result.sums["平和质"] == 21
    assert all(result.sums[c] == 4 for c in ITEMS if c != "平和质")
    assert result.verdicts["平和质"] is Verdict.YES
    assert result.primary == "平和质"
    assert result.summary == "是平和质"


def test_reverse_scoring_of_balanced_items() -> None:
    # q1=5; q2=2→4, q4=3→3, q5=4→2, q13=5→1
    result = judge(answers(1, q1=5, q2=2, q4=3, q5=4, q13=5))
    assert result.sums["平和质"] == 5 + 4 + 3 + 2 + 1
    assert result.sums["气虚质"] == 2 + 1 + 3 + 1  # not reversed for the others


@pytest.mark.parametrize(
    ("q10", "q21", "total", "verdict"),
    [
        (5, 1, 8, Verdict.NO),
        (5, 2, 9, Verdict.LEANING),
        (5, 3, 10, Verdict.LEANING),
        (5, 4, 11, Verdict.YES),
    ],
)
def test_biased_thresholds_8_9_10_11(q10: int, q21: int, total: int, verdict: Verdict) -> None:
    result = judge(answers(1, q10=q10, q21=q21))
    assert result.sums["阴虚质"] == total
    assert result.verdicts["阴虚质"] is verdict


def test_balanced_16_is_no_and_17_is_yes() -> None:
    # q13=5 reverses to 1: 平和质 1+5+5+5+1 = 17, 阳虚质 1+1+5+1 = 8
    at_17 = judge(answers(1, q13=5))
    assert (at_17.sums["平和质"], at_17.sums["阳虚质"]) == (17, 8)
    assert at_17.verdicts["平和质"] is Verdict.YES
    # q5=2 reverses to 4: 16, and no other constitution reaches 9
    at_16 = judge(answers(1, q13=5, q5=2))
    assert at_16.sums["平和质"] == 16
    assert max(v for k, v in at_16.sums.items() if k != "平和质") == 8
    assert at_16.verdicts["平和质"] is Verdict.NO
    assert at_16.primary == ""
    assert at_16.summary == "未能判定体质"


@pytest.mark.parametrize(
    ("q10", "q21", "other", "balanced", "primary", "summary"),
    [
        (5, 1, 8, Verdict.YES, "平和质", "是平和质"),  # others ≤ 8 (8 itself included)
        (5, 2, 9, Verdict.BASIC, "平和质", "基本是平和质；倾向是阴虚质"),
        (5, 3, 10, Verdict.BASIC, "平和质", "基本是平和质；倾向是阴虚质"),  # ≤ 10 included
        (5, 4, 11, Verdict.NO, "阴虚质", "是阴虚质"),
    ],
)
def test_balanced_needs_others_at_most_8_for_yes_and_10_for_basic(
    q10: int, q21: int, other: int, balanced: Verdict, primary: str, summary: str
) -> None:
    result = judge(answers(1, q1=5, q10=q10, q21=q21))
    assert result.sums["平和质"] == 25
    assert result.sums["阴虚质"] == other
    assert result.verdicts["平和质"] is balanced
    assert result.primary == primary
    assert result.summary == summary


def test_primary_is_the_highest_yes_then_the_form_order() -> None:
    # 气郁质 5+5+5+5 = 20 (q5 also lowers 平和质), 特禀质 5+5+1+1 = 12
    result = judge(answers(1, q5=5, q6=5, q7=5, q8=5, q15=5, q17=5))
    assert result.verdicts["气郁质"] is Verdict.YES
    assert result.verdicts["特禀质"] is Verdict.YES
    assert result.primary == "气郁质"
    assert result.summary == "是气郁质、特禀质"
    tie = judge(answers(1, q10=5, q21=5, q15=5, q17=5))  # 阴虚质 12, 特禀质 12
    assert tie.primary == "阴虚质"
    leaning = judge(answers(1, q13=3, q10=3, q21=4))  # 平和质 19, 阴虚质 3+4+1+1 = 9
    assert leaning.verdicts["平和质"] is Verdict.BASIC
    no_balanced = judge(answers(1, q1=1, q13=5, q5=2, q23=3, q25=3, q27=3))
    assert no_balanced.verdicts["湿热质"] is Verdict.LEANING  # 3+3+3+1 = 10
    assert no_balanced.primary == "湿热质"


def test_all_threes_are_biased_everywhere() -> None:
    result = judge(answers(3))
    assert result.sums["平和质"] == 15
    assert all(result.verdicts[c] is Verdict.YES for c in ITEMS if c != "平和质")
    assert result.primary == "气虚质"


@pytest.mark.parametrize(
    "text",
    [
        "1" * 33,
        " ".join("1" * 33),
        ",".join("1" * 33),
        "11111-11111-11111-11111-11111-11111-111",
        "１１１１１１１１１１１１１１１１１１１１１１１１１１１１１１１１１",
    ],
)
def test_parse_answers_accepts_separators(text: str) -> None:
    assert parse_answers(text) == (1,) * 33


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1" * 32, "应有 33 个答案，现有 32 个"),
        ("1" * 34, "应有 33 个答案，现有 34 个"),
        ("1" * 10 + "6" + "1" * 22, "第 11 个答案“6”不是 1～5 的数字"),
        ("0" + "1" * 32, "第 1 个答案“0”不是 1～5 的数字"),
        ("1" * 5 + "x" + "1" * 27, "第 6 个答案“x”不是 1～5 的数字"),
        ("", "现有 0 个"),
    ],
)
def test_parse_answers_refuses_with_a_chinese_message(text: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        parse_answers(text)


def test_judge_refuses_a_short_vector() -> None:
    with pytest.raises(UserError, match="现有 5 个"):
        judge((1, 1, 1, 1, 1))


@pytest.mark.parametrize(
    ("value", "answer"),
    [(23.9, 1), (24.0, 2), (24.99, 2), (25.0, 3), (25.9, 3), (26.0, 4), (27.99, 4), (28.0, 5)],
)
def test_bmi_hint_bands(value: float, answer: int) -> None:
    assert bmi_answer(value) == answer


@pytest.mark.parametrize(
    ("value", "answer"),
    [(79.9, 1), (80, 2), (85, 2), (85.5, 3), (86, 3), (90, 3), (91, 4), (105, 4), (105.1, 5)],
)
def test_waist_hint_bands(value: float, answer: int) -> None:
    assert waist_answer(value) == answer
