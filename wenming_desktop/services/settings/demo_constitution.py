"""Demo questionnaire answers for the demo checkups: most elderly residents answered the 33
questions (the constitution is judged from them), the others had one picked without it."""

from __future__ import annotations

import random
from datetime import date

from wenming_desktop.domain.constitution import BALANCED, ITEMS, QUESTION_COUNT, judge

ASKED_SHARE = 0.85
# How often each constitution is the one a demo person leans to (平和质 most often).
LEANINGS: tuple[tuple[str, int], ...] = (
    (BALANCED, 34), ("气虚质", 14), ("阳虚质", 10), ("阴虚质", 9), ("痰湿质", 11),
    ("湿热质", 7), ("血瘀质", 6), ("气郁质", 6), ("特禀质", 3),
)  # fmt: skip


def demo_answers(resident_id: int, day: date) -> str:
    """33 digits for this resident and day ("" for those not asked); the same every run."""
    rng = random.Random(resident_id * 100_003 + day.toordinal())
    if rng.random() >= ASKED_SHARE:
        return ""
    names = [n for n, _ in LEANINGS]
    leaning = rng.choices(names, [w for _, w in LEANINGS])[0]
    answers = [rng.choice((1, 1, 1, 2, 2, 3)) for _ in range(QUESTION_COUNT)]
    if leaning == BALANCED:
        answers[0] = rng.choice((4, 5))
        for i in range(1, QUESTION_COUNT):
            answers[i] = rng.choice((1, 1, 2))
    else:
        for item in ITEMS[leaning]:
            answers[item - 1] = rng.choice((3, 4, 4, 5))
    return "".join(str(a) for a in answers)


def demo_constitution(answers: str, picked: str) -> str:
    """The judged constitution of `answers`, or `picked` when there are none or they point to
    none."""
    if not answers:
        return picked
    return judge(tuple(int(c) for c in answers)).primary or picked
